package org.scalinglab.cam;

/** Separable Gaussian blur of an [H][W][C] image with 2*ceil(sigma)+1 taps and edge pixels repeated. */
final class GaussianBlur {

    private GaussianBlur() {
    }

    static float[][][] blur(float[][][] image, double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("blur sigma must be positive, got " + sigma);
        }
        int r = (int) Math.ceil(sigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        int h = image.length;
        int w = image[0].length;
        int c = image[0][0].length;
        float[][][] rows = new float[h][w][c];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < c; ch++) {
                    double s = 0;
                    for (int i = -r; i <= r; i++) {
                        s += k[i + r] * image[y][clamp(x + i, w)][ch];
                    }
                    rows[y][x][ch] = (float) s;
                }
            }
        }
        float[][][] out = new float[h][w][c];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < c; ch++) {
                    double s = 0;
                    for (int i = -r; i <= r; i++) {
                        s += k[i + r] * rows[clamp(y + i, h)][x][ch];
                    }
                    out[y][x][ch] = (float) s;
                }
            }
        }
        return out;
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : i >= n ? n - 1 : i;
    }
}
