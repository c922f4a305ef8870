package org.scalinglab.cam;

import org.scalinglab.tf.CamData;

/**
 * Grad-CAM++ (Chattopadhay et al., 2018), closed form as in pytorch-grad-cam:
 * alpha_ij = g^2 / (2 g^2 + sum_ab(A_ab) g^3), weight = sum_ij alpha_ij relu(g_ij); alpha is 0 where g is 0.
 */
public final class GradCamPlusPlus extends ChannelWeightCam {
    private static final double EPS = 1e-6;

    public GradCamPlusPlus() {
        super("gradcampp", "Grad-CAM++", true);
    }

    @Override
    protected float[] channelWeights(CamData in, CamSource source, float[][][] image) {
        float[][][] g = in.requireGradients("Grad-CAM++");
        float[][][] a = in.activations();
        int c = in.channels();
        double[] actSum = new double[c];
        for (float[][] row : a) {
            for (float[] px : row) {
                for (int k = 0; k < c; k++) {
                    actSum[k] += px[k];
                }
            }
        }
        double[] w = new double[c];
        for (float[][] row : g) {
            for (float[] px : row) {
                for (int k = 0; k < c; k++) {
                    double gk = px[k];
                    if (gk <= 0) {
                        continue; // relu(g) = 0, and alpha = 0 where g = 0
                    }
                    double g2 = gk * gk;
                    double denom = 2 * g2 + actSum[k] * g2 * gk + EPS;
                    if (denom != 0) {
                        w[k] += g2 / denom * gk;
                    }
                }
            }
        }
        float[] out = new float[c];
        for (int k = 0; k < c; k++) {
            out[k] = (float) w[k];
        }
        return out;
    }
}
