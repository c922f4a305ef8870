package org.scalinglab.cam;

import org.scalinglab.tf.Box;
/** How well a saliency map [H][W] points at a known object box (both in the same pixel grid). */
public final class Localization {
    /** The pointing game's published tolerance (Zhang et al., Top-down Neural Attention by Excitation Backprop, 2016). */
    public static final int POINTING_TOLERANCE_PX = 15;

    private Localization() {
    }

    /**
     * Pointing game: the map's maximum ({@link #argmax}) lies in the box or within {@code tolerancePx} of it; with 0, the
     * strict test "the peak is inside the box".
     */
    public static boolean pointingHit(float[][] saliency, Box box, int tolerancePx) {
        int[] p = argmax(saliency);
        int x = p[1];
        int y = p[0];
        int dx = Math.max(0, Math.max(box.x0() - x, x - (box.x1() - 1)));
        int dy = Math.max(0, Math.max(box.y0() - y, y - (box.y1() - 1)));
        return box.area() > 0 && (long) dx * dx + (long) dy * dy <= (long) tolerancePx * tolerancePx;
    }

    /**
     * Energy-based pointing game (Wang et al., Score-CAM, 2020): the share of the map's total (non-negative) mass
     * inside the box; 0 for an empty map.
     */
    public static double energyInBox(float[][] saliency, Box box) {
        double inside = 0;
        double total = 0;
        for (int y = 0; y < saliency.length; y++) {
            for (int x = 0; x < saliency[0].length; x++) {
                float v = saliency[y][x];
                if (v > 0) {
                    total += v;
                    if (box.contains(x, y)) {
                        inside += v;
                    }
                }
            }
        }
        return total > 0 ? inside / total : 0;
    }

    /** {row, column} of the largest value; on ties, the tied pixel nearest their centroid; NaN is skipped. */
    public static int[] argmax(float[][] map) {
        float bestValue = Float.NEGATIVE_INFINITY;
        for (float[] row : map) for (float v : row) if (v > bestValue) bestValue = v;
        // a peak cell at the border upsamples to a plateau reaching the image edge (edge clamping): take the tied
        // pixel nearest the plateau's centre, not the first one in raster order, which would sit on the border
        double sy = 0;
        double sx = 0;
        long n = 0;
        for (int y = 0; y < map.length; y++) {
            for (int x = 0; x < map[0].length; x++) {
                if (map[y][x] == bestValue) {
                    sy += y;
                    sx += x;
                    n++;
                }
            }
        }
        double cy = sy / Math.max(1, n);
        double cx = sx / Math.max(1, n);
        int[] best = {0, 0};
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int y = 0; y < map.length; y++) {
            for (int x = 0; x < map[0].length; x++) {
                double d = (y - cy) * (y - cy) + (x - cx) * (x - cx);
                if (map[y][x] == bestValue && d < bestDistance) {
                    bestDistance = d;
                    best = new int[] {y, x};
                }
            }
        }
        return best;
    }
}
