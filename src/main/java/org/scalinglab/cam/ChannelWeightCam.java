package org.scalinglab.cam;

import org.scalinglab.tf.CamData;

/** A CAM that is a weighted sum of the layer's channels: the method supplies only the channel weights. */
public abstract class ChannelWeightCam extends CamMethod {

    protected ChannelWeightCam(String name, String title, boolean usesGradients) {
        super(name, title, usesGradients);
    }

    /** One weight per channel of the target layer. */
    protected abstract float[] channelWeights(CamData in, CamSource source, float[][][] image);

    @Override
    protected final float[][] signedMap(CamData in, CamSource source, float[][][] image) {
        float[] w = channelWeights(in, source, image);
        if (w.length != in.channels()) {
            throw new IllegalStateException(name() + " gave " + w.length + " weights for " + in.channels() + " channels");
        }
        return weightedSum(in.activations(), w);
    }

    static float[][] weightedSum(float[][][] a, float[] w) {
        float[][] out = new float[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                double s = 0;
                float[] px = a[i][j];
                for (int k = 0; k < w.length; k++) {
                    s += (double) w[k] * px[k];
                }
                out[i][j] = (float) s;
            }
        }
        return out;
    }
}
