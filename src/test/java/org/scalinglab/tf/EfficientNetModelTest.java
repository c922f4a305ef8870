package org.scalinglab.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scalinglab.arch.NetworkSpec;

/** The exported SavedModel run through DJL: same numbers as the reference, clear errors for bad input. */
class EfficientNetModelTest {
    static final NetworkSpec SPEC = TinyNetworks.tiny();
    static final KerasWeights WEIGHTS = TinyNetworks.weights(SPEC, 21, false);

    @RegisterExtension
    static final LoadedModel TINY = new LoadedModel(SPEC, WEIGHTS);
    @TempDir
    static Path cache;

    @Test
    void batchedLogitsAndProbabilitiesMatchTheReference() {
        float[][][] a = TinyNetworks.image(48, 40, 1), b = TinyNetworks.image(48, 40, 2);
        EfficientNetModel.Predictions p = TINY.model.predict(new float[][][][] {a, b});
        assertEquals(2, p.logits().length);
        int i = 0;
        for (float[][][] img : new float[][][][] {a, b}) {
            double[] ref = new ReferenceEfficientNet(SPEC, WEIGHTS, false, false).run(img).logits;
            assertTrue(TinyNetworks.relativeError(p.logits()[i], ref) < GraphParityTest.TOLERANCE, "image " + i);
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (double v : ref) max = Math.max(max, v);
            for (double v : ref) sum += Math.exp(v - max);
            for (int c = 0; c < ref.length; c++) assertEquals(Math.exp(ref[c] - max) / sum, p.probabilities()[i][c], 1e-5);
            i++;
        }
        assertEquals(p.logits()[1][3], TINY.model.logits(new float[][][][] {b})[0][3], 1e-5, "batch of one gives the same");
    }

    @Test
    void camDataReturnsTheLayerActivationsOfTheReference() {
        float[][][] img = TinyNetworks.image(64, 64, 7);
        ReferenceEfficientNet ref = new ReferenceEfficientNet(SPEC, WEIGHTS, false, false).run(img);
        for (String layer : new String[] {"block2a_project_bn", "block4b_add", "top_activation"}) {
            CamData cam = TINY.model.camData(img, layer, 3);
            double[][][] expected = ref.layers.get(layer);
            assertEquals(expected.length, cam.activations().length);
            assertEquals(expected[0][0].length, cam.activations()[0][0].length);
            assertEquals(expected.length, cam.gradients().length);
            float[] flat = new float[TinyNetworks.flatten(expected).length];
            int k = 0;
            for (float[][] row : cam.activations()) for (float[] px : row) for (float v : px) flat[k++] = v;
            assertTrue(TinyNetworks.relativeError(flat, TinyNetworks.flatten(expected)) < GraphParityTest.TOLERANCE, layer);
            assertTrue(TinyNetworks.relativeError(cam.logits(), ref.logits) < GraphParityTest.TOLERANCE, layer);
            assertEquals(layer, cam.layer());
            assertEquals(3, cam.classIndex());
        }
    }

    @Test
    void imagesOutsideTheSupportedSizesAreRejectedWithTheLimit() {
        var e = assertThrows(IllegalArgumentException.class, () -> TINY.model.logits(new float[][][][] {TinyNetworks.image(31, 64, 1)}));
        assertTrue(e.getMessage().contains("32"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TINY.model.logits(new float[][][][] {new float[40][40][4]}));
        assertThrows(IllegalArgumentException.class, () -> TINY.model.logits(new float[0][][][]));
        assertThrows(IllegalArgumentException.class, () -> TINY.model.logits(new float[][][][] {new float[40][40][3], new float[40][41][3]}));
    }

    @Test
    void unknownLayerListsTheValidOnesAndBadClassIsRejected() {
        float[][][] img = TinyNetworks.image(40, 40, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> TINY.model.camData(img, "block9z_add", 0));
        assertTrue(e.getMessage().contains("block2a_project_bn") && e.getMessage().contains("top_activation"), e.getMessage());
        var c = assertThrows(IllegalArgumentException.class, () -> TINY.model.camData(img, "top_activation", SPEC.classes()));
        assertTrue(c.getMessage().contains("0 and " + (SPEC.classes() - 1)), c.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TINY.model.camData(img, "top_activation", -2)); // -1 is TOP1
    }

    @Test
    void weightsOfAnotherNetworkAreRejectedByLayerName() {
        NetworkSpec wider = new NetworkSpec("wider", 0.5, 0.34, 64, 0.2, 7);
        var e = assertThrows(IllegalArgumentException.class,
                () -> EfficientNetModel.load(wider, WEIGHTS, ModelOptions.defaults().withCacheDir(cache)));
        assertTrue(e.getMessage().contains("stem_conv/kernel"), e.getMessage());
    }

    @Test
    void callsFromSeveralThreadsGiveTheSequentialResults() throws Exception {
        float[][][][] images = new float[4][][][];
        float[][] sequential = new float[4][];
        float[][] sequentialGradients = new float[4][];
        for (int i = 0; i < 4; i++) {
            images[i] = TinyNetworks.image(40 + 8 * i, 48, 100 + i);
            sequential[i] = TINY.model.logits(new float[][][][] {images[i]})[0];
            sequentialGradients[i] = TINY.model.camData(images[i], i % 2 == 0 ? "top_activation" : "block4b_add", i).gradients()[0][0];
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<float[][]>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int k = i;
                futures.add(pool.submit(() -> new float[][] {TINY.model.logits(new float[][][][] {images[k]})[0],
                    TINY.model.camData(images[k], k % 2 == 0 ? "top_activation" : "block4b_add", k).gradients()[0][0]}));
            }
            for (int i = 0; i < 4; i++) {
                float[][] got = futures.get(i).get();
                org.junit.jupiter.api.Assertions.assertArrayEquals(sequential[i], got[0], 1e-5f);
                org.junit.jupiter.api.Assertions.assertArrayEquals(sequentialGradients[i], got[1], 1e-6f);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theDefaultGradcamSignatureServesTopActivationThroughPlainDjl() throws Exception {
        float[][][] img = TinyNetworks.image(40, 40, 8);
        CamData viaModel = TINY.model.camData(img, "top_activation", 1);
        float[] target = new float[SPEC.classes()];
        target[1] = 1;
        @SuppressWarnings({"unchecked", "rawtypes"})
        ai.djl.repository.zoo.Criteria<java.util.Map, java.util.Map> criteria = ai.djl.repository.zoo.Criteria.builder()
                .setTypes(java.util.Map.class, java.util.Map.class).optModelPath(TINY.model.modelDir()).optEngine("TensorFlow")
                .optOption("SignatureDefKey", Signatures.GRADCAM).optTranslator((ai.djl.translate.Translator) new SignatureTranslator()).build();
        try (var zoo = criteria.loadModel(); var predictor = zoo.newPredictor()) {
            @SuppressWarnings("unchecked")
            java.util.Map<String, FloatTensor> out = predictor.predict(java.util.Map.of(
                    Signatures.IMAGE, FloatTensor.ofImages(new float[][][][] {img}),
                    Signatures.TARGET, new FloatTensor(target, new long[] {1, SPEC.classes()})));
            assertEquals(java.util.Set.of(Signatures.LOGITS, Signatures.CLASS, Signatures.ACTIVATIONS, Signatures.GRADIENTS), out.keySet());
            assertEquals(1f, out.get(Signatures.CLASS).data()[0]);
            org.junit.jupiter.api.Assertions.assertArrayEquals(viaModel.gradients()[1][0], out.get(Signatures.GRADIENTS).image(0)[1][0], 1e-7f);
            org.junit.jupiter.api.Assertions.assertArrayEquals(viaModel.activations()[0][1], out.get(Signatures.ACTIVATIONS).image(0)[0][1], 1e-6f);
        }
    }

    @Test
    void reportsTheDevice() {
        assertTrue(TINY.model.device().equals("CPU") || TINY.model.device().startsWith("GPU ("), TINY.model.device());
    }

    @Test
    void aClosedModelSaysSo() {
        EfficientNetModel m = EfficientNetModel.load(SPEC, WEIGHTS, ModelOptions.defaults().withCacheDir(cache));
        m.close();
        assertThrows(IllegalStateException.class, () -> m.logits(new float[][][][] {TinyNetworks.image(40, 40, 1)}));
        assertThrows(IllegalStateException.class, () -> m.camData(TinyNetworks.image(40, 40, 1), "top_activation", 1));
        m.close(); // twice is fine
    }

    @Test
    void withoutGraphRewritesTheNumbersAreTheSame() {
        ModelOptions plain = ModelOptions.defaults().withCacheDir(cache).withGraphRewrites(false);
        assertTrue(EfficientNetModel.sessionConfig(plain).getGraphOptions().getRewriteOptions().getDisableMetaOptimizer());
        assertTrue(!EfficientNetModel.sessionConfig(plain.withGraphRewrites(true)).getGraphOptions().getRewriteOptions().getDisableMetaOptimizer());
        float[][][] img = TinyNetworks.image(56, 48, 4);
        try (EfficientNetModel m = EfficientNetModel.load(SPEC, WEIGHTS, plain)) {
            double[] ref = new ReferenceEfficientNet(SPEC, WEIGHTS, false, false).run(img).logits;
            assertTrue(TinyNetworks.relativeError(m.logits(new float[][][][] {img})[0], ref) < GraphParityTest.TOLERANCE);
            CamData without = m.camData(img, "block4b_add", 2);
            CamData with = TINY.model.camData(img, "block4b_add", 2);
            for (int y = 0; y < with.gradients().length; y++) {
                for (int x = 0; x < with.gradients()[0].length; x++) {
                    for (int c = 0; c < with.gradients()[0][0].length; c++) {
                        assertEquals(with.gradients()[y][x][c], without.gradients()[y][x][c], 1e-5 + 1e-4 * Math.abs(with.gradients()[y][x][c]));
                    }
                }
            }
        }
    }
}
