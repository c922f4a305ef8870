package org.scalinglab.cam;

import java.util.Arrays;

/**
 * Numbers that compare saliency maps or describe one: Spearman's rank correlation, the overlap of their most salient
 * regions, structural similarity (SSIM), and how much of a map's mass sits in its most salient part. Maps compared
 * with each other must have the same size (upsample them to a common grid first).
 */
public final class MapComparison {
    /** SSIM's window side and constants for data in [0, 1], as scikit-image's structural_similarity uses them. */
    static final int SSIM_WINDOW = 7;
    private static final double C1 = 0.01 * 0.01;
    private static final double C2 = 0.03 * 0.03;

    private MapComparison() {
    }

    /** Spearman's rank correlation of the two maps' values (ties get their average rank); 0 when either map is constant. */
    public static double spearman(float[][] a, float[][] b) {
        requireSameSize(a, b);
        double[] ra = ranks(flatten(a));
        double[] rb = ranks(flatten(b));
        return pearson(ra, rb);
    }

    /**
     * Intersection over union of the two maps' top {@code fraction} of cells (the highest values; ties broken by
     * position), e.g. 0.2 for the top 20 %.
     */
    public static double topRegionIoU(float[][] a, float[][] b, double fraction) {
        requireSameSize(a, b);
        boolean[] ta = top(flatten(a), fraction);
        boolean[] tb = top(flatten(b), fraction);
        int inter = 0;
        int union = 0;
        for (int i = 0; i < ta.length; i++) {
            if (ta[i] && tb[i]) inter++;
            if (ta[i] || tb[i]) union++;
        }
        return union == 0 ? 1 : inter / (double) union;
    }

    /**
     * The share of a map's total (its values are >= 0, as after ReLU) held by its top {@code fraction} of cells: 0.2
     * for a flat map at fraction 0.2, near 1 for a map that is one sharp peak.
     */
    public static double topShare(float[][] map, double fraction) {
        double[] v = flatten(map);
        double total = 0;
        for (double x : v) total += Math.max(0, x);
        if (total == 0) return Double.NaN;
        boolean[] t = top(v, fraction);
        double in = 0;
        for (int i = 0; i < v.length; i++) if (t[i]) in += Math.max(0, v[i]);
        return in / total;
    }

    /**
     * Mean structural similarity of two maps with values in [0, 1]: luminance, contrast and structure compared in every
     * {@value #SSIM_WINDOW}x{@value #SSIM_WINDOW} window (uniform weights, sample covariances), averaged.
     */
    public static double ssim(float[][] a, float[][] b) {
        requireSameSize(a, b);
        int h = a.length;
        int w = a[0].length;
        if (h < SSIM_WINDOW || w < SSIM_WINDOW) {
            throw new IllegalArgumentException("SSIM needs maps of at least " + SSIM_WINDOW + "x" + SSIM_WINDOW + ", got " + h + "x" + w);
        }
        int n = SSIM_WINDOW * SSIM_WINDOW;
        double cov = n / (n - 1.0);
        double sum = 0;
        int windows = 0;
        for (int y = 0; y + SSIM_WINDOW <= h; y++) {
            for (int x = 0; x + SSIM_WINDOW <= w; x++) {
                double ma = 0, mb = 0, aa = 0, bb = 0, ab = 0;
                for (int i = y; i < y + SSIM_WINDOW; i++) {
                    for (int j = x; j < x + SSIM_WINDOW; j++) {
                        double p = a[i][j], q = b[i][j];
                        ma += p;
                        mb += q;
                        aa += p * p;
                        bb += q * q;
                        ab += p * q;
                    }
                }
                ma /= n;
                mb /= n;
                double va = cov * (aa / n - ma * ma);
                double vb = cov * (bb / n - mb * mb);
                double vab = cov * (ab / n - ma * mb);
                sum += (2 * ma * mb + C1) * (2 * vab + C2) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
                windows++;
            }
        }
        return sum / windows;
    }

    /** Ranks 1..n, ties sharing their average rank. */
    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) order[i] = i;
        Arrays.sort(order, (p, q) -> Double.compare(v[p], v[q]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) j++;
            double average = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) r[order[k]] = average;
            i = j + 1;
        }
        return r;
    }

    private static double pearson(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    /** The top ceil(fraction * n) cells (highest first; among equal values, the earlier cell). */
    private static boolean[] top(double[] v, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
        int k = (int) Math.ceil(fraction * v.length);
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) order[i] = i;
        Arrays.sort(order, (p, q) -> v[q] != v[p] ? Double.compare(v[q], v[p]) : Integer.compare(p, q));
        boolean[] t = new boolean[v.length];
        for (int i = 0; i < k; i++) t[order[i]] = true;
        return t;
    }

    private static double[] flatten(float[][] m) {
        double[] out = new double[m.length * m[0].length];
        int i = 0;
        for (float[] row : m) for (float x : row) out[i++] = x;
        return out;
    }

    private static void requireSameSize(float[][] a, float[][] b) {
        if (a.length != b.length || a[0].length != b[0].length) {
            throw new IllegalArgumentException("maps of different sizes: " + a.length + "x" + a[0].length + " and " + b.length + "x" + b[0].length);
        }
    }
}
