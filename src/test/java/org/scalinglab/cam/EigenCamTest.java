package org.scalinglab.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scalinglab.tf.CamData;

class EigenCamTest {

    @Test
    void recoversARankOnePatternUnderNoise() {
        // A[i][j][k] = pattern[i][j] * loading[k] + noise: the first component's scores are the centred pattern
        for (int channels : new int[] {64, 12}) { // more channels than positions, and fewer: both Gram branches
            Random rnd = new Random(11);
            int h = 7;
            int w = 6;
            float[][] pattern = new float[h][w];
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    pattern[i][j] = (float) Math.exp(-((i - 2) * (i - 2) + (j - 4) * (j - 4)) / 3.0);
                }
            }
            float[][][] a = new float[h][w][channels];
            for (int k = 0; k < channels; k++) {
                double loading = 0.5 + rnd.nextDouble();
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < w; j++) {
                        a[i][j][k] = (float) (pattern[i][j] * loading + 0.01 * rnd.nextGaussian());
                    }
                }
            }
            CamResult r = new EigenCam().compute(new FixedSource(new CamData(new float[1], a, null, "top_activation", 0)),
                    FixedSource.dummyImage(), null, 0);
            float mean = 0;
            for (float[] row : pattern) {
                for (float v : row) {
                    mean += v / (h * w);
                }
            }
            float[][] centred = new float[h][w];
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    centred[i][j] = pattern[i][j] - mean;
                }
            }
            float[][] expected = HeatmapScaling.perMap(CamMethod.relu(centred)).values();
            float[][] actual = HeatmapScaling.perMap(r.map()).values();
            CamMethodsTest.assertMap(expected, actual, 0.02f);
            assertArrayEquals(new int[] {2, 4}, Localization.argmax(r.map()));
        }
    }

    @Test
    void signFollowsWhereTheLayerIsActive() {
        // the same activations with the pattern as a dip instead of a bump: the map must not flip to the dip
        int h = 5;
        int w = 5;
        int c = 8;
        float[][][] a = new float[h][w][c];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                for (int k = 0; k < c; k++) {
                    a[i][j][k] = (i == 1 && j == 3) ? 5f + k : 1f + 0.1f * ((i * 7 + j * 3 + k) % 5);
                }
            }
        }
        CamResult r = new EigenCam().compute(new FixedSource(new CamData(new float[1], a, null, "top_activation", 0)), FixedSource.dummyImage(), null, 0);
        assertArrayEquals(new int[] {1, 3}, Localization.argmax(r.map()));
    }

    @Test
    void powerIterationFindsTheTopEigenvectorOfAKnownMatrix() {
        // M = Q diag(5, 2, 1, 0.5) Q^T with Q two Givens rotations: top eigenvector = Q's first column
        double c1 = Math.cos(0.7);
        double s1 = Math.sin(0.7);
        double c2 = Math.cos(-1.1);
        double s2 = Math.sin(-1.1);
        double[][] q = {{c1, -s1, 0, 0}, {s1, c1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        double[][] q2 = {{1, 0, 0, 0}, {0, c2, 0, -s2}, {0, 0, 1, 0}, {0, s2, 0, c2}};
        q = multiply(q2, q);
        double[] eig = {5, 2, 1, 0.5};
        double[][] m = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 4; k++) {
                    m[i][j] += q[i][k] * eig[k] * q[j][k];
                }
            }
        }
        double[] v = PrincipalComponent.topEigenvector(m);
        double dot = 0;
        for (int i = 0; i < 4; i++) {
            dot += v[i] * q[i][0];
        }
        assertEquals(1.0, Math.abs(dot), 1e-9);
        assertEquals(5.0, PrincipalComponent.rayleigh(m, v), 1e-9);
    }

    @Test
    void bothGramBranchesGiveTheSameScores() {
        Random rnd = new Random(3);
        double[][] x = new double[9][5];
        for (double[] row : x) {
            for (int k = 0; k < 5; k++) {
                row[k] = rnd.nextGaussian() * (k + 1);
            }
        }
        // centre the columns
        for (int k = 0; k < 5; k++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[k] / x.length;
            }
            for (double[] row : x) {
                row[k] -= mean;
            }
        }
        double[] viaCov = PrincipalComponent.scores(x); // 9 rows > 5 columns: X^T X branch
        // the transposed problem uses X X^T; pad with zero columns so it takes the other branch on the same data
        double[][] wide = new double[9][12];
        for (int i = 0; i < 9; i++) {
            System.arraycopy(x[i], 0, wide[i], 0, 5);
        }
        double[] viaGram = PrincipalComponent.scores(wide);
        double sign = Math.signum(viaCov[0] * viaGram[0]);
        for (int i = 0; i < 9; i++) {
            assertEquals(viaCov[i], sign * viaGram[i], 1e-6 * (1 + Math.abs(viaCov[i])));
        }
        assertTrue(Math.abs(viaCov[0]) > 0);
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] out = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int k = 0; k < b.length; k++) {
                    out[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return out;
    }
}
