package org.scalinglab.tf;

import java.util.LinkedHashMap;
import java.util.Map;
import org.scalinglab.arch.BlockSpec;
import org.scalinglab.arch.NetworkSpec;

/**
 * A plain-loop, double-precision EfficientNet written from the Keras source (efficientnet.py, imagenet_utils.correct_pad,
 * Normalization, BatchNormalization) for tests only. It shares nothing with the graph builder but the spec and the
 * weights, so agreement between the two is evidence, not an echo.
 */
final class ReferenceEfficientNet {
    private static final double[] IMAGENET_STD = {0.229, 0.224, 0.225};

    private final NetworkSpec spec;
    private final KerasWeights w;
    private final boolean imagenetRescale;
    /** PyTorch-style padding (k/2 on every side) for stride-2 convs instead of Keras correct_pad: the wrong one. */
    private final boolean symmetricPadding;
    final Map<String, double[][][]> layers = new LinkedHashMap<>();
    double[] logits;
    /** A layer whose output is replaced by {@link #replacement} (the rest of the network runs on it), or null. */
    private String replaced;
    private double[][][] replacement;

    ReferenceEfficientNet(NetworkSpec spec, KerasWeights weights, boolean imagenetRescale, boolean symmetricPadding) {
        this.spec = spec;
        this.w = weights;
        this.imagenetRescale = imagenetRescale;
        this.symmetricPadding = symmetricPadding;
    }

    /**
     * Runs one image with the output of {@code layer} (stem_activation, a block output or top_activation) replaced
     * by {@code activations}: the logits as a function of that layer, for finite differences.
     */
    ReferenceEfficientNet runWith(float[][][] pixels, String layer, double[][][] activations) {
        replaced = layer;
        replacement = activations;
        try {
            return run(pixels);
        } finally {
            replaced = null;
            replacement = null;
        }
    }

    /** The layer's output, or its replacement (a copy) when that layer is replaced. */
    private double[][][] output(String layer, double[][][] x) {
        if (layer.equals(replaced)) {
            double[][][] copy = new double[replacement.length][replacement[0].length][];
            for (int i = 0; i < copy.length; i++) for (int j = 0; j < copy[0].length; j++) copy[i][j] = replacement[i][j].clone();
            x = copy;
        }
        layers.put(layer, x);
        return x;
    }

    /** Runs one image [H][W][3] of pixels 0..255; fills {@link #layers} and {@link #logits}. */
    ReferenceEfficientNet run(float[][][] pixels) {
        int h = pixels.length, wd = pixels[0].length;
        float[] mean = w.get("normalization", "mean"), var = w.get("normalization", "variance");
        double[][][] x = new double[h][wd][3];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < wd; j++) {
                for (int c = 0; c < 3; c++) {
                    double v = pixels[i][j][c] / 255.0;
                    v = (v - mean[c]) / Math.max(Math.sqrt(var[c]), 1e-7);
                    if (imagenetRescale) v /= Math.sqrt(IMAGENET_STD[c]);
                    x[i][j][c] = v;
                }
            }
        }
        x = conv(x, "stem_conv", 3, 2);
        x = output("stem_activation", swish(bn(x, "stem_bn")));
        for (BlockSpec b : spec.blocks()) x = output(b.outputLayer(), block(x, b));
        x = output("top_activation", swish(bn(conv(x, "top_conv", 1, 1), "top_bn")));
        double[] pooled = gap(x);
        logits = dense(pooled, w.get("predictions", "kernel"), w.get("predictions", "bias"));
        return this;
    }

    private double[][][] block(double[][][] in, BlockSpec b) {
        String n = b.name();
        double[][][] x = in;
        if (b.hasExpansion()) x = swish(bn(conv(x, n + "expand_conv", 1, 1), n + "expand_bn"));
        x = swish(bn(depthwise(x, n + "dwconv", b.kernel(), b.stride()), n + "bn"));
        // squeeze-excite
        double[] s = gap(x);
        double[] r = dense(s, w.get(n + "se_reduce", "kernel"), w.get(n + "se_reduce", "bias"));
        for (int i = 0; i < r.length; i++) r[i] = r[i] / (1 + Math.exp(-r[i]));
        double[] e = dense(r, w.get(n + "se_expand", "kernel"), w.get(n + "se_expand", "bias"));
        for (double[][] row : x) for (double[] px : row) for (int c = 0; c < px.length; c++) px[c] *= 1 / (1 + Math.exp(-e[c]));
        x = bn(conv(x, n + "project_conv", 1, 1), n + "project_bn");
        if (b.stride() == 1 && b.filtersIn() == b.filtersOut()) {
            for (int i = 0; i < x.length; i++) for (int j = 0; j < x[0].length; j++) for (int c = 0; c < x[0][0].length; c++) x[i][j][c] += in[i][j][c];
        }
        return x;
    }

    /** Padding before (top or left) for a size: Keras correct_pad for stride 2, k/2 for stride-1 "same". */
    private int padBefore(int size, int k, int stride) {
        if (stride == 1 || symmetricPadding) return k / 2;
        int adjust = 1 - size % 2;
        return k / 2 - adjust;
    }

    private static int outSize(int size, int k, int stride) {
        // stride 1 "same"; stride 2 after correct_pad (k/2 - adjust before, k/2 after): floor((size + 2*(k/2) - adjust - k)/2) + 1
        return stride == 1 ? size : (size + 1) / 2;
    }

    private double[][][] conv(double[][][] x, String layer, int k, int stride) {
        float[] kernel = w.get(layer, "kernel");
        int h = x.length, wd = x[0].length, in = x[0][0].length, out = kernel.length / (k * k * in);
        int oh = outSize(h, k, stride), ow = outSize(wd, k, stride), pt = padBefore(h, k, stride), pl = padBefore(wd, k, stride);
        double[][][] y = new double[oh][ow][out];
        for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
                double[] acc = y[i][j];
                for (int ky = 0; ky < k; ky++) {
                    int yy = i * stride + ky - pt;
                    if (yy < 0 || yy >= h) continue;
                    for (int kx = 0; kx < k; kx++) {
                        int xx = j * stride + kx - pl;
                        if (xx < 0 || xx >= wd) continue;
                        for (int ci = 0; ci < in; ci++) {
                            double v = x[yy][xx][ci];
                            int base = ((ky * k + kx) * in + ci) * out;
                            for (int co = 0; co < out; co++) acc[co] += v * kernel[base + co];
                        }
                    }
                }
            }
        }
        return y;
    }

    private double[][][] depthwise(double[][][] x, String layer, int k, int stride) {
        float[] kernel = w.get(layer, "depthwise_kernel");
        int h = x.length, wd = x[0].length, c = x[0][0].length;
        int oh = outSize(h, k, stride), ow = outSize(wd, k, stride), pt = padBefore(h, k, stride), pl = padBefore(wd, k, stride);
        double[][][] y = new double[oh][ow][c];
        for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
                for (int ky = 0; ky < k; ky++) {
                    int yy = i * stride + ky - pt;
                    if (yy < 0 || yy >= h) continue;
                    for (int kx = 0; kx < k; kx++) {
                        int xx = j * stride + kx - pl;
                        if (xx < 0 || xx >= wd) continue;
                        for (int ch = 0; ch < c; ch++) y[i][j][ch] += x[yy][xx][ch] * kernel[(ky * k + kx) * c + ch];
                    }
                }
            }
        }
        return y;
    }

    private double[][][] bn(double[][][] x, String layer) {
        float[] g = w.get(layer, "gamma"), b = w.get(layer, "beta"), m = w.get(layer, "moving_mean"), v = w.get(layer, "moving_variance");
        for (double[][] row : x) for (double[] px : row) for (int c = 0; c < px.length; c++) px[c] = (px[c] - m[c]) / Math.sqrt(v[c] + 1e-3) * g[c] + b[c];
        return x;
    }

    private static double[][][] swish(double[][][] x) {
        for (double[][] row : x) for (double[] px : row) for (int c = 0; c < px.length; c++) px[c] = px[c] / (1 + Math.exp(-px[c]));
        return x;
    }

    private static double[] gap(double[][][] x) {
        double[] s = new double[x[0][0].length];
        for (double[][] row : x) for (double[] px : row) for (int c = 0; c < s.length; c++) s[c] += px[c];
        for (int c = 0; c < s.length; c++) s[c] /= x.length * x[0].length;
        return s;
    }

    /** kernel row-major (in, out) — also the layout of a (1, 1, in, out) conv kernel */
    private static double[] dense(double[] v, float[] kernel, float[] bias) {
        int out = bias.length;
        double[] y = new double[out];
        for (int o = 0; o < out; o++) y[o] = bias[o];
        for (int i = 0; i < v.length; i++) for (int o = 0; o < out; o++) y[o] += v[i] * kernel[i * out + o];
        return y;
    }
}
