package org.scalinglab.cam;

import java.util.SplittableRandom;

/**
 * Scores of the first principal component of a column-centred matrix, X v1 (= sigma1 u1 of the SVD),
 * by power iteration on the smaller of the two Gram matrices X X^T and X^T X. Plain Java, no library.
 * The sign is whatever the iteration ends with; callers fix it.
 */
final class PrincipalComponent {
    static final int MAX_ITERATIONS = 5000;
    static final double TOLERANCE = 1e-24; // squared change of the unit vector between iterations

    private PrincipalComponent() {
    }

    /** @param x rows = observations (positions), columns = variables (channels), already centred per column */
    static double[] scores(double[][] x) {
        int rows = x.length;
        int cols = x[0].length;
        if (rows <= cols) {
            double[][] gram = new double[rows][rows];
            for (int a = 0; a < rows; a++) {
                for (int b = a; b < rows; b++) {
                    double s = dot(x[a], x[b]);
                    gram[a][b] = s;
                    gram[b][a] = s;
                }
            }
            double[] u = topEigenvector(gram);
            double lambda = rayleigh(gram, u);
            double sigma = Math.sqrt(Math.max(lambda, 0));
            for (int a = 0; a < rows; a++) {
                u[a] *= sigma;
            }
            return u;
        }
        double[][] cov = new double[cols][cols];
        for (double[] row : x) {
            for (int a = 0; a < cols; a++) {
                double ra = row[a];
                if (ra == 0) {
                    continue;
                }
                for (int b = a; b < cols; b++) {
                    cov[a][b] += ra * row[b];
                }
            }
        }
        for (int a = 0; a < cols; a++) {
            for (int b = 0; b < a; b++) {
                cov[a][b] = cov[b][a];
            }
        }
        double[] v = topEigenvector(cov);
        double[] out = new double[rows];
        for (int a = 0; a < rows; a++) {
            out[a] = dot(x[a], v);
        }
        return out;
    }

    /** Unit eigenvector of the largest eigenvalue of a symmetric positive semi-definite matrix. */
    static double[] topEigenvector(double[][] m) {
        int n = m.length;
        SplittableRandom random = new SplittableRandom(20240611L); // fixed start: the same input gives the same output
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble() - 0.5;
        }
        normalize(v);
        double[] next = new double[n];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            for (int i = 0; i < n; i++) {
                next[i] = dot(m[i], v);
            }
            if (normalize(next) == 0) {
                return v; // the zero matrix: any vector will do
            }
            double change = 0;
            for (int i = 0; i < n; i++) {
                double d = next[i] - v[i];
                change += d * d;
            }
            double[] t = v;
            v = next;
            next = t;
            if (change < TOLERANCE) {
                break;
            }
        }
        return v;
    }

    static double rayleigh(double[][] m, double[] v) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[i] * dot(m[i], v);
        }
        return s / dot(v, v);
    }

    private static double normalize(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
        }
        return norm;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
