package org.scalinglab.app;

import java.util.ArrayList;
import java.util.List;
import org.scalinglab.cam.Bilinear;
import org.scalinglab.cam.Heatmap;
import org.scalinglab.cam.MapComparison;

/**
 * How much the models of a comparison agree on one image: every map is brought to a common grid over the square the
 * models see (they all take the same centred square, at their own resolutions), then every pair is compared by rank
 * correlation and by the overlap (IoU) of their top 20 % regions; and the signed difference of two maps, for a
 * diverging colour scale.
 */
public final class MapAgreement {
    static final int GRID = 56;

    /** Pairwise matrices over the models that have a map (names in order); NaN on the diagonal of models without one. */
    public record Matrix(List<String> models, double[][] rankCorrelation, double[][] topRegionIoU) {
    }

    private MapAgreement() {
    }

    /** @param heatmaps one per model, null where a model has no map */
    public static Matrix of(List<String> models, List<Heatmap> heatmaps) {
        int n = models.size();
        List<float[][]> grids = new ArrayList<>();
        for (Heatmap h : heatmaps) grids.add(h == null ? null : onGrid(h));
        double[][] rho = new double[n][n];
        double[][] iou = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean both = grids.get(i) != null && grids.get(j) != null;
                rho[i][j] = both ? MapComparison.spearman(grids.get(i), grids.get(j)) : Double.NaN;
                iou[i][j] = both ? MapComparison.topRegionIoU(grids.get(i), grids.get(j), MapQualityStudy.TOP_FRACTION) : Double.NaN;
            }
        }
        return new Matrix(List.copyOf(models), rho, iou);
    }

    /** a - b on the common grid, each scaled to [0, 1] first: values in [-1, 1]. */
    public static float[][] difference(Heatmap a, Heatmap b) {
        float[][] x = onGrid(a);
        float[][] y = onGrid(b);
        float[][] d = new float[GRID][GRID];
        for (int i = 0; i < GRID; i++) for (int j = 0; j < GRID; j++) d[i][j] = x[i][j] - y[i][j];
        return d;
    }

    /** The map scaled to [0, 1] by its own range, resized to the common grid. */
    static float[][] onGrid(Heatmap h) {
        float[][] v = h.values();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (float[] row : v) for (float x : row) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        float[][] scaled = new float[v.length][v[0].length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v[0].length; j++) scaled[i][j] = hi > lo ? (float) ((v[i][j] - lo) / (hi - lo)) : 0f;
        }
        return Bilinear.resize(scaled, GRID, GRID);
    }
}
