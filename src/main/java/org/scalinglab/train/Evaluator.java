package org.scalinglab.train;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.tf.ConstantWeights;
import org.scalinglab.tf.GraphBuilder;
import org.scalinglab.tf.KerasWeights;
import org.scalinglab.tf.TfRuntime;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Accuracy of weights on labelled images: the trainer's validation after every epoch and the {@code evaluate}
 * command run this same code (the same loader, centre crop and graph), so they agree to the last digit. An image
 * counts towards top-k when fewer than k classes score strictly above its true class.
 */
public final class Evaluator {

    /**
     * @param confusion [true class][top-1 class] counts
     * @param top5      images whose true class is among the five highest scores
     * @param skipped   the loader's note on unreadable files, or null
     */
    public record Result(int[][] confusion, int top5, String skipped) {
        public int images() {
            int n = 0;
            for (int[] row : confusion) for (int v : row) n += v;
            return n;
        }

        public int top1Correct() {
            int n = 0;
            for (int c = 0; c < confusion.length; c++) n += confusion[c][c];
            return n;
        }

        public double top1() {
            return images() == 0 ? Double.NaN : top1Correct() / (double) images();
        }

        public double top5Rate() {
            return images() == 0 ? Double.NaN : top5 / (double) images();
        }

        /** Top-1 accuracy of the images of one true class (NaN when it has none). */
        public double classAccuracy(int c) {
            int n = 0;
            for (int v : confusion[c]) n += v;
            return n == 0 ? Double.NaN : confusion[c][c] / (double) n;
        }

        public int classImages(int c) {
            int n = 0;
            for (int v : confusion[c]) n += v;
            return n;
        }
    }

    /** After each batch: images done, images in all. */
    public interface Progress {
        void update(int done, int total);
    }

    private Evaluator() {
    }

    /** With a loader of its own: {@code batch} images per run, {@code threads} decoding threads. */
    public static Result evaluate(NetworkSpec spec, KerasWeights weights, List<ImageFolder.Item> items, int batch, int threads,
                                  Progress progress, BooleanSupplier cancelled) {
        try (BatchLoader loader = new BatchLoader(spec.resolution(), batch, threads)) {
            return evaluate(spec, weights, items, loader, progress, cancelled);
        }
    }

    static Result evaluate(NetworkSpec spec, KerasWeights weights, List<ImageFolder.Item> items, BatchLoader loader,
                           Progress progress, BooleanSupplier cancelled) {
        TfRuntime.ensureLoaded();
        int classes = spec.classes();
        int[][] confusion = new int[classes][classes];
        int top5 = 0;
        int done = 0;
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            GraphBuilder.EfficientNetGraph net = new GraphBuilder(tf, spec, new ConstantWeights(tf, weights),
                    weights.imagenetStatistics(), GraphBuilder.Mode.INFERENCE).build();
            try (Session session = new Session(graph)) {
                for (BatchLoader.Batch b : loader.epoch(items, false, 0, 0)) {
                    if (cancelled.getAsBoolean()) throw new CancellationException("evaluation stopped after " + done + " of " + items.size() + " images");
                    if (b.count() > 0) {
                        try (TFloat32 x = TFloat32.tensorOf(Shape.of(b.count(), b.size(), b.size(), 3), DataBuffers.of(b.pixels(), true, false));
                             org.tensorflow.Result r = session.runner().feed(net.image(), x).fetch(net.logits()).run()) {
                            TFloat32 logits = (TFloat32) r.get(0);
                            for (int i = 0; i < b.count(); i++) {
                                int truth = b.labels()[i];
                                float score = logits.getFloat(i, truth);
                                int above = 0;
                                int best = 0;
                                for (int c = 0; c < classes; c++) {
                                    float v = logits.getFloat(i, c);
                                    if (v > score) above++;
                                    if (v > logits.getFloat(i, best)) best = c;
                                }
                                // a tie at the top counts for the true class, as "fewer than one class strictly above" says
                                confusion[truth][above == 0 ? truth : best]++;
                                if (above < 5) top5++;
                            }
                        }
                    }
                    done = Math.min(items.size(), done + loader.batchSize());
                    progress.update(done, items.size());
                }
            }
        }
        return new Result(confusion, top5, loader.skippedNote());
    }
}
