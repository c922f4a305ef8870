package org.scalinglab.app;

import java.util.Arrays;
import java.util.Random;

/**
 * Percentile bootstrap confidence intervals of a mean: resample the values with replacement, take the mean of each
 * resample, and read the interval off the sorted means. Seeded, so a report is reproducible.
 */
public final class Bootstrap {
    public static final int RESAMPLES = 10_000;

    /** A mean and its 95 % interval, over {@code n} values. */
    public record Interval(double mean, double low, double high, int n) {
    }

    private Bootstrap() {
    }

    /** The 95 % interval of the mean of the finite values (NaN entries are left out). */
    public static Interval mean(double[] values, long seed) {
        return mean(values, 0.95, RESAMPLES, seed);
    }

    public static Interval mean(double[] values, double level, int resamples, long seed) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (v.length == 0) return new Interval(Double.NaN, Double.NaN, Double.NaN, 0);
        double mean = Arrays.stream(v).average().orElseThrow();
        if (v.length == 1) return new Interval(mean, Double.NaN, Double.NaN, 1);
        Random random = new Random(seed);
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double s = 0;
            for (int i = 0; i < v.length; i++) s += v[random.nextInt(v.length)];
            means[r] = s / v.length;
        }
        Arrays.sort(means);
        double tail = (1 - level) / 2;
        return new Interval(mean, quantile(means, tail), quantile(means, 1 - tail), v.length);
    }

    /** The interval of the mean difference a[i] - b[i] over the pairs where both are finite. */
    public static Interval pairedDifference(double[] a, double[] b, long seed) {
        if (a.length != b.length) throw new IllegalArgumentException("paired values must be as many: " + a.length + " and " + b.length);
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) d[i] = Double.isFinite(a[i]) && Double.isFinite(b[i]) ? a[i] - b[i] : Double.NaN;
        return mean(d, seed);
    }

    /** Linear interpolation between order statistics (type 7, as R's and NumPy's default). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
