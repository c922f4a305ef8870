package org.scalinglab.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.io.AtomicFiles;
import org.scalinglab.tf.KerasH5;
import org.scalinglab.tf.KerasWeights;

/**
 * Trains one network on an image folder, from scratch or from the checkpoint in its output folder, reporting
 * progress and checkpointing after every epoch. Cancelling stops at the next step; the last finished epoch is kept.
 * The finished weights are {@code model.h5} in the output folder, in the Keras layout.
 */
public final class Trainer {

    /** A finished run. */
    public record Result(NetworkSpec spec, Path weights, double top1, double top5, double seconds, long steps,
                         double imagesPerSecond, List<Checkpoint.EpochRecord> history) {
    }

    private static final int PROGRESS_EVERY = 10;
    private static final int STATISTICS_IMAGES = 256;

    private Trainer() {
    }

    public static Result train(NetworkSpec spec, ImageFolder data, TrainingConfig config, Path out,
                               Consumer<TrainingProgress> progress, BooleanSupplier cancelled) throws IOException {
        return train(spec, data, config, out, progress, cancelled, false);
    }

    /**
     * @param extend accept more epochs than the run in {@code out} was started for (its cosine schedule is then spread
     *               over the new total); without it a rerun must have the recorded settings exactly
     */
    public static Result train(NetworkSpec spec, ImageFolder data, TrainingConfig config, Path out,
                               Consumer<TrainingProgress> progress, BooleanSupplier cancelled, boolean extend) throws IOException {
        if (spec.classes() != data.classes().size()) spec = spec.withClasses(data.classes().size());
        RunSettings settings = RunSettings.of(spec, data, config);
        Checkpoint checkpoint = new Checkpoint(out);
        try (TrainingLock lock = TrainingLock.acquire(out);
             BatchLoader loader = new BatchLoader(spec.resolution(), config.batchSize(), config.loaderThreads())) {
            long stepsPerEpoch = data.train().size() / config.batchSize();
            if (stepsPerEpoch == 0) {
                throw new IllegalArgumentException("only " + data.train().size() + " training images for a batch of " + config.batchSize());
            }
            long totalSteps = stepsPerEpoch * config.epochs();
            LearningRateSchedule schedule = new LearningRateSchedule(config.learningRate(),
                    Math.round(config.warmupEpochs() * stepsPerEpoch), totalSteps);
            Checkpoint.State state;
            KerasWeights weights;
            Map<String, float[]> momentum;
            if (checkpoint.exists()) {
                state = checkpoint.state();
                checkpoint.checkMatches(state, spec);
                if (state.legacy()) {
                    progress.accept(TrainingProgress.note(spec.name(), "a checkpoint of an earlier version: its settings were not recorded"
                            + " and its files carry no checksums, so they cannot be checked"));
                } else {
                    checkSameRun(out, state, settings, extend, schedule, progress, spec.name());
                }
                weights = checkpoint.weights(state, spec);
                momentum = checkpoint.momentum(state);
                progress.accept(TrainingProgress.note(spec.name(), state.epochsDone() < config.epochs()
                        ? "resuming at epoch " + (state.epochsDone() + 1) + " of " + config.epochs() + " from the checkpoint in " + out
                        : "the run in " + out + " has finished its " + state.epochsDone() + " epochs"));
            } else {
                state = Checkpoint.fresh(spec, data.classes(), settings);
                weights = withInputStatistics(KerasWeights.random(spec, config.seed()), data, loader);
                momentum = new LinkedHashMap<>();
            }
            List<Checkpoint.EpochRecord> history = new ArrayList<>(state.history());
            long step = state.step();
            double seconds = state.seconds();
            if (state.epochsDone() < config.epochs()) {
                try (TrainingGraph graph = new TrainingGraph(spec, weights, momentum, config)) {
                    for (int epoch = state.epochsDone(); epoch < config.epochs(); epoch++) {
                        long t0 = System.nanoTime();
                        double lossSum = 0;
                        int correct = 0;
                        int seen = 0;
                        int batches = 0;
                        double normSum = 0;
                        int normCount = 0;
                        for (BatchLoader.Batch b : loader.epoch(data.train(), true, config.seed(), epoch)) {
                            if (cancelled.getAsBoolean()) {
                                throw new CancellationException("training stopped; the checkpoint of epoch " + epoch + " is kept in " + out
                                        + ": run the same command again to resume");
                            }
                            if (b.count() < 2) continue;
                            double lr = schedule.at(step);
                            TrainingGraph.StepResult r = graph.step(b, lr, step);
                            if (!Double.isFinite(r.loss())) {
                                throw new IllegalStateException("the loss became " + r.loss() + " at step " + step + "; lower the learning rate");
                            }
                            step++;
                            batches++;
                            lossSum += r.loss();
                            normSum += r.gradientNorm();
                            normCount++;
                            correct += r.correct();
                            seen += b.count();
                            if (batches % PROGRESS_EVERY == 0) {
                                double elapsed = (System.nanoTime() - t0) / 1e9;
                                double ips = seen / elapsed;
                                progress.accept(new TrainingProgress(spec.name(), epoch, config.epochs(), step, totalSteps,
                                        lossSum / batches, correct / (double) seen, ips, (totalSteps - step) * config.batchSize() / ips,
                                        lr, Double.NaN, Double.NaN, false, normSum / normCount, loader.skippedNote(), null));
                                normSum = 0;
                                normCount = 0;
                            }
                        }
                        double trainSeconds = (System.nanoTime() - t0) / 1e9;
                        KerasWeights current = graph.weights();
                        Evaluator.Result acc = Evaluator.evaluate(spec, current, data.validation(), loader, (d, t) -> { }, () -> false);
                        seconds += (System.nanoTime() - t0) / 1e9;
                        Checkpoint.EpochRecord record = new Checkpoint.EpochRecord(epoch, step, lossSum / Math.max(1, batches),
                                correct / (double) Math.max(1, seen), acc.top1(), acc.top5Rate(), trainSeconds, seen / trainSeconds);
                        history.add(record);
                        state = Checkpoint.after(state, epoch + 1, step, seconds, history, settings);
                        checkpoint.save(spec, current, graph.momentumSlots(), state);
                        state = checkpoint.state();
                        progress.accept(new TrainingProgress(spec.name(), epoch, config.epochs(), step, totalSteps, record.loss(),
                                record.accuracy(), record.imagesPerSecond(), Double.NaN, schedule.at(Math.max(0, step - 1)),
                                acc.top1(), acc.top5Rate(), true, Double.NaN, loader.skippedNote(), null));
                    }
                }
            }
            Path model = out.resolve("model.h5");
            KerasWeights finalWeights = checkpoint.weights(state, spec);
            final NetworkSpec trained = spec;
            AtomicFiles.writePath(model, f -> KerasH5.write(f, trained, finalWeights));
            Checkpoint.EpochRecord last = history.get(history.size() - 1);
            double ips = history.stream().mapToDouble(Checkpoint.EpochRecord::imagesPerSecond).average().orElse(Double.NaN);
            return new Result(spec, model, last.validationTop1(), last.validationTop5(), seconds, step, ips, history);
        }
    }

    /**
     * A rerun must be the recorded run: the same data, network and settings; more epochs only with {@code extend}
     * (said in a note, with what it does to the learning rate).
     */
    private static void checkSameRun(Path out, Checkpoint.State state, RunSettings now, boolean extend, LearningRateSchedule schedule,
                                     Consumer<TrainingProgress> progress, String model) {
        RunSettings there = state.settings();
        List<String> differences = now.differences(there);
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException(out + " holds a run with other settings (" + String.join("; ", differences)
                    + "): use the same settings to resume it, or another --out folder");
        }
        if (now.epochs() == there.epochs()) return;
        String done = state.epochsDone() >= there.epochs() ? "finished its " + there.epochs() + " epochs"
                : "was started for " + there.epochs() + " epochs (" + state.epochsDone() + " done)";
        if (now.epochs() < there.epochs() || !extend) {
            throw new IllegalArgumentException(out + " holds a run that " + done + "; --epochs " + now.epochs() + " would change its"
                    + " learning-rate schedule: use --epochs " + there.epochs() + (now.epochs() > there.epochs()
                    ? ", or add --extend to train on to " + now.epochs() + " epochs" : "") + ", or another --out folder");
        }
        progress.accept(TrainingProgress.note(model, String.format(java.util.Locale.ROOT,
                "extending the run from %d to %d epochs: the cosine learning rate now spans %d epochs, so at step %d it is %.5f",
                there.epochs(), now.epochs(), now.epochs(), state.step(), schedule.at(state.step()))));
    }

    /** Keras' Normalization.adapt: per-channel mean and variance of pixels/255 over a sample of training images. */
    static KerasWeights withInputStatistics(KerasWeights w, ImageFolder data, BatchLoader loader) {
        double[] sum = new double[3];
        double[] sq = new double[3];
        long n = 0;
        List<ImageFolder.Item> sample = data.train().subList(0, Math.min(STATISTICS_IMAGES, data.train().size()));
        for (BatchLoader.Batch b : loader.epoch(sample, false, 0, 0)) {
            float[] p = b.pixels();
            for (int i = 0; i < p.length; i += 3) {
                for (int c = 0; c < 3; c++) {
                    double v = p[i + c] / 255.0;
                    sum[c] += v;
                    sq[c] += v * v;
                }
                n++;
            }
        }
        float[] mean = new float[3];
        float[] variance = new float[3];
        for (int c = 0; c < 3; c++) {
            mean[c] = (float) (sum[c] / n);
            variance[c] = (float) Math.max(1e-6, sq[c] / n - mean[c] * (double) mean[c]);
        }
        Map<String, Map<String, float[]>> values = new LinkedHashMap<>(w.values());
        Map<String, float[]> norm = new LinkedHashMap<>(values.get("normalization"));
        norm.put("mean", mean);
        norm.put("variance", variance);
        norm.put("count", new float[] {n});
        values.put("normalization", norm);
        return new KerasWeights(values, false);
    }
}
