package org.scalinglab.cam;

import org.scalinglab.tf.Box;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalinglab.tf.EfficientNetModel;
import org.scalinglab.tf.CamData;

class ScoreCamAndMetricsTest {

    @Test
    void scoreCamPeaksInTheRegionAndCountsItsForwardPasses() {
        RegionModel model = new RegionModel();
        CamResult r = new ScoreCam(5).compute(model, RegionModel.image(1), null, EfficientNetModel.TOP1);
        assertEquals(0, r.classIndex(), "top-1 of the toy is class 0");
        assertArrayEquals(new int[] {1, 2}, Localization.argmax(r.map()), "peak at the region's cell");
        // 1 CAM pass + 16 masked images in ceil(16/5) = 4 batches
        assertEquals(17, r.forwardImages());
        assertEquals(5, r.modelCalls());
        assertEquals(16, model.probabilityImages);
    }

    @Test
    void scoreCamWeightIsTheClassProbabilityOfTheMaskedImage() {
        RegionModel model = new RegionModel();
        float[][][] image = RegionModel.image(2);
        CamData in = model.camData(image, "grid", 0);
        float[] w = new ScoreCam(16).channelWeights(in, model, image);
        // channel 6's mask, worked out independently: the bilinear hat of cell (1, 2), scaled so its maximum is 1
        float[][] mask = new float[32][32];
        float hatMax = (1 - 0.5f / 8) * (1 - 0.5f / 8);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                double dy = Math.abs((y + 0.5) / 8 - 0.5 - 1);
                double dx = Math.abs((x + 0.5) / 8 - 0.5 - 2);
                mask[y][x] = (float) (Math.max(0, 1 - dy) * Math.max(0, 1 - dx) / hatMax);
            }
        }
        float[][][] masked = ScoreCam.masked(image, mask);
        double expected = 1 / (1 + Math.exp(-(8 * RegionModel.mean(masked, RegionModel.REGION) - 4)));
        assertEquals(expected, w[6], 1e-5);
        // a far cell's mask leaves the region black: sigmoid(-4)
        assertEquals(1 / (1 + Math.exp(4)), w[15], 1e-6);
    }

    @Test
    void gradientMethodsPeakInTheRegionOfTheToyToo() {
        for (String name : List.of("gradcam", "gradcampp", "xgradcam", "layercam")) {
            CamResult r = CamMethods.create(name, null, 4).compute(new RegionModel(), RegionModel.image(3), null, EfficientNetModel.TOP1);
            assertArrayEquals(new int[] {1, 2}, Localization.argmax(r.map()), name);
        }
    }

    @Test
    void deletionFallsFasterThanInsertionRisesForTheRightMap() {
        RegionModel model = new RegionModel();
        float[][][] image = RegionModel.image(4);
        CamResult r = new ScoreCam(8).compute(model, image, null, 0);
        float[][] saliency = Bilinear.resize(HeatmapScaling.perMap(r.map()).values(), 32, 32);
        Faithfulness.Options options = new Faithfulness.Options(16, 5, Faithfulness.Baseline.BLACK, Faithfulness.Baseline.BLUR,
                5.0, 0);
        FaithfulnessReport good = Faithfulness.evaluate(model, image, saliency, 0, RegionModel.REGION, options);
        FaithfulnessReport inverted = Faithfulness.evaluate(model, image, invert(saliency), 0, RegionModel.REGION, options);

        PerturbationCurve del = good.deletion();
        PerturbationCurve ins = good.insertion();
        assertEquals(17, del.score().length);
        assertEquals(0.0, del.fraction()[0]);
        assertEquals(1.0, del.fraction()[16]);
        double full = model.probabilities(new float[][][][] {image})[0][0];
        assertEquals(full, del.score()[0], 1e-6, "deletion starts at the image's score");
        assertEquals(full, ins.score()[16], 1e-6, "insertion ends at the image's score");
        assertEquals(1 / (1 + Math.exp(4)), del.score()[16], 1e-6, "deletion ends at the black image");
        assertTrue(del.auc() < ins.auc(), "deletion AUC " + del.auc() + " < insertion AUC " + ins.auc());
        assertTrue(del.auc() < inverted.deletion().auc(), "the right map deletes faster than its inverse");
        assertTrue(ins.auc() > inverted.insertion().auc(), "the right map inserts faster than its inverse");
        // trapezoid by hand over the recorded points
        double area = 0;
        for (int i = 1; i < 17; i++) {
            area += (del.fraction()[i] - del.fraction()[i - 1]) * (del.score()[i] + del.score()[i - 1]) / 2;
        }
        assertEquals(area, del.auc(), 1e-12);

        assertTrue(good.pointingHit());
        assertTrue(good.peakInBox());
        assertFalse(inverted.pointingHit());
        assertFalse(inverted.peakInBox());
        assertTrue(good.energyInBox() > 4 * (64.0 / 1024), "energy in box " + good.energyInBox() + " well above the area share");
        assertTrue(good.confidence().dropPercent() < inverted.confidence().dropPercent());
        // 17 + 17 curve images and 2 for the confidence change, in 4 + 4 + 1 calls
        assertEquals(36, good.forwardImages());
        assertEquals(9, good.modelCalls());
    }

    @Test
    void averageDropAndIncreaseByHand() {
        // Y = 0.8, O = 0.6 -> drop 25%; Y = 0.5, O = 0.7 -> drop 0, increased; Y = 0.9, O = 0.9 -> 0, not increased
        List<ConfidenceChange> changes = new ArrayList<>(List.of(new ConfidenceChange(0.8, 0.6), new ConfidenceChange(0.5, 0.7),
                new ConfidenceChange(0.9, 0.9)));
        ConfidenceChange.Summary s = ConfidenceChange.average(changes);
        assertEquals(25.0 / 3, s.averageDropPercent(), 1e-9);
        assertEquals(100.0 / 3, s.increasePercent(), 1e-9);
        assertEquals(3, s.images());
    }

    @Test
    void pointingGameToleranceAndEnergyByHand() {
        float[][] m = new float[10][10];
        m[2][8] = 1; // row 2, column 8
        m[5][5] = 0.5f;
        Box box = new Box(3, 3, 7, 7); // columns 3..6, rows 3..6
        assertFalse(Localization.pointingHit(m, box, 0));
        // distance from (8, 2) to the box: dx = 8 - 6 = 2, dy = 3 - 2 = 1 -> sqrt(5)
        assertFalse(Localization.pointingHit(m, box, 2));
        assertTrue(Localization.pointingHit(m, box, 3));
        assertEquals(0.5 / 1.5, Localization.energyInBox(m, box), 1e-9);
    }

    @Test
    void blurKeepsAConstantImageAndSpreadsAnImpulse() {
        float[][][] flat = new float[9][9][3];
        float[][][] dot = new float[9][9][3];
        for (float[][] row : flat) {
            for (float[] px : row) {
                java.util.Arrays.fill(px, 100);
            }
        }
        dot[4][4][1] = 1;
        float[][][] b = GaussianBlur.blur(flat, 1.0);
        assertEquals(100f, b[0][0][2], 1e-4f);
        float[][][] d = GaussianBlur.blur(dot, 1.0);
        // 3 taps per axis at sigma 1: weights e^-0.5, 1, e^-0.5 normalised
        double k0 = 1 / (1 + 2 * Math.exp(-0.5));
        double k1 = Math.exp(-0.5) * k0;
        assertEquals(k0 * k0, d[4][4][1], 1e-6);
        assertEquals(k0 * k1, d[4][5][1], 1e-6);
        assertEquals(0f, d[4][4][0]);
    }

    private static float[][] invert(float[][] s) {
        float[][] out = new float[s.length][s[0].length];
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s[0].length; j++) {
                out[i][j] = 1 - s[i][j];
            }
        }
        return out;
    }
}
