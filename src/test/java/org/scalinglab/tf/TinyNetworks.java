package org.scalinglab.tf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.scalinglab.arch.NetworkSpec;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Small networks, weights with non-trivial statistics, images, and a direct TensorFlow session for tests. */
final class TinyNetworks {
    private TinyNetworks() {
    }

    /** Width 0.25, depth 0.34: 10 blocks (three of them residual), 8..80 channels, head 320, 7 classes. */
    static NetworkSpec tiny() {
        return new NetworkSpec("tiny", 0.25, 0.34, 64, 0.2, 7);
    }

    /**
     * KerasWeights.random with every statistic and bias randomised, so BatchNorm, Normalization and the biases are
     * not identities and a wrong epsilon, a swapped mean/variance or a missing bias shows.
     */
    static KerasWeights weights(NetworkSpec spec, long seed, boolean imagenetStatistics) {
        KerasWeights base = KerasWeights.random(spec, seed);
        Random r = new Random(seed + 1);
        Map<String, Map<String, float[]>> out = new LinkedHashMap<>();
        base.values().forEach((layer, named) -> {
            Map<String, float[]> copy = new LinkedHashMap<>();
            named.forEach((name, v) -> {
                float[] c = v.clone();
                for (int i = 0; i < c.length; i++) {
                    switch (name) {
                        case "gamma" -> c[i] = 0.5f + r.nextFloat();
                        case "beta", "bias" -> c[i] = (float) (0.2 * r.nextGaussian());
                        case "moving_mean" -> c[i] = (float) (0.3 * r.nextGaussian());
                        case "moving_variance" -> c[i] = 0.5f + r.nextFloat();
                        case "mean" -> c[i] = 0.3f + 0.3f * r.nextFloat();
                        case "variance" -> c[i] = 0.04f + 0.1f * r.nextFloat();
                        default -> { }
                    }
                }
                copy.put(name, c);
            });
            out.put(layer, copy);
        });
        return new KerasWeights(out, imagenetStatistics);
    }

    /** Random pixels 0..255 with some smooth structure, [H][W][3]. */
    static float[][][] image(int h, int w, long seed) {
        Random r = new Random(seed);
        float[][][] img = new float[h][w][3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    double v = 128 + 80 * Math.sin(0.3 * x + 0.2 * y + c) + 40 * r.nextGaussian();
                    img[y][x][c] = (float) Math.max(0, Math.min(255, v));
                }
            }
        }
        return img;
    }

    /** The graph of {@link GraphBuilder} in a plain TensorFlow session: fetch any layer, feed any tensor. */
    static final class DirectGraph implements AutoCloseable {
        final Graph graph;
        final GraphBuilder.EfficientNetGraph net;
        final Session session;

        DirectGraph(NetworkSpec spec, KerasWeights weights, boolean imagenetRescale) {
            TfRuntime.ensureLoaded();
            graph = new Graph();
            Ops tf = Ops.create(graph);
            net = new GraphBuilder(tf, spec, new ConstantWeights(tf, weights), imagenetRescale,
                    GraphBuilder.Mode.INFERENCE).build();
            session = new Session(graph);
        }

        /** Runs one image, feeding optional extra tensors (by op name), fetching the named layers. */
        Map<String, FloatTensor> run(float[][][] image, Map<String, FloatTensor> feeds, String... fetches) {
            FloatTensor in = FloatTensor.ofImages(new float[][][][] {image});
            Session.Runner runner = session.runner();
            java.util.List<Tensor> inputs = new java.util.ArrayList<>();
            try {
                TFloat32 t = TFloat32.tensorOf(Shape.of(in.shape()), DataBuffers.of(in.data(), true, false));
                inputs.add(t);
                runner.feed(net.image(), t);
                for (Map.Entry<String, FloatTensor> e : feeds.entrySet()) {
                    TFloat32 f = TFloat32.tensorOf(Shape.of(e.getValue().shape()), DataBuffers.of(e.getValue().data(), true, false));
                    inputs.add(f);
                    runner.feed(e.getKey(), f);
                }
                for (String name : fetches) runner.fetch(name.equals("logits") ? net.logits() : net.layer(name));
                Map<String, FloatTensor> out = new LinkedHashMap<>();
                try (Result result = runner.run()) {
                    for (int i = 0; i < fetches.length; i++) {
                        TFloat32 r = (TFloat32) result.get(i);
                        float[] data = new float[(int) r.shape().size()];
                        r.copyTo(DataBuffers.of(data, false, false));
                        out.put(fetches[i], new FloatTensor(data, r.shape().asArray()));
                    }
                }
                return out;
            } finally {
                inputs.forEach(Tensor::close);
            }
        }

        @Override
        public void close() {
            session.close();
            graph.close();
        }
    }

    /** max |a - b| / max(|b|, 1): the error measure of every parity check. */
    static double relativeError(float[] actual, double[] expected) {
        double maxDiff = 0, maxRef = 1;
        for (int i = 0; i < expected.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(actual[i] - expected[i]));
            maxRef = Math.max(maxRef, Math.abs(expected[i]));
        }
        return maxDiff / maxRef;
    }

    static double[] flatten(double[][][] x) {
        int h = x.length, w = x[0].length, c = x[0][0].length;
        double[] out = new double[h * w * c];
        int i = 0;
        for (double[][] row : x) for (double[] px : row) for (double v : px) out[i++] = v;
        return out;
    }
}
