package org.scalinglab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.tf.KerasWeights;
import org.scalinglab.tf.TfRuntime;

/**
 * The trainer's gradients (BatchNorm on batch statistics, drop-connect, dropout, label smoothing, L2) against central
 * finite differences of its loss, in whatever TensorFlow profile this JVM runs (the build runs it in both). The
 * forward pass never uses the backward kernels, so a wrong backward kernel shows: with oneDNN's
 * Conv2DBackpropInput on the 1x1 convolutions the derivative along the stem kernel was off by 20-60 %.
 */
class TrainingGradientTest {
    /** 10 blocks with 8..80 channels (80 into the head: one of the channel counts oneDNN got wrong) */
    static final NetworkSpec SPEC = new NetworkSpec("grad", 0.25, 0.34, 40, 0.2, 7);
    static final TrainingConfig CONFIG = new TrainingConfig(1, 4, 0.1, 0, 0.9, 0.1, 1e-5, 0.9, 1, 1);
    static final long STEP = 3;

    static KerasWeights start;
    static BatchLoader.Batch batch;
    static Map<String, float[]> analytic;

    @BeforeAll
    static void gradients() {
        TfRuntime.ensureLoaded();
        start = KerasWeights.random(SPEC, 8);
        Random random = new Random(4);
        float[] pixels = new float[4 * 40 * 40 * 3];
        for (int i = 0; i < pixels.length; i++) pixels[i] = random.nextInt(256);
        batch = new BatchLoader.Batch(pixels, new int[] {0, 3, 5, 3}, 40);
        try (TrainingGraph g = new TrainingGraph(SPEC, start, Map.of(), CONFIG)) {
            analytic = g.lossAndGradients(batch, STEP);
        }
    }

    /** A direction over every trainable weight (the gradient itself), or over one weight tensor (random). */
    @ParameterizedTest
    @ValueSource(strings = {"all", "stem_conv/kernel", "block2a_expand_conv/kernel", "block4a_dwconv/depthwise_kernel",
        "block6a_se_reduce/kernel", "top_conv/kernel", "predictions/bias"})
    void directionalDerivativesMatchFiniteDifferences(String which) {
        Map<String, float[]> direction = new LinkedHashMap<>();
        Random random = new Random(which.hashCode());
        double norm = 0;
        for (Map.Entry<String, float[]> e : analytic.entrySet()) {
            if (e.getKey().equals("loss") || !(which.equals("all") || which.equals(e.getKey()))) continue;
            float[] v = which.equals("all") ? e.getValue().clone() : new float[e.getValue().length];
            if (!which.equals("all")) for (int i = 0; i < v.length; i++) v[i] = (float) random.nextGaussian();
            for (float x : v) norm += (double) x * x;
            direction.put(e.getKey(), v);
        }
        assertTrue(!direction.isEmpty(), "no trainable weight " + which);
        norm = Math.sqrt(norm);
        double expected = 0;
        for (Map.Entry<String, float[]> e : direction.entrySet()) {
            float[] g = analytic.get(e.getKey()), v = e.getValue();
            for (int i = 0; i < v.length; i++) expected += (double) g[i] * v[i] / norm;
        }
        // central differences at t and t/2, extrapolated (Richardson): the loss is far from linear along the whole
        // gradient (at t = 1e-2 alone the estimate is 4 % low there); this removes the t^2 term
        double t = 1e-2;
        double coarse = (loss(direction, t / norm) - loss(direction, -t / norm)) / (2 * t);
        double fine = (loss(direction, t / 2 / norm) - loss(direction, -t / 2 / norm)) / t;
        double numeric = (4 * fine - coarse) / 3;
        assertEquals(expected, numeric, 5e-3 * Math.abs(expected) + 2e-4,
                which + ": gradient . v = " + expected + ", finite differences " + numeric);
    }

    /** The loss with the trainable weights moved by step * direction. */
    private static double loss(Map<String, float[]> direction, double step) {
        Map<String, Map<String, float[]>> values = new LinkedHashMap<>();
        start.values().forEach((layer, named) -> {
            Map<String, float[]> copy = new LinkedHashMap<>();
            named.forEach((name, v) -> {
                float[] d = direction.get(layer + "/" + name);
                float[] moved = v.clone();
                if (d != null) for (int i = 0; i < moved.length; i++) moved[i] += (float) (step * d[i]);
                copy.put(name, moved);
            });
            values.put(layer, copy);
        });
        try (TrainingGraph g = new TrainingGraph(SPEC, new KerasWeights(values, false), Map.of(), CONFIG)) {
            return g.lossAndGradients(batch, STEP).get("loss")[0];
        }
    }
}
