package org.scalinglab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    /** For n normal values the 95 % interval of the mean is about mean ± 1.96 s / sqrt(n) (the closed form). */
    @Test
    void theIntervalOfAMeanMatchesTheNormalTheory() {
        Random r = new Random(7);
        int n = 400;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = 3 + 2 * r.nextGaussian();
        double mean = 0;
        for (double x : v) mean += x;
        mean /= n;
        double ss = 0;
        for (double x : v) ss += (x - mean) * (x - mean);
        double halfWidth = 1.96 * Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
        Bootstrap.Interval ci = Bootstrap.mean(v, 11);
        assertEquals(mean, ci.mean(), 1e-12);
        assertEquals(mean - halfWidth, ci.low(), 0.05 * halfWidth, "low");
        assertEquals(mean + halfWidth, ci.high(), 0.05 * halfWidth, "high");
        assertEquals(n, ci.n());
    }

    /** Paired: a constant shift has a zero-width interval; NaN pairs are left out. */
    @Test
    void pairedDifferences() {
        double[] a = {1, 2, 3, Double.NaN, 5};
        double[] b = {0.5, 1.5, 2.5, 9, 4.5};
        Bootstrap.Interval d = Bootstrap.pairedDifference(a, b, 1);
        assertEquals(0.5, d.mean(), 1e-12);
        assertEquals(0.5, d.low(), 1e-12);
        assertEquals(0.5, d.high(), 1e-12);
        assertEquals(4, d.n());
        Bootstrap.Interval none = Bootstrap.mean(new double[] {Double.NaN}, 1);
        assertTrue(Double.isNaN(none.mean()) && none.n() == 0);
    }

    @Test
    void quantilesInterpolate() {
        assertEquals(2.5, Bootstrap.quantile(new double[] {1, 2, 3, 4}, 0.5), 1e-12);
        assertEquals(1.3, Bootstrap.quantile(new double[] {1, 2, 3, 4}, 0.1), 1e-12);
    }
}
