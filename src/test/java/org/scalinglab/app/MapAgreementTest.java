package org.scalinglab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalinglab.cam.Heatmap;

class MapAgreementTest {

    private static Heatmap peak(int size, int row, int col) {
        float[][] v = new float[size][size];
        for (int i = 0; i < size; i++) for (int j = 0; j < size; j++) v[i][j] = (float) Math.exp(-((i - row) * (i - row) + (j - col) * (j - col)) / 2.0);
        return new Heatmap(v, Heatmap.Scaling.PER_MAP, 0, 1);
    }

    /** Maps of different sizes meet on one grid: the same peak agrees with itself, a peak in the other corner does not. */
    @Test
    void samePlacesAgreeOtherPlacesDoNot() {
        Heatmap a = peak(7, 1, 1);
        Heatmap sameAtAnotherSize = peak(14, 2, 2);
        Heatmap elsewhere = peak(7, 5, 5);
        MapAgreement.Matrix m = MapAgreement.of(List.of("a", "b", "c", "none"), Arrays.asList(a, sameAtAnotherSize, elsewhere, null));
        assertEquals(1.0, m.rankCorrelation()[0][0], 1e-12);
        assertTrue(m.rankCorrelation()[0][1] > 0.9, "same place: " + m.rankCorrelation()[0][1]);
        assertTrue(m.topRegionIoU()[0][1] > 0.6, "same place: " + m.topRegionIoU()[0][1]);
        assertTrue(m.rankCorrelation()[0][2] < 0, "other corner: " + m.rankCorrelation()[0][2]);
        assertEquals(0.0, m.topRegionIoU()[0][2], 1e-12);
        assertTrue(Double.isNaN(m.rankCorrelation()[0][3]));
        float[][] d = MapAgreement.difference(a, elsewhere);
        assertTrue(d[11][11] > 0.5 && d[43][43] < -0.5, "a minus c: positive where a looks, negative where c looks: " + d[11][11] + ", " + d[43][43]);
    }
}
