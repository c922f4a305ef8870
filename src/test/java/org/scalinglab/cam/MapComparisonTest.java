package org.scalinglab.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MapComparisonTest {

    @Test
    void spearmanByHand() {
        // values 1 2 3 4 against 10 30 20 40: ranks 1 2 3 4 and 1 3 2 4; d = 0 -1 1 0; rho = 1 - 6*2/(4*15) = 0.8
        float[][] a = {{1, 2}, {3, 4}};
        float[][] b = {{10, 30}, {20, 40}};
        assertEquals(0.8, MapComparison.spearman(a, b), 1e-12);
        assertEquals(1.0, MapComparison.spearman(a, new float[][] {{5, 6}, {7, 100}}), 1e-12, "any increasing map");
        assertEquals(-1.0, MapComparison.spearman(a, new float[][] {{4, 3}, {2, 1}}), 1e-12);
        assertEquals(0.0, MapComparison.spearman(a, new float[][] {{7, 7}, {7, 7}}), 0.0, "a constant map has no ranking");
        // ties: 1 1 2 -> ranks 1.5 1.5 3
        assertArrayEquals(new double[] {1.5, 1.5, 3}, MapComparison.ranks(new double[] {1, 1, 2}), 1e-12);
    }

    @Test
    void topRegionsAndTheirShareByHand() {
        float[][] a = {{9, 8, 0, 0, 0}, {0, 0, 0, 0, 0}};  // 10 cells, top 20 % = 2 cells
        float[][] b = {{9, 0, 0, 0, 0}, {0, 0, 0, 0, 8}};
        assertEquals(1 / 3.0, MapComparison.topRegionIoU(a, b, 0.2), 1e-12, "one shared cell of three");
        assertEquals(1.0, MapComparison.topRegionIoU(a, a, 0.2), 0.0);
        assertEquals(1.0, MapComparison.topShare(a, 0.2), 1e-12, "all of the mass in two cells");
        float[][] flat = new float[4][5];
        for (float[] row : flat) java.util.Arrays.fill(row, 3);
        assertEquals(0.2, MapComparison.topShare(flat, 0.2), 1e-12, "a flat map: its top 20 % hold 20 %");
        // 1..10: the top two (9, 10) hold 19 of 55
        float[][] ramp = {{1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}};
        assertEquals(19 / 55.0, MapComparison.topShare(ramp, 0.2), 1e-12);
    }

    @Test
    void ssimOfAMapWithItselfIsOneAndOfNoiseNearZero() {
        Random r = new Random(1);
        float[][] a = new float[32][32];
        float[][] noise = new float[32][32];
        for (int i = 0; i < 32; i++) {
            for (int j = 0; j < 32; j++) {
                a[i][j] = (float) Math.exp(-((i - 10) * (i - 10) + (j - 20) * (j - 20)) / 40.0);
                noise[i][j] = r.nextFloat();
            }
        }
        assertEquals(1.0, MapComparison.ssim(a, a), 1e-12);
        assertEquals(0.0, MapComparison.ssim(a, noise), 0.1);
        // one 7x7 window by hand: constant maps 0.5 and 0.25 -> (2*0.125 + C1) / (0.25 + 0.0625 + C1) with no variance
        float[][] p = new float[7][7], q = new float[7][7];
        for (int i = 0; i < 7; i++) {
            java.util.Arrays.fill(p[i], 0.5f);
            java.util.Arrays.fill(q[i], 0.25f);
        }
        double c1 = 1e-4, c2 = 9e-4;
        assertEquals((0.25 + c1) * c2 / ((0.3125 + c1) * c2), MapComparison.ssim(p, q), 1e-9);
    }
}
