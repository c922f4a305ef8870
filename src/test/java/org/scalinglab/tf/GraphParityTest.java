package org.scalinglab.tf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalinglab.arch.NetworkSpec;

/**
 * The TensorFlow graph against the plain-loop reference on the same random weights: intermediate layers and logits,
 * at even and odd input sizes (where Keras' correct_pad puts the extra row at the bottom, or nowhere).
 */
class GraphParityTest {
    /** float32 graph vs double reference: measured errors are ~1e-6; a one-pixel padding shift is ~1e-1 */
    static final double TOLERANCE = 1e-4;
    static final String[] LAYERS = {"stem_activation", "block2a_project_bn", "block3a_project_bn", "block4b_add", "block6a_project_bn",
        "top_activation", "logits"};

    static final NetworkSpec SPEC = TinyNetworks.tiny();
    static final KerasWeights WEIGHTS = TinyNetworks.weights(SPEC, 11, false);
    static TinyNetworks.DirectGraph graph;

    @BeforeAll
    static void build() {
        graph = new TinyNetworks.DirectGraph(SPEC, WEIGHTS, false);
    }

    @AfterAll
    static void close() {
        graph.close();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"64, 64", "45, 51", "33, 32"})
    void everyCheckedLayerMatchesTheReference(int h, int w) {
        float[][][] image = TinyNetworks.image(h, w, h * 100 + w);
        ReferenceEfficientNet ref = new ReferenceEfficientNet(SPEC, WEIGHTS, false, false).run(image);
        Map<String, FloatTensor> out = graph.run(image, Map.of(), LAYERS);
        for (String layer : LAYERS) {
            double[] expected = layer.equals("logits") ? ref.logits : TinyNetworks.flatten(ref.layers.get(layer));
            FloatTensor actual = out.get(layer);
            if (!layer.equals("logits")) {
                double[][][] r = ref.layers.get(layer);
                assertArrayEquals(new long[] {1, r.length, r[0].length, r[0][0].length}, actual.shape(), layer + " shape");
            }
            double err = TinyNetworks.relativeError(actual.data(), expected);
            assertTrue(err < TOLERANCE, layer + " at " + h + "x" + w + ": relative error " + err);
        }
    }

    @Test
    void theToleranceCatchesAOnePixelPaddingShift() {
        for (int[] size : new int[][] {{64, 64}, {45, 51}}) {
            float[][][] image = TinyNetworks.image(size[0], size[1], 5);
            ReferenceEfficientNet symmetric = new ReferenceEfficientNet(SPEC, WEIGHTS, false, true).run(image);
            Map<String, FloatTensor> out = graph.run(image, Map.of(), "stem_activation", "logits");
            double stem = TinyNetworks.relativeError(out.get("stem_activation").data(), TinyNetworks.flatten(symmetric.layers.get("stem_activation")));
            double logits = TinyNetworks.relativeError(out.get("logits").data(), symmetric.logits);
            // at the even size the stem already differs; at 45x51 the stem (odd) agrees but later even sizes do not
            if (size[0] % 2 == 0) assertTrue(stem > 100 * TOLERANCE, "stem with symmetric padding differs by only " + stem);
            assertTrue(logits > 100 * TOLERANCE, "logits with symmetric padding differ by only " + logits + " at " + size[0] + "x" + size[1]);
        }
    }

    @Test
    void imagenetRescaleMatchesKerasConstants() {
        KerasWeights imagenet = TinyNetworks.weights(SPEC, 12, true);
        float[][][] image = TinyNetworks.image(40, 40, 3);
        try (TinyNetworks.DirectGraph g = new TinyNetworks.DirectGraph(SPEC, imagenet, true)) {
            Map<String, FloatTensor> out = g.run(image, Map.of(), "normalization", "rescaling_1", "logits");
            ReferenceEfficientNet with = new ReferenceEfficientNet(SPEC, imagenet, true, false).run(image);
            ReferenceEfficientNet without = new ReferenceEfficientNet(SPEC, imagenet, false, false).run(image);
            assertTrue(TinyNetworks.relativeError(out.get("logits").data(), with.logits) < TOLERANCE);
            assertTrue(TinyNetworks.relativeError(out.get("logits").data(), without.logits) > 100 * TOLERANCE);
            // hand check of one pixel: (p/255 - mean) / sqrt(var) / sqrt(std_c)
            float[] mean = imagenet.get("normalization", "mean"), var = imagenet.get("normalization", "variance");
            for (int c = 0; c < 3; c++) {
                double expected = (image[0][0][c] / 255.0 - mean[c]) / Math.sqrt(var[c]) / Math.sqrt(new double[] {0.229, 0.224, 0.225}[c]);
                assertEquals(expected, out.get("rescaling_1").data()[c], 1e-5 * Math.max(1, Math.abs(expected)));
            }
        }
    }
}
