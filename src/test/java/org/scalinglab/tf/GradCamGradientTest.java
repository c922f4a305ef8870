package org.scalinglab.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scalinglab.arch.NetworkSpec;

/**
 * The gradients of the CAM signatures: against the closed form at top_activation (GAP + dense) and against central
 * finite differences of the logit when the layer's activations are perturbed (fed into the graph in their place).
 */
class GradCamGradientTest {
    static final NetworkSpec SPEC = TinyNetworks.tiny();
    static final KerasWeights WEIGHTS = TinyNetworks.weights(SPEC, 31, false);

    @TempDir
    static Path cache;
    static EfficientNetModel model;
    static TinyNetworks.DirectGraph graph;

    @BeforeAll
    static void load() {
        model = EfficientNetModel.load(SPEC, WEIGHTS, ModelOptions.defaults().withCacheDir(cache));
        graph = new TinyNetworks.DirectGraph(SPEC, WEIGHTS, false);
    }

    @AfterAll
    static void close() {
        model.close();
        graph.close();
    }

    @Test
    void atTopActivationTheGradientIsTheDenseColumnOverTheMapSize() {
        float[][][] img = TinyNetworks.image(72, 56, 4);
        float[] kernel = WEIGHTS.get("predictions", "kernel");
        int classes = SPEC.classes();
        for (int c : new int[] {0, 5}) {
            CamData cam = model.camData(img, "top_activation", c);
            int h = cam.gradients().length, w = cam.gradients()[0].length, k = cam.gradients()[0][0].length;
            assertEquals(3, h);   // 72 -> 36 -> 18 -> 9 -> 5 -> 3
            assertEquals(2, w);   // 56 -> 28 -> 14 -> 7 -> 4 -> 2
            assertEquals(SPEC.headFilters(), k);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int ch = 0; ch < k; ch++) {
                        double expected = kernel[ch * classes + c] / (double) (h * w);
                        assertEquals(expected, cam.gradients()[y][x][ch], 1e-6 * Math.max(1, Math.abs(expected)));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"block4a_project_bn", "block4b_add", "block2a_project_bn"})
    void gradientsAgreeWithFiniteDifferencesOfTheLogit(String layer) {
        float[][][] img = TinyNetworks.image(50, 50, 9);
        int c = 2;
        CamData cam = model.camData(img, layer, c);
        FloatTensor a = flat(cam.activations());
        float[] g = flat(cam.gradients()).data();

        // direction 1: the gradient itself (derivative = |g|^2); direction 2: random
        Random r = new Random(3);
        float[] random = new float[g.length];
        for (int i = 0; i < g.length; i++) random[i] = (float) r.nextGaussian();
        for (float[] v : new float[][] {g, random}) {
            double norm = 0, analytic = 0;
            for (int i = 0; i < v.length; i++) norm += (double) v[i] * v[i];
            norm = Math.sqrt(norm);
            for (int i = 0; i < v.length; i++) analytic += g[i] * v[i] / norm;
            double t = 1e-2;
            double numeric = (logit(img, layer, a, v, t / norm, c) - logit(img, layer, a, v, -t / norm, c)) / (2 * t);
            double gNorm = 0;
            for (float x : g) gNorm += (double) x * x;
            assertEquals(analytic, numeric, 2e-3 * Math.sqrt(gNorm) + 1e-5, layer + ": directional derivative");
        }
        // and the single largest component
        int best = 0;
        for (int i = 1; i < g.length; i++) if (Math.abs(g[i]) > Math.abs(g[best])) best = i;
        float[] e = new float[g.length];
        e[best] = 1;
        double numeric = (logit(img, layer, a, e, 1e-2, c) - logit(img, layer, a, e, -1e-2, c)) / 2e-2;
        assertEquals(g[best], numeric, 2e-3 * Math.abs(g[best]) + 1e-5, layer + ": largest component");
    }

    /** logit c with the layer's activations replaced by a + step * v */
    private static double logit(float[][][] img, String layer, FloatTensor a, float[] v, double step, int c) {
        float[] moved = a.data().clone();
        for (int i = 0; i < moved.length; i++) moved[i] += (float) (step * v[i]);
        Map<String, FloatTensor> out = graph.run(img, Map.of(layer, new FloatTensor(moved, a.shape())), "logits");
        return out.get("logits").data()[c];
    }

    private static FloatTensor flat(float[][][] x) {
        int h = x.length, w = x[0].length, ch = x[0][0].length;
        float[] d = new float[h * w * ch];
        int i = 0;
        for (float[][] row : x) for (float[] px : row) for (float f : px) d[i++] = f;
        return new FloatTensor(d, new long[] {1, h, w, ch});
    }
}
