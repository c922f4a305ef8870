package org.scalinglab.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scalinglab.arch.NetworkSpec;

/**
 * The gradients of the CAM signatures: against the closed form at top_activation (GAP + dense) and, at inner layers,
 * against finite differences of the independent double-precision network ({@link ReferenceEfficientNet}).
 */
class GradCamGradientTest {
    static final NetworkSpec SPEC = TinyNetworks.tiny();
    static final KerasWeights WEIGHTS = TinyNetworks.weights(SPEC, 31, false);

    @RegisterExtension
    static final LoadedModel TINY = new LoadedModel(SPEC, WEIGHTS);

    @Test
    void atTopActivationTheGradientIsTheDenseColumnOverTheMapSize() {
        float[][][] img = TinyNetworks.image(72, 56, 4);
        float[] kernel = WEIGHTS.get("predictions", "kernel");
        int classes = SPEC.classes();
        for (int c : new int[] {0, 5}) {
            CamData cam = TINY.model.camData(img, "top_activation", c);
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

    /**
     * Grad-CAM's channel weights (the gradient averaged over positions) at inner layers against central finite
     * differences of the plain-loop double-precision network: weight k is d logit / d t when t is added to every
     * position of channel k, over the number of positions. Then the maps (the weighted sum, before the ReLU, over
     * its largest magnitude) must agree as well. With oneDNN's Conv2DBackpropInput the map at block4a_project_bn was off by
     * 0.74 of its max on an AVX-512 EPYC.
     */
    @ParameterizedTest
    @ValueSource(strings = {"block2a_project_bn", "block4a_project_bn", "block4b_add", "block6a_project_bn", "top_activation"})
    void gradCamAgreesWithTheDoublePrecisionReference(String layer) {
        float[][][] img = TinyNetworks.image(50, 50, 9);
        int c = 2;
        CamData cam = TINY.model.camData(img, layer, c);
        ReferenceEfficientNet ref = new ReferenceEfficientNet(SPEC, WEIGHTS, false, false).run(img);
        double[][][] a = ref.layers.get(layer);
        int h = a.length, w = a[0].length, k = a[0][0].length;
        assertEquals(h, cam.gradients().length, layer + " height");
        assertEquals(k, cam.gradients()[0][0].length, layer + " channels");

        double[] expected = new double[k];
        double[] actual = new double[k];
        double t = 1e-3, largest = 0;
        for (int ch = 0; ch < k; ch++) {
            double up = ref.runWith(img, layer, shifted(a, ch, t)).logits[c];
            double down = ref.runWith(img, layer, shifted(a, ch, -t)).logits[c];
            expected[ch] = (up - down) / (2 * t) / (h * w);
            for (float[][] row : cam.gradients()) for (float[] px : row) actual[ch] += px[ch];
            actual[ch] /= h * w;
            largest = Math.max(largest, Math.abs(expected[ch]));
        }
        for (int ch = 0; ch < k; ch++) {
            assertEquals(expected[ch], actual[ch], 1e-3 * largest, layer + ": Grad-CAM weight of channel " + ch);
        }
        // the map before its ReLU (random weights leave some of these maps all negative), over its largest magnitude
        double[] mapExpected = map(a, expected), mapActual = map(a, actual);
        double max = java.util.Arrays.stream(mapExpected).map(Math::abs).max().orElseThrow();
        assertTrue(max > 0, layer + ": the reference map is zero");
        for (int i = 0; i < mapExpected.length; i++) {
            assertEquals(mapExpected[i] / max, mapActual[i] / max, 1e-3, layer + ": map at position " + i);
        }
    }

    private static double[][][] shifted(double[][][] a, int channel, double t) {
        double[][][] out = new double[a.length][a[0].length][];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[i][j] = a[i][j].clone();
                out[i][j][channel] += t;
            }
        }
        return out;
    }

    /** The channel-weighted sum, row-major */
    private static double[] map(double[][][] a, double[] weights) {
        double[] m = new double[a.length * a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                double s = 0;
                for (int ch = 0; ch < weights.length; ch++) s += weights[ch] * a[i][j][ch];
                m[i * a[0].length + j] = s;
            }
        }
        return m;
    }
}
