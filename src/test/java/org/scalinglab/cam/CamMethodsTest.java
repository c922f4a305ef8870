package org.scalinglab.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scalinglab.tf.CamData;

class CamMethodsTest {

    /** A 2x2 layer with 2 channels; values chosen so every weight can be worked out by hand. */
    private static final float[][][] A = {
            {{1, 0}, {2, 1}},
            {{0, 3}, {1, 2}}};
    private static final float[][][] G = {
            {{1, -1}, {0.5f, 2}},
            {{-2, 1}, {0, 0.5f}}};
    private static final CamData IN = new CamData(new float[] {0, 0}, A, G, "top_activation", 0);

    @Test
    void gradCamWeightsAreMeanGradients() {
        // channel 0: (1 + 0.5 - 2 + 0) / 4; channel 1: (-1 + 2 + 1 + 0.5) / 4
        assertArrayEquals(new float[] {-0.125f, 0.625f}, new GradCam().channelWeights(IN, null, null), 1e-7f);
        CamResult r = new GradCam().compute(new FixedSource(IN), FixedSource.dummyImage(), null, 0);
        // -0.125*A0 + 0.625*A1 = [[-0.125, 0.375], [1.875, 1.125]], then ReLU
        assertMap(new float[][] {{0, 0.375f}, {1.875f, 1.125f}}, r.map(), 1e-6f);
        assertEquals("top_activation", r.layer());
        assertEquals(1, r.forwardImages());
    }

    @Test
    void gradCamPlusPlusWeightsByHand() {
        // alpha = g^2 / (2g^2 + S g^3), S = channel sum (4 and 6); weight = sum alpha * relu(g)
        // ch0: g=1 -> 1/(2+4) * 1 = 1/6; g=0.5 -> 0.25/(0.5+0.5) * 0.5 = 1/8; g=-2 and g=0 add nothing
        // ch1: g=2 -> 4/(8+48) * 2 = 1/7; g=1 -> 1/(2+6) = 1/8; g=0.5 -> 0.25/(0.5+0.75) * 0.5 = 1/10; g=-1 nothing
        float[] w = new GradCamPlusPlus().channelWeights(IN, null, null);
        assertArrayEquals(new float[] {1f / 6 + 1f / 8, 1f / 7 + 1f / 8 + 0.1f}, w, 1e-5f);
    }

    @Test
    void xGradCamWeightsByHand() {
        // ch0: (1*1 + 0.5*2 + -2*0 + 0*1) / 4 = 0.5; ch1: (-1*0 + 2*1 + 1*3 + 0.5*2) / 6 = 1
        assertArrayEquals(new float[] {0.5f, 1f}, new XGradCam().channelWeights(IN, null, null), 1e-6f);
    }

    @Test
    void layerCamIsElementwiseByHand() {
        // sum_k relu(g) * A: (0,0) 1*1 + 0 = 1; (0,1) 0.5*2 + 2*1 = 3; (1,0) 0 + 1*3 = 3; (1,1) 0 + 0.5*2 = 1
        CamResult r = new LayerCam().compute(new FixedSource(IN), FixedSource.dummyImage(), null, 0);
        assertMap(new float[][] {{1, 3}, {3, 1}}, r.map(), 1e-6f);
    }

    @Test
    void camAndGradCamByHandOnTinyHead() {
        // 1x3 layer, 2 channels, dense kernel [channels][classes] = [[1, -1], [0.5, 2]]
        float[][][] a = {{{1, 2}, {3, 0}, {0, 4}}};
        float[][] kernel = {{1, -1}, {0.5f, 2}};
        // class 1: CAM = -1*A0 + 2*A1 = (3, -3, 8) -> ReLU (3, 0, 8) -> scaled (0.375, 0, 1)
        // Grad-CAM: d logit / dA = W[:,1] / 3 everywhere -> weights (-1/3, 2/3) -> (1, -1, 8/3) -> (0.375, 0, 1)
        float[][][] g = gapDenseGradients(a, kernel, 1);
        CamData in = new CamData(new float[] {0, 0}, a, g, "top_activation", 1);
        CamResult cam = new ClassActivationMap(kernel).compute(new FixedSource(in), FixedSource.dummyImage(), null, 1);
        CamResult grad = new GradCam().compute(new FixedSource(in), FixedSource.dummyImage(), null, 1);
        assertMap(new float[][] {{3, 0, 8}}, cam.map(), 1e-6f);
        assertMap(new float[][] {{1, 0, 8f / 3}}, grad.map(), 1e-6f);
        assertMap(new float[][] {{0.375f, 0, 1}}, HeatmapScaling.perMap(cam.map()).values(), 1e-6f);
        assertMap(new float[][] {{0.375f, 0, 1}}, HeatmapScaling.perMap(grad.map()).values(), 1e-6f);
    }

    @Test
    void camEqualsGradCamAtGlobalAveragePoolDenseHead() {
        // logit_c = b_c + sum_k W[k][c] * mean_ij A[i][j][k], so d logit_c / dA[i][j][k] = W[k][c] / (h*w)
        Random rnd = new Random(7);
        int h = 7;
        int w = 5;
        int c = 24;
        int classes = 10;
        float[][][] a = new float[h][w][c];
        for (float[][] row : a) {
            for (float[] px : row) {
                for (int k = 0; k < c; k++) {
                    px[k] = (float) (rnd.nextGaussian() + 0.3); // swish-like: mostly positive, some negative
                }
            }
        }
        float[][] kernel = new float[c][classes];
        for (float[] row : kernel) {
            for (int j = 0; j < classes; j++) {
                row[j] = (float) rnd.nextGaussian();
            }
        }
        for (int cls = 0; cls < classes; cls++) {
            CamData in = new CamData(new float[classes], a, gapDenseGradients(a, kernel, cls), "top_activation", cls);
            CamResult cam = new ClassActivationMap(kernel).compute(new FixedSource(in), FixedSource.dummyImage(), null, cls);
            CamResult grad = new GradCam().compute(new FixedSource(in), FixedSource.dummyImage(), null, cls);
            assertMap(HeatmapScaling.perMap(cam.map()).values(), HeatmapScaling.perMap(grad.map()).values(), 1e-5f);
            float cellSum = 0;
            for (float[] row : cam.map()) {
                for (float v : row) {
                    cellSum += v;
                }
            }
            assertTrue(cellSum > 0, "class " + cls + " map is not all zero");
            // before scaling, Grad-CAM is CAM / (h*w)
            assertEquals(cam.map()[3][2] / (h * w), grad.map()[3][2], 1e-5f);
        }
    }

    @Test
    void denseKernelFromKerasRowMajorLayout() {
        // Keras (in = 2, out = 3) row-major: [[1, 2, 3], [4, 5, 6]]
        float[][] k = ClassActivationMap.kernelFromRowMajor(new float[] {1, 2, 3, 4, 5, 6}, 2);
        assertMap(new float[][] {{1, 2, 3}, {4, 5, 6}}, k, 0);
        assertThrows(IllegalArgumentException.class, () -> ClassActivationMap.kernelFromRowMajor(new float[5], 2));
    }

    @Test
    void camRejectsALayerThatDoesNotFeedThePooling() {
        float[][][] a = new float[2][2][3];
        CamData in = new CamData(new float[2], a, null, "top_activation", 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ClassActivationMap(new float[5][2]).compute(new FixedSource(in), FixedSource.dummyImage(), "block6a_project_bn", 0));
        assertTrue(e.getMessage().contains("top_activation"), e.getMessage());
    }

    @Test
    void gradientMethodsSayWhenGradientsAreMissing() {
        CamData in = new CamData(new float[2], A, null, "top_activation", 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GradCam().compute(new FixedSource(in), FixedSource.dummyImage(), null, 0));
        assertTrue(e.getMessage().contains("gradients"), e.getMessage());
    }

    @Test
    void factoryKnowsTheCliNames() {
        assertInstanceOf(GradCam.class, CamMethods.create("gradcam", null, 8));
        assertInstanceOf(GradCamPlusPlus.class, CamMethods.create("GradCAMpp", null, 8));
        assertInstanceOf(XGradCam.class, CamMethods.create("xgradcam", null, 8));
        assertInstanceOf(LayerCam.class, CamMethods.create("layercam", null, 8));
        assertEquals(8, ((ScoreCam) CamMethods.create("scorecam", null, 8)).batchSize());
        assertInstanceOf(EigenCam.class, CamMethods.create("eigencam", null, 8));
        assertInstanceOf(ClassActivationMap.class, CamMethods.create("cam", () -> new float[2][2], 8));
        assertInstanceOf(GradCam.class, CamMethods.create(null, null, 8));
        for (String name : CamMethods.NAMES) {
            assertEquals(name, CamMethods.create(name, () -> new float[2][2], 8).name());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CamMethods.create("gradcam2", null, 8));
        assertTrue(e.getMessage().contains("gradcampp"), e.getMessage());
        // CAM without a kernel can describe itself; making a map needs the kernel
        CamMethod described = CamMethods.describe("cam");
        assertEquals("CAM", described.title());
        assertThrows(IllegalArgumentException.class, () -> described.compute(new FixedSource(IN), FixedSource.dummyImage(), null, 0));
    }

    /** Each method says what it is: the name papers use, whether it needs gradients, what one map costs. */
    @Test
    void methodsDescribeThemselves() {
        String[] titles = {"Grad-CAM", "Grad-CAM++", "XGrad-CAM", "LayerCAM", "Score-CAM", "Eigen-CAM", "CAM"};
        boolean[] gradients = {true, true, true, true, false, false, false};
        for (int i = 0; i < CamMethods.NAMES.size(); i++) {
            CamMethod m = CamMethods.describe(CamMethods.NAMES.get(i));
            assertEquals(titles[i], m.title());
            assertEquals(gradients[i], m.usesGradients(), m.name());
            assertEquals(m.name().equals("eigencam") ? false : true, m.classSpecific(), m.name());
            assertEquals(m.name().equals("scorecam") ? 1 + 320 : 1, m.forwardImages(320), m.name());
        }
    }

    /** The gradient of a GAP + dense logit with respect to the pooled layer. */
    static float[][][] gapDenseGradients(float[][][] a, float[][] kernel, int cls) {
        int h = a.length;
        int w = a[0].length;
        float[][][] g = new float[h][w][kernel.length];
        for (float[][] row : g) {
            for (float[] px : row) {
                for (int k = 0; k < kernel.length; k++) {
                    px[k] = kernel[k][cls] / (h * w);
                }
            }
        }
        return g;
    }

    static void assertMap(float[][] expected, float[][] actual, float tol) {
        assertEquals(expected.length, actual.length, "rows");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], tol, "row " + i);
        }
    }
}
