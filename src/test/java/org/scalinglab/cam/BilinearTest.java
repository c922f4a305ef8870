package org.scalinglab.cam;

import org.scalinglab.tf.Box;
import org.scalinglab.tf.CropGeometry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BilinearTest {

    @Test
    void oneHotCellLandsOnItsPixelsAt224() {
        int r = 2;
        int c = 4;
        float[][] up = Bilinear.resize(oneHot(7, 7, r, c), 224, 224);
        assertEquals(224, up.length);
        assertEquals(224, up[0].length);
        // the cell centre sits between pixels 32r+15 and 32r+16: those four share the maximum,
        // each half a pixel (1/64 of a cell) away from the centre in both directions
        float peak = (63f / 64) * (63f / 64);
        float max = 0;
        for (float[] row : up) {
            for (float v : row) {
                max = Math.max(max, v);
            }
        }
        assertEquals(peak, max, 1e-6f);
        for (int y = 0; y < 224; y++) {
            for (int x = 0; x < 224; x++) {
                boolean atPeak = (y == 32 * r + 15 || y == 32 * r + 16) && (x == 32 * c + 15 || x == 32 * c + 16);
                assertEquals(atPeak, Math.abs(up[y][x] - peak) < 1e-6f, "pixel row " + y + " col " + x);
            }
        }
        double[] centroid = centroid(up);
        assertEquals(32 * r + 15.5, centroid[0], 1e-9);
        assertEquals(32 * c + 15.5, centroid[1], 1e-9);
        // the hat reaches one cell (32 px) each way and no further
        assertTrue(up[32 * r + 15][32 * c + 15 + 31] > 0);
        assertEquals(0f, up[32 * r + 15][32 * c + 15 + 33]);
    }

    @Test
    void edgeCellsHoldTheirValueToTheBorder() {
        float[][] up = Bilinear.resize(oneHot(7, 7, 0, 0), 224, 224);
        for (int i = 0; i <= 15; i++) {
            assertEquals(1f, up[i][i], 1e-6f);
        }
        assertTrue(up[16][16] < 1f);
    }

    @Test
    void nonSquareResizeByHand() {
        float[][] m = {{0, 10, 20}, {30, 40, 50}};
        float[][] up = Bilinear.resize(m, 4, 9);
        assertEquals(4, up.length);
        assertEquals(9, up[0].length);
        // output (1, 4): source row (1.5)*2/4-0.5 = 0.25, column (4.5)*3/9-0.5 = 1 -> 0.75*10 + 0.25*40
        assertEquals(17.5f, up[1][4], 1e-5f);
        // output (0, 0): row -0.25 and column -1/3 clamp to the corner
        assertEquals(0f, up[0][0], 1e-6f);
    }

    @Test
    void mapsBackOntoALandscapeOriginalThroughACenterCrop() {
        // 320 wide x 240 high: the centre crop is the 240-pixel square starting at x = 40
        CropGeometry crop = CropGeometry.centerCrop(320, 240);
        assertEquals(40, crop.cropX(), 0);
        assertEquals(0, crop.cropY(), 0);
        float[][] orig = Bilinear.toOriginal(oneHot(7, 7, 1, 5), crop);
        assertEquals(240, orig.length, "rows = original height");
        assertEquals(320, orig[0].length, "columns = original width");
        for (int y = 0; y < 240; y++) {
            assertTrue(Float.isNaN(orig[y][39]) && Float.isNaN(orig[y][280]), "no heat outside the crop, row " + y);
            assertFalse(Float.isNaN(orig[y][40]) || Float.isNaN(orig[y][279]));
        }
        // cell (row 1, column 5) centre: x = 40 + 5.5/7*240, y = 1.5/7*240, in pixel-edge units
        double[] centroid = centroid(orig);
        assertEquals(1.5 / 7 * 240, centroid[0] + 0.5, 0.1);
        assertEquals(40 + 5.5 / 7 * 240, centroid[1] + 0.5, 0.1);
    }

    @Test
    void mapsBackOntoAPortraitOriginalWithoutSwappingAxes() {
        CropGeometry crop = CropGeometry.centerCrop(240, 320);
        assertEquals(0, crop.cropX(), 0);
        assertEquals(40, crop.cropY(), 0);
        float[][] orig = Bilinear.toOriginal(oneHot(7, 7, 1, 5), crop);
        assertEquals(320, orig.length);
        assertEquals(240, orig[0].length);
        assertTrue(Float.isNaN(orig[39][100]) && Float.isNaN(orig[280][100]));
        double[] centroid = centroid(orig);
        assertEquals(40 + 1.5 / 7 * 240, centroid[0] + 0.5, 0.1);
        assertEquals(5.5 / 7 * 240, centroid[1] + 0.5, 0.1);
    }

    @Test
    void identityCropEqualsResize() {
        float[][] m = {{0, 1, 2}, {3, 4, 5}, {6, 7, 9}};
        float[][] a = Bilinear.toOriginal(m, CropGeometry.identity(30));
        float[][] b = Bilinear.resize(m, 30, 30);
        CamMethodsTest.assertMap(b, a, 1e-5f);
    }

    @Test
    void boxesMapBetweenOriginalAndInput() {
        CropGeometry crop = CropGeometry.centerCrop(320, 240);
        // x: (100-40)*224/240 = 56, (160-40)*224/240 = 112; y: 60*224/240 = 56, 120*224/240 = 112
        assertEquals(new Box(56, 56, 112, 112), crop.toInput(new Box(100, 60, 160, 120), 224));
        assertEquals(new Box(100, 60, 160, 120), crop.toOriginal(new Box(56, 56, 112, 112), 224));
        // parts outside the crop are cut away
        assertEquals(new Box(0, 0, 28, 28), crop.toInput(new Box(0, 0, 70, 30), 224));
    }

    static float[][] oneHot(int h, int w, int r, int c) {
        float[][] m = new float[h][w];
        m[r][c] = 1;
        return m;
    }

    /** {row, column} of the value-weighted centre, in pixel indices; NaN counts as nothing. */
    static double[] centroid(float[][] m) {
        double s = 0;
        double sy = 0;
        double sx = 0;
        for (int y = 0; y < m.length; y++) {
            for (int x = 0; x < m[0].length; x++) {
                if (!Float.isNaN(m[y][x])) {
                    s += m[y][x];
                    sy += m[y][x] * y;
                    sx += m[y][x] * x;
                }
            }
        }
        return new double[] {sy / s, sx / s};
    }
}
