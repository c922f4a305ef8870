package org.scalinglab.cam;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns raw CAMs into [0, 1] heatmaps. As pytorch-grad-cam's scale_cam_image, the range is taken at the layer's
 * size (before upsampling); bilinear upsampling is a convex combination, so it keeps the values in [0, 1].
 */
public final class HeatmapScaling {

    private HeatmapScaling() {
    }

    public static Heatmap perMap(float[][] raw) {
        double[] range = range(List.<float[][]>of(raw));
        return apply(raw, Heatmap.Scaling.PER_MAP, range[0], range[1]);
    }

    /** One scale for all: the default when maps of different models are shown side by side. */
    public static List<Heatmap> shared(List<float[][]> raws) {
        double[] range = range(raws);
        List<Heatmap> out = new ArrayList<>();
        for (float[][] raw : raws) {
            out.add(apply(raw, Heatmap.Scaling.SHARED, range[0], range[1]));
        }
        return out;
    }

    public static List<Heatmap> scale(List<float[][]> raws, Heatmap.Scaling scaling) {
        if (scaling == Heatmap.Scaling.SHARED) {
            return shared(raws);
        }
        List<Heatmap> out = new ArrayList<>();
        for (float[][] raw : raws) {
            out.add(perMap(raw));
        }
        return out;
    }

    /**
     * The maps of a grid, one list per image (a list may be empty: no model had a map): each map on its own scale, each
     * image's maps on one scale (so adding an image never changes another row), or all maps on one scale.
     */
    public static List<List<Heatmap>> grid(List<List<float[][]>> rows, Heatmap.Scaling scaling) {
        List<List<Heatmap>> out = new ArrayList<>();
        switch (scaling) {
            case PER_MAP -> {
                for (List<float[][]> row : rows) out.add(row.stream().map(HeatmapScaling::perMap).toList());
            }
            case PER_IMAGE -> {
                for (List<float[][]> row : rows) out.add(together(row, Heatmap.Scaling.PER_IMAGE, row));
            }
            case SHARED -> {
                List<float[][]> all = rows.stream().flatMap(List::stream).toList();
                for (List<float[][]> row : rows) out.add(together(row, Heatmap.Scaling.SHARED, all));
            }
        }
        return out;
    }

    /** {@code maps} on the range of {@code rangeOf}. */
    private static List<Heatmap> together(List<float[][]> maps, Heatmap.Scaling scaling, List<float[][]> rangeOf) {
        if (maps.isEmpty()) return List.of();
        double[] range = range(rangeOf);
        List<Heatmap> out = new ArrayList<>();
        for (float[][] raw : maps) out.add(apply(raw, scaling, range[0], range[1]));
        return out;
    }

    static Heatmap apply(float[][] raw, Heatmap.Scaling scaling, double low, double high) {
        double span = high - low;
        float[][] v = new float[raw.length][raw[0].length];
        for (int i = 0; i < raw.length; i++) {
            for (int j = 0; j < raw[0].length; j++) {
                double s = span > 0 ? (raw[i][j] - low) / span : 0;
                v[i][j] = (float) Math.max(0, Math.min(1, s));
            }
        }
        return new Heatmap(v, scaling, low, high);
    }

    private static double[] range(List<float[][]> raws) {
        if (raws.isEmpty()) {
            throw new IllegalArgumentException("no maps to scale");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float[][] raw : raws) {
            for (float[] row : raw) {
                for (float x : row) {
                    if (!Float.isNaN(x)) {
                        lo = Math.min(lo, x);
                        hi = Math.max(hi, x);
                    }
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {0, 0};
    }
}
