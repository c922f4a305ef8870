package org.scalinglab.cam;

import org.scalinglab.tf.CamData;

/**
 * Score-CAM (Wang et al., 2020): each channel, upsampled to the input size and min-max normalised to [0, 1],
 * masks the image (pixels x mask, so masked-out pixels turn black); the class's softmax probability on that
 * masked image is the channel's weight. One forward pass per channel, run in batches of {@code batchSize};
 * {@link CamResult#forwardImages()} reports the total (1 + channels). Differences from pytorch-grad-cam, which
 * multiplies the normalised tensor and softmaxes the raw logits across channels: here the weight is the class
 * probability itself, as in the paper's algorithm, without the baseline subtraction (a constant shift).
 */
public final class ScoreCam extends ChannelWeightCam {
    public static final int DEFAULT_BATCH_SIZE = 32;

    private final int batchSize;

    public ScoreCam() {
        this(DEFAULT_BATCH_SIZE);
    }

    public ScoreCam(int batchSize) {
        super("scorecam", "Score-CAM", false);
        if (batchSize < 1) {
            throw new IllegalArgumentException("Score-CAM batch size must be >= 1, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /** The CAM pass, then one masked image per channel. */
    @Override
    public int forwardImages(int channels) {
        return 1 + channels;
    }

    public int batchSize() {
        return batchSize;
    }

    @Override
    protected float[] channelWeights(CamData in, CamSource source, float[][][] image) {
        int height = image.length;
        int width = image[0].length;
        int channels = in.channels();
        float[] weights = new float[channels];
        for (int start = 0; start < channels; start += batchSize) {
            int n = Math.min(batchSize, channels - start);
            float[][][][] batch = new float[n][][][];
            for (int b = 0; b < n; b++) {
                batch[b] = masked(image, normalizedMask(in.activations(), start + b, height, width));
            }
            float[][] p = source.probabilities(batch);
            for (int b = 0; b < n; b++) {
                weights[start + b] = p[b][in.classIndex()];
            }
        }
        return weights;
    }

    /** Channel k upsampled to [height][width] and scaled to [0, 1]; all zeros if the channel is constant. */
    static float[][] normalizedMask(float[][][] activations, int k, int height, int width) {
        float[][] channel = new float[activations.length][activations[0].length];
        for (int i = 0; i < channel.length; i++) {
            for (int j = 0; j < channel[0].length; j++) {
                channel[i][j] = activations[i][j][k];
            }
        }
        float[][] up = Bilinear.resize(channel, height, width);
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float[] row : up) {
            for (float v : row) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        float range = hi - lo;
        for (float[] row : up) {
            for (int j = 0; j < row.length; j++) {
                row[j] = range > 0 ? (row[j] - lo) / range : 0;
            }
        }
        return up;
    }

    static float[][][] masked(float[][][] image, float[][] mask) {
        float[][][] out = new float[image.length][image[0].length][];
        for (int i = 0; i < image.length; i++) {
            for (int j = 0; j < image[0].length; j++) {
                float[] px = image[i][j];
                float m = mask[i][j];
                float[] o = new float[px.length];
                for (int ch = 0; ch < px.length; ch++) {
                    o[ch] = px[ch] * m;
                }
                out[i][j] = o;
            }
        }
        return out;
    }
}
