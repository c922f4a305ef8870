package org.scalinglab.tf;

/**
 * One-dimensional resampling weights from a span of the input axis onto {@code out} output pixels.
 * Shrinking uses area averaging: each output pixel is the mean of the input it covers, fractional edges weighted by
 * their coverage (a box filter as wide as the scale, so fine patterns average out instead of aliasing). Enlarging uses
 * bilinear interpolation between pixel centres (half-pixel centres, edges clamped). Scale 1 with an integer offset
 * is an exact copy.
 */
final class Resample {
    /** For each output pixel: the first input index and the weights of the consecutive input pixels from there. */
    final int[] first;
    final float[][] weights;

    private Resample(int[] first, float[][] weights) {
        this.first = first;
        this.weights = weights;
    }

    /**
     * @param inSize  pixels on the input axis (for clamping)
     * @param start   where the span starts on the input axis (may be fractional)
     * @param span    length of the span in input pixels
     * @param out     output pixels
     */
    static Resample of(int inSize, double start, double span, int out) {
        double scale = span / out;
        int[] first = new int[out];
        float[][] weights = new float[out][];
        for (int u = 0; u < out; u++) {
            if (scale >= 1) {
                double a = start + u * scale;
                double b = a + scale;
                int i0 = (int) Math.floor(a);
                int i1 = Math.min(inSize, (int) Math.ceil(b));
                first[u] = i0;
                weights[u] = new float[i1 - i0];
                for (int i = i0; i < i1; i++) {
                    double overlap = Math.min(b, i + 1) - Math.max(a, i);
                    weights[u][i - i0] = (float) (overlap / scale);
                }
            } else {
                double x = start + (u + 0.5) * scale - 0.5;
                x = Math.max(0, Math.min(inSize - 1, x));
                int i0 = Math.min((int) Math.floor(x), inSize - 1);
                int i1 = Math.min(i0 + 1, inSize - 1);
                double t = x - i0;
                first[u] = i0;
                weights[u] = i1 == i0 ? new float[] {1f} : new float[] {(float) (1 - t), (float) t};
            }
        }
        return new Resample(first, weights);
    }

    /** The same weights reading from an input whose index 0 is this one's {@code -by}. */
    Resample shifted(int by) {
        int[] moved = first.clone();
        for (int i = 0; i < moved.length; i++) moved[i] += by;
        return new Resample(moved, weights);
    }

    /** Applies the weights to one interleaved row (or column) of {@code channels} values per pixel. */
    void apply(float[] in, int inOffset, int inStride, float[] out, int outOffset, int outStride, int channels) {
        for (int u = 0; u < first.length; u++) {
            float[] w = weights[u];
            int o = outOffset + u * outStride;
            for (int c = 0; c < channels; c++) {
                double sum = 0;
                for (int k = 0; k < w.length; k++) sum += w[k] * in[inOffset + (first[u] + k) * inStride + c];
                out[o + c] = (float) sum;
            }
        }
    }
}
