package org.scalinglab.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A report that lists every planned network from the start and is rewritten after each one is trained: grid.json
 * ({@link GridSearchReport}) and sweep.json ({@link SweepReport}). {@code TrainingPlan.run} trains its networks,
 * skipping those a previous run finished.
 */
public interface PlannedReport<R extends PlannedReport<R, E>, E extends PlannedReport.Entry<E>> {

    /** One planned network; its results stay null until it is trained. */
    interface Entry<E> {
        long macs();

        boolean trained();

        Double top1();

        Double top5();

        double trainingSeconds();

        /** This entry after training: the trainer's result, and its weights file relative to the output folder. */
        E withResult(Trainer.Result result, String weights);
    }

    /** The base network the planned ones are scaled from. */
    BaseSize base();

    /** The planned networks, in training order. */
    List<E> entries();

    /** This report with other entries for the same networks. */
    R withEntries(List<E> entries);

    /** What must agree for two runs to share a folder: everything but the results. */
    Map<String, Object> settings();

    default void write(Path file) throws IOException {
        ReportJson.write(file, this);
    }

    /** Reads a report of this type; one without a base or entries is an IOException saying it is not {@code what}. */
    static <R extends PlannedReport<R, ?>> R read(Path file, Class<R> type, String what) throws IOException {
        R r = ReportJson.read(file, type);
        if (r.entries() == null || r.base() == null) throw new IOException(file + " is not " + what);
        return r;
    }
}
