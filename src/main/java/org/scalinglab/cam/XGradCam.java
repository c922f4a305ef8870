package org.scalinglab.cam;

import org.scalinglab.tf.CamData;

/** XGrad-CAM (Fu et al., 2020): weight = sum_ij g_ij A_ij / sum_ab A_ab. */
public final class XGradCam extends ChannelWeightCam {
    private static final double EPS = 1e-7;

    public XGradCam() {
        super("xgradcam", "XGrad-CAM", true);
    }

    @Override
    protected float[] channelWeights(CamData in, CamSource source, float[][][] image) {
        float[][][] g = in.requireGradients("XGrad-CAM");
        float[][][] a = in.activations();
        int c = in.channels();
        double[] actSum = new double[c];
        double[] weighted = new double[c];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                for (int k = 0; k < c; k++) {
                    actSum[k] += a[i][j][k];
                    weighted[k] += (double) g[i][j][k] * a[i][j][k];
                }
            }
        }
        float[] w = new float[c];
        for (int k = 0; k < c; k++) {
            w[k] = (float) (weighted[k] / (actSum[k] + EPS));
        }
        return w;
    }
}
