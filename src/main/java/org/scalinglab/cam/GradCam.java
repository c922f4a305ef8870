package org.scalinglab.cam;

import org.scalinglab.tf.CamData;

/** Grad-CAM (Selvaraju et al., 2017): a channel's weight is its gradient averaged over the layer's positions. */
public final class GradCam extends ChannelWeightCam {

    public GradCam() {
        super("gradcam", "Grad-CAM", true);
    }

    @Override
    protected float[] channelWeights(CamData in, CamSource source, float[][][] image) {
        float[][][] g = in.requireGradients("Grad-CAM");
        double[] sum = new double[in.channels()];
        for (float[][] row : g) {
            for (float[] px : row) {
                for (int k = 0; k < sum.length; k++) {
                    sum[k] += px[k];
                }
            }
        }
        float[] w = new float[sum.length];
        double n = (double) in.height() * in.width();
        for (int k = 0; k < w.length; k++) {
            w[k] = (float) (sum[k] / n);
        }
        return w;
    }
}
