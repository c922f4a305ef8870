package org.scalinglab.tf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scalinglab.arch.NetworkSpec;

/**
 * The CAM signature's own top-1 choice (an all-zero target row): one run must give exactly what the two-run path gives,
 * a forward pass for the logits, their argmax in Java, then the CAM for that class.
 */
class TopOneCamTest {
    static final NetworkSpec SPEC = TinyNetworks.tiny();
    static final KerasWeights WEIGHTS = featuresDecide(TinyNetworks.weights(SPEC, 47, false));

    @RegisterExtension
    static final LoadedModel TINY = new LoadedModel(SPEC, WEIGHTS);

    @Test
    void topOneInTheGraphEqualsTheExplicitClassOfTheForwardPass() {
        Set<Integer> classes = new HashSet<>();
        // layer by layer: switching layers reloads the signature
        for (String layer : new String[] {"top_activation", "block4b_add"}) {
            for (int i = 0; i < 8; i++) {
                float[][][] img = TinyNetworks.image(40 + 8 * (i % 4), 48 + 16 * (i % 3), 300 + i);
                float[] logits = TINY.model.logits(new float[][][][] {img})[0];
                int top = argmax(logits);
                classes.add(top);
                CamData one = TINY.model.camData(img, layer, EfficientNetModel.TOP1);
                CamData two = TINY.model.camData(img, layer, top);
                assertEquals(top, one.classIndex(), "image " + i + " " + layer + ": the class the graph chose");
                assertArrayEquals(logits, one.logits(), 1e-6f * Math.max(1, max(logits)), "image " + i + ": logits of the CAM run");
                assertEquals(two.layer(), one.layer());
                assertClose(two.activations(), one.activations(), "image " + i + " " + layer + " activations");
                assertClose(two.gradients(), one.gradients(), "image " + i + " " + layer + " gradients");
            }
        }
        assertTrue(classes.size() >= 2, "the images should not all have one top-1 class: " + classes);
    }

    @Test
    void anExplicitClassIsStillObeyedAndReturned() {
        float[][][] img = TinyNetworks.image(48, 48, 5);
        int top = argmax(TINY.model.logits(new float[][][][] {img})[0]);
        int other = (top + 1) % SPEC.classes();
        CamData d = TINY.model.camData(img, "top_activation", other);
        assertEquals(other, d.classIndex());
        // at top_activation the gradient is the class's dense column over h*w: other's, not the top-1's
        float[] kernel = WEIGHTS.get("predictions", "kernel");
        int h = d.gradients().length, w = d.gradients()[0].length;
        double expected = kernel[SPEC.classes() + other] / (double) (h * w); // channel 1
        assertEquals(expected, d.gradients()[0][0][1], 1e-6 * Math.abs(expected) + 1e-12);
        assertNotEquals(kernel[SPEC.classes() + top], kernel[SPEC.classes() + other]);
    }

    /** No dense bias and a 20x kernel, so the top-1 class depends on the image rather than on the largest bias. */
    private static KerasWeights featuresDecide(KerasWeights w) {
        java.util.Map<String, java.util.Map<String, float[]>> values = new java.util.LinkedHashMap<>(w.values());
        float[] kernel = w.get("predictions", "kernel").clone();
        for (int i = 0; i < kernel.length; i++) kernel[i] *= 20;
        values.put("predictions", java.util.Map.of("kernel", kernel, "bias", new float[SPEC.classes()]));
        return new KerasWeights(values, w.imagenetStatistics());
    }

    private static void assertClose(float[][][] expected, float[][][] actual, String what) {
        float scale = 0;
        for (float[][] row : expected) for (float[] px : row) for (float v : px) scale = Math.max(scale, Math.abs(v));
        assertEquals(expected.length, actual.length, what);
        for (int y = 0; y < expected.length; y++) {
            for (int x = 0; x < expected[0].length; x++) {
                assertArrayEquals(expected[y][x], actual[y][x], 1e-6f * Math.max(scale, 1e-6f), what + " at " + y + "," + x);
            }
        }
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    private static float max(float[] v) {
        float m = 0;
        for (float x : v) m = Math.max(m, Math.abs(x));
        return m;
    }
}
