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
        if (spec.classes() != data.classes().size()) spec = spec.withClasses(data.classes().size());
        Checkpoint checkpoint = new Checkpoint(out);
        try (BatchLoader loader = new BatchLoader(spec.resolution(), config.batchSize(), config.loaderThreads())) {
            Checkpoint.State state;
            KerasWeights weights;
            Map<String, float[]> momentum;
            if (checkpoint.exists()) {
                state = checkpoint.state();
                checkpoint.checkMatches(state, spec);
                weights = checkpoint.weights(spec);
                momentum = checkpoint.momentum();
            } else {
                state = Checkpoint.fresh(spec, data.classes());
                weights = withInputStatistics(KerasWeights.random(spec, config.seed()), data, loader);
                momentum = new LinkedHashMap<>();
            }
            long stepsPerEpoch = data.train().size() / config.batchSize();
            if (stepsPerEpoch == 0) {
                throw new IllegalArgumentException("only " + data.train().size() + " training images for a batch of " + config.batchSize());
            }
            long totalSteps = stepsPerEpoch * config.epochs();
            LearningRateSchedule schedule = new LearningRateSchedule(config.learningRate(),
                    Math.round(config.warmupEpochs() * stepsPerEpoch), totalSteps);
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
                            if (cancelled.getAsBoolean()) throw new CancellationException("training cancelled; the last finished epoch is kept in " + out);
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
                                        lr, Double.NaN, Double.NaN, false, normSum / normCount, loader.skippedNote()));
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
                        checkpoint.save(spec, current, graph.momentumSlots(), new Checkpoint.State(spec.width(), spec.depth(),
                                spec.resolution(), spec.classes(), epoch + 1, step, seconds, data.classes(), history));
                        progress.accept(new TrainingProgress(spec.name(), epoch, config.epochs(), step, totalSteps, record.loss(),
                                record.accuracy(), record.imagesPerSecond(), Double.NaN, schedule.at(Math.max(0, step - 1)),
                                acc.top1(), acc.top5Rate(), true, Double.NaN, loader.skippedNote()));
                    }
                }
            }
            Path model = out.resolve("model.h5");
            KerasWeights finalWeights = checkpoint.weights(spec);
            KerasH5.write(model, spec, finalWeights);
            Checkpoint.EpochRecord last = history.get(history.size() - 1);
            double ips = history.stream().mapToDouble(Checkpoint.EpochRecord::imagesPerSecond).average().orElse(Double.NaN);
            return new Result(spec, model, last.validationTop1(), last.validationTop5(), seconds, step, ips, history);
        }
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
