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
 * study, the grid search and the sweep. An interrupted job resumes from the checkpoint in its folder (the
 * {@link Trainer} does that). The grid search and the sweep also keep a {@link PlannedReport} that skips the jobs
 * a previous run finished.
 */
final class TrainingPlan {

    /** One planned network, trained in {@code out/<id>/}. */
    record Job(String id, NetworkSpec spec) {
    }

    /** Called after each job that was trained in this run. */
    interface AfterEach {
        void trained(int index, Trainer.Result result) throws IOException;
    }

    /** Reads one kind of report; a file that is not one is an IOException. */
    interface Reader<R> {
        R read(Path file) throws IOException;
    }

    private TrainingPlan() {
    }

    /**
     * Trains the jobs of a report ({@code jobs[i]} is {@code planned.entries()[i]}) that are not yet finished,
     * rewriting {@code file} (and calling {@code updated}) once with the plan and after each job. A report already
     * in {@code file} is continued when it was written with the same settings: its finished entries are kept and
     * their jobs skipped. Cancelling throws {@link CancellationException}; what was finished stays in the report.
     */
    static <R extends PlannedReport<R, E>, E extends PlannedReport.Entry<E>> R run(
            R planned, List<Job> jobs, Path file, Reader<R> reader, ImageFolder data, TrainingConfig config, Path out,
            Consumer<TrainingProgress> progress, BooleanSupplier cancelled, Consumer<R> updated) throws IOException {
        List<E> entries = new ArrayList<>(planned.entries());
        if (Files.exists(file)) {
            R previous = reader.read(file);
            requireSameSettings(file, previous.settings(), planned.settings());
            entries = new ArrayList<>(previous.entries());
        }
        boolean[] done = new boolean[jobs.size()];
        for (int i = 0; i < jobs.size(); i++) {
            done[i] = finished(out, jobs.get(i).id(), entries.get(i).trained());
            if (!done[i]) entries.set(i, planned.entries().get(i));
        }
        List<E> results = entries;
        save(file, planned.withEntries(results), updated);
        run(jobs, done, data, config, out, progress, cancelled, (i, r) -> {
            results.set(i, results.get(i).withResult(r, out.relativize(r.weights()).toString()));
            save(file, planned.withEntries(results), updated);
        });
        return planned.withEntries(results);
    }

    /** Trains every job but those marked done; a finished checkpoint returns its result without training. */
    static void run(List<Job> jobs, boolean[] done, ImageFolder data, TrainingConfig config, Path out,
                            Consumer<TrainingProgress> progress, BooleanSupplier cancelled, AfterEach after) throws IOException {
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            if (done[i]) continue;
            if (cancelled.getAsBoolean()) throw new CancellationException("cancelled before " + job.id() + "; run the same command again to resume");
            // a plan rerun with more epochs extends its unfinished networks (the trainer says so in a note)
            Trainer.Result r = Trainer.train(job.spec().withName(job.id()), data, config, out.resolve(job.id()), progress, cancelled, true);
            after.trained(i, r);
        }
    }

    private static <R extends PlannedReport<R, ?>> void save(Path file, R report, Consumer<R> updated) throws IOException {
        report.write(file);
        updated.accept(report);
    }

    /** Whether a planned network needs no more training: the previous report has its result and model.h5 exists. */
    private static boolean finished(Path out, String id, boolean reported) {
        return reported && Files.isRegularFile(out.resolve(id).resolve("model.h5"));
    }

    /**
     * Refuses to continue a run whose report was written with other settings, naming each difference, so results
     * of two different searches never mix in one folder.
     */
    private static void requireSameSettings(Path report, Map<String, Object> previous, Map<String, Object> requested) {
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
