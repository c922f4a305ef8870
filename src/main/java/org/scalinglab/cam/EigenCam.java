package org.scalinglab.cam;

import org.scalinglab.tf.CamData;

/**
 * Eigen-CAM (Muhammad and Yeasin, 2020), as pytorch-grad-cam computes it: centre the activations
 * (positions x channels) per channel, project them on the first right singular vector.
 * pytorch-grad-cam keeps whatever sign its SVD returns (so the map can come out inverted); here the sign is
 * fixed so the projection correlates positively with the channel-mean activation: the map is bright where the
 * layer is active. Uses no gradients and no class.
 */
public final class EigenCam extends CamMethod {

    public EigenCam() {
        super("eigencam", "Eigen-CAM", false);
    }

    /** The first principal component of the activations: the same map for every class. */
    @Override
    public boolean classSpecific() {
        return false;
    }

    @Override
    protected float[][] signedMap(CamData in, CamSource source, float[][][] image) {
        int h = in.height();
        int w = in.width();
        int c = in.channels();
        float[][][] a = in.activations();
        double[][] x = new double[h * w][c];
        double[] mean = new double[c];
        double[] channelMean = new double[h * w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                int p = i * w + j;
                for (int k = 0; k < c; k++) {
                    float v = a[i][j][k];
                    double d = Float.isNaN(v) ? 0 : v;
                    x[p][k] = d;
                    mean[k] += d;
                    channelMean[p] += d / c;
                }
            }
        }
        for (int k = 0; k < c; k++) {
            mean[k] /= h * w;
        }
        for (double[] row : x) {
            for (int k = 0; k < c; k++) {
                row[k] -= mean[k];
            }
        }
        double[] scores = PrincipalComponent.scores(x);
        fixSign(scores, channelMean);
        float[][] out = new float[h][w];
        for (int p = 0; p < h * w; p++) {
            out[p / w][p % w] = (float) scores[p];
        }
        return out;
    }

    /** Positive correlation with the mean activation; on a tie, the largest-magnitude score positive. */
    static void fixSign(double[] scores, double[] channelMean) {
        double s = 0;
        int largest = 0;
        for (int p = 0; p < scores.length; p++) {
            s += scores[p] * channelMean[p];
            if (Math.abs(scores[p]) > Math.abs(scores[largest])) {
                largest = p;
            }
        }
        if (s < 0 || (s == 0 && scores[largest] < 0)) {
            for (int p = 0; p < scores.length; p++) {
                scores[p] = -scores[p];
            }
        }
    }
}
