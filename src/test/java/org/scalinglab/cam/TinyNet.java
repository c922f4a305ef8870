package org.scalinglab.cam;

import org.scalinglab.tf.CamData;
import org.scalinglab.tf.EfficientNetModel;

/**
 * A tiny network in plain Java whose weights make the answer known, shaped like EfficientNet's head:
 * 4x4 average pooling of the gray image -> 3x3 convolution (3 fixed kernels, zero padding) + bias -> ReLU
 * (the target layer, 16x16x3 for a 64x64 image) -> global average pool -> dense to 2 classes.
 * Channel 0 fires on bright blobs (10 x local mean - 6 > 0), channel 1 on dark background, channel 2 on edges;
 * class 0 ("object") weighs channel 0 up strongly and channel 1 down, so the classifier is confident, as a trained
 * one would be. Gradients of a logit with respect to the layer are
 * W[k][c] / (h * w) (global average pool + dense), computed here exactly as the TF graph would.
 */
final class TinyNet implements CamSource {
    static final float[][] DENSE = {{40, -40}, {-2, 2}, {1, -1}}; // [channel][class]
    static final float[] DENSE_BIAS = {-2, 2};
    private static final float[][][] KERNELS = {
            {{10 / 9f, 10 / 9f, 10 / 9f}, {10 / 9f, 10 / 9f, 10 / 9f}, {10 / 9f, 10 / 9f, 10 / 9f}},
            {{-1 / 9f, -1 / 9f, -1 / 9f}, {-1 / 9f, -1 / 9f, -1 / 9f}, {-1 / 9f, -1 / 9f, -1 / 9f}},
            {{-1 / 8f, -1 / 8f, -1 / 8f}, {-1 / 8f, 1, -1 / 8f}, {-1 / 8f, -1 / 8f, -1 / 8f}}};
    private static final float[] CONV_BIAS = {-6, 0.5f, 0};
    static final int POOL = 4;

    @Override
    public CamData camData(float[][][] image, String layer, int classIndex) {
        float[][][] f = features(image);
        float[] z = head(f);
        int cls = classIndex == EfficientNetModel.TOP1 ? CamSource.argmax(z) : classIndex;
        int h = f.length;
        int w = f[0].length;
        float[][][] g = new float[h][w][DENSE.length];
        for (float[][] row : g) {
            for (float[] px : row) {
                for (int k = 0; k < DENSE.length; k++) {
                    px[k] = DENSE[k][cls] / (h * w);
                }
            }
        }
        return new CamData(z, f, g, layer, cls);
    }

    @Override
    public float[][] probabilities(float[][][][] batch) {
        float[][] p = new float[batch.length][];
        for (int b = 0; b < batch.length; b++) {
            float[] z = head(features(batch[b]));
            double m = Math.max(z[0], z[1]);
            double e0 = Math.exp(z[0] - m);
            double e1 = Math.exp(z[1] - m);
            p[b] = new float[] {(float) (e0 / (e0 + e1)), (float) (e1 / (e0 + e1))};
        }
        return p;
    }

    static float[][][] features(float[][][] image) {
        int h = image.length / POOL;
        int w = image[0].length / POOL;
        float[][] x = new float[h][w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                double s = 0;
                for (int y = i * POOL; y < (i + 1) * POOL; y++) {
                    for (int xx = j * POOL; xx < (j + 1) * POOL; xx++) {
                        s += (image[y][xx][0] + image[y][xx][1] + image[y][xx][2]) / (3 * 255.0);
                    }
                }
                x[i][j] = (float) (s / (POOL * POOL));
            }
        }
        float[][][] f = new float[h][w][KERNELS.length];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                for (int k = 0; k < KERNELS.length; k++) {
                    double s = CONV_BIAS[k];
                    for (int di = -1; di <= 1; di++) {
                        for (int dj = -1; dj <= 1; dj++) {
                            int y = i + di;
                            int xx = j + dj;
                            if (y >= 0 && y < h && xx >= 0 && xx < w) {
                                s += KERNELS[k][di + 1][dj + 1] * x[y][xx];
                            }
                        }
                    }
                    f[i][j][k] = (float) Math.max(0, s);
                }
            }
        }
        return f;
    }

    static float[] head(float[][][] f) {
        int h = f.length;
        int w = f[0].length;
        float[] z = DENSE_BIAS.clone();
        for (int k = 0; k < DENSE.length; k++) {
            double mean = 0;
            for (float[][] row : f) {
                for (float[] px : row) {
                    mean += px[k] / (h * w);
                }
            }
            for (int c = 0; c < z.length; c++) {
                z[c] += (float) (DENSE[k][c] * mean);
            }
        }
        return z;
    }
}
