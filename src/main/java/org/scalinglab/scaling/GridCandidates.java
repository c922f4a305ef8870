package org.scalinglab.scaling;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 1 of the paper's method: at φ = 1, the (α, β, γ) on a grid (each ≥ 1) whose α·β²·γ² lies within a
 * tolerance of 2. The grid starts at 1 and moves in whole steps, so the paper's choice (1.2, 1.1, 1.15) is on
 * the grid for steps of 0.05 or 0.01.
 */
public final class GridCandidates {

    public record Candidate(double alpha, double beta, double gamma) {
        public double constraint() {
            return alpha * beta * beta * gamma * gamma;
        }

        public boolean isPaperChoice() {
            return near(alpha, CompoundScaling.PAPER_ALPHA) && near(beta, CompoundScaling.PAPER_BETA) && near(gamma, CompoundScaling.PAPER_GAMMA);
        }
    }

    private GridCandidates() {
    }

    /**
     * @param step              grid step, 0.01..0.5
     * @param relativeTolerance |α·β²·γ² − 2| ≤ 2·tolerance, 0..0.5
     */
    public static List<Candidate> enumerate(double step, double relativeTolerance) {
        if (!(step >= 0.01 && step <= 0.5)) throw new IllegalArgumentException("step must be between 0.01 and 0.5, got " + step);
        if (!(relativeTolerance >= 0 && relativeTolerance <= 0.5)) {
            throw new IllegalArgumentException("tolerance must be between 0 and 0.5, got " + relativeTolerance);
        }
        double hi = 2 * (1 + relativeTolerance);
        List<Candidate> out = new ArrayList<>();
        // α ≤ 2(1+tol), β² ≤ 2(1+tol) and γ² ≤ 2(1+tol) bound the grid since the others are ≥ 1
        int n = (int) Math.floor((hi - 1) / step + 1e-9);
        for (int i = 0; i <= n; i++) {
            double a = round(1 + i * step);
            for (int j = 0; j <= n; j++) {
                double b = round(1 + j * step);
                if (a * b * b > hi) break;
                for (int k = 0; k <= n; k++) {
                    double g = round(1 + k * step);
                    double c = a * b * b * g * g;
                    if (c > hi) break;
                    if (Math.abs(c - 2) <= 2 * relativeTolerance + 1e-12) out.add(new Candidate(a, b, g));
                }
            }
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) < 1e-9;
    }
}
