package org.scalinglab.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.scalinglab.arch.NetworkSpec;

/**
 * Trains planned networks one after another, each in its own folder {@code out/<id>/}: the common loop of the
 * study, the grid search and the sweep. A job marked done is skipped; an interrupted one resumes from the
 * checkpoint in its folder (the {@link Trainer} does that). After each trained job the caller rewrites its report.
 */
final class TrainingPlan {

    /** One planned network; {@code done} when its result is already in the report and its model.h5 on disk. */
    record Job(String id, NetworkSpec spec, boolean done) {
    }

    /** Called after each job that was trained in this run. */
    interface AfterEach {
        void trained(int index, Trainer.Result result) throws IOException;
    }

    private TrainingPlan() {
    }

    static void run(List<Job> jobs, ImageFolder data, TrainingConfig config, Path out, Consumer<TrainingProgress> progress,
                    BooleanSupplier cancelled, AfterEach after) throws IOException {
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            if (job.done()) continue;
            if (cancelled.getAsBoolean()) throw new CancellationException("cancelled before " + job.id() + "; run the same command again to resume");
            Trainer.Result r = Trainer.train(job.spec().withName(job.id()), data, config, out.resolve(job.id()), progress, cancelled);
            after.trained(i, r);
        }
    }

    /** Whether a planned network needs no more training: the previous report has its result and model.h5 exists. */
    static boolean finished(Path out, String id, boolean reported) {
        return reported && Files.isRegularFile(out.resolve(id).resolve("model.h5"));
    }

    /**
     * Refuses to continue a run whose report was written with other settings, naming each difference, so results
     * of two different searches never mix in one folder.
     */
    static void requireSameSettings(Path report, Map<String, Object> previous, Map<String, Object> requested) {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Object> e : requested.entrySet()) {
            Object before = previous.get(e.getKey());
            if (!Objects.equals(before, e.getValue())) {
                differences.add(e.getKey() + " " + shorten(e.getValue()) + " now, " + shorten(before) + " there");
            }
        }
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException(report + " was written with other settings (" + String.join("; ", differences)
                    + "): use another --out folder, or the same settings to resume");
        }
    }

    private static String shorten(Object value) {
        String s = String.valueOf(value);
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
