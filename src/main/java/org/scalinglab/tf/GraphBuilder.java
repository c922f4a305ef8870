package org.scalinglab.tf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalinglab.arch.BlockSpec;
import org.scalinglab.arch.NetworkSpec;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Builds the Keras EfficientNet (keras/src/applications/efficientnet.py) for any {@link NetworkSpec} as a
 * TensorFlow graph, NHWC, with the input size left dynamic ([N, ?, ?, 3] pixels 0..255).
 *
 * <p>Every layer output Keras names is an op of the same name ({@code stem_activation}, {@code block2a_project_bn},
 * {@code block2b_add}, {@code top_activation}, ...), so any of them can be fetched or fed by name. Keras semantics:
 * stride-2 convolutions use TensorFlow "SAME" padding, which for these odd kernels is exactly Keras'
 * {@code correct_pad} + "valid" at the actual input size (one row/column less on top/left than bottom/right for
 * even sizes, none for odd); BatchNorm epsilon 1e-3; swish; squeeze-excite from the block input width, with biases;
 * residuals only where stride 1 and in == out. Two names differ from Keras on purpose: {@code predictions} is the
 * dense layer's pre-softmax output (Keras folds the softmax into that layer), and {@code probabilities} is the softmax.
 * The input pipeline is part of the graph: {@code rescaling} (×1/255), {@code normalization} ((x - mean) /
 * max(sqrt(variance), 1e-7)) and, for the official ImageNet weights, {@code rescaling_1} (×1/sqrt(IMAGENET_STDDEV_RGB),
 * Keras' constants, which equal the values those files store as "variance").
 *
 * <p>Weights come from a {@link WeightSource}: variables filled once before export for the SavedModel
 * ({@link VariableWeights}), or constants for a throw-away graph ({@link ConstantWeights}).
 *
 * <p>A {@link Mode#TRAINING} graph takes variables from its {@link WeightSource}, runs BatchNorm on batch statistics
 * (their moving-average updates are left to the trainer, which owns the variables: see
 * {@link EfficientNetGraph#batchStatistics()}), drop-connect on the residual branches as Keras does
 * (per-sample, rate {@link BlockSpec#dropConnectRate()}) and dropout before the dense layer ({@link NetworkSpec#dropout()}).
 */
public final class GraphBuilder {

    /** Which graph to build. */
    public enum Mode { INFERENCE, TRAINING }

    /** Keras' IMAGENET_STDDEV_RGB: the extra 1/sqrt(std) rescale of the official ImageNet weights (tensorflow#49930). */
    static final double[] IMAGENET_STDDEV_RGB = {0.229, 0.224, 0.225};
    static final float BN_EPSILON = 1e-3f;
    /** keras.backend.epsilon(), the floor of sqrt(variance) in the Normalization layer */
    static final float NORMALIZATION_EPSILON = 1e-7f;

    /**
     * The built graph's entry and exit points. {@code layers} maps Keras layer names to their outputs, in order.
     * {@code noiseSeed} (training mode only, else null) seeds the dropout and drop-connect noise: feed a different
     * pair each step; the same pair gives the same masks, so a resumed run repeats the uninterrupted one.
     */
    public record EfficientNetGraph(Placeholder<TFloat32> image, Operand<TFloat32> logits, Operand<TFloat32> probabilities,
                                    Map<String, Operand<TFloat32>> layers, Map<String, BatchStatistics> batchStatistics,
                                    Placeholder<TInt64> noiseSeed) {
        public Operand<TFloat32> layer(String name) {
            Operand<TFloat32> op = layers.get(name);
            if (op == null) throw new IllegalArgumentException("no layer named '" + name + "'");
            return op;
        }
    }

    /** A training-mode BatchNorm's batch mean and (Bessel-corrected) variance, for the moving-average update. */
    public record BatchStatistics(Operand<TFloat32> mean, Operand<TFloat32> variance) {
    }

    private final Ops tf;
    private final Mode mode;
    private final Map<String, BatchStatistics> batchStatistics = new LinkedHashMap<>();
    private final NetworkSpec spec;
    private final WeightSource weights;
    private final boolean imagenetRescale;
    private final Map<String, Operand<TFloat32>> layers = new LinkedHashMap<>();
    private Placeholder<TInt64> noiseSeed;
    private long noiseLayers;

    /**
     * @param imagenetRescale apply Keras' extra ×1/sqrt(IMAGENET_STDDEV_RGB) after Normalization, as Keras does for the
     *                        official ImageNet weights only
     */
    public GraphBuilder(Ops tf, NetworkSpec spec, WeightSource weights, boolean imagenetRescale, Mode mode) {
        this.mode = mode;
        this.tf = tf;
        this.spec = spec;
        this.weights = weights;
        this.imagenetRescale = imagenetRescale;
    }

    /** Adds the network to the graph, with a placeholder named "image" as its input. */
    public EfficientNetGraph build() {
        Placeholder<TFloat32> image = tf.withName("image").placeholder(TFloat32.class,
                Placeholder.shape(org.tensorflow.ndarray.Shape.of(-1, -1, -1, 3)));
        if (mode == Mode.TRAINING) {
            noiseSeed = tf.withName("noise_seed").placeholder(TInt64.class, Placeholder.shape(org.tensorflow.ndarray.Shape.of(2)));
        }
        Operand<TFloat32> x = stem(image);
        for (BlockSpec b : spec.blocks()) x = block(x, b);
        Operand<TFloat32> logits = head(x);
        Operand<TFloat32> probabilities = tf.withName("probabilities").nn.softmax(logits);
        return new EfficientNetGraph(image, logits, probabilities, Collections.unmodifiableMap(new LinkedHashMap<>(layers)),
                Collections.unmodifiableMap(new LinkedHashMap<>(batchStatistics)), noiseSeed);
    }

    private Operand<TFloat32> stem(Operand<TFloat32> image) {
        Operand<TFloat32> x = named("rescaling", tf.withName("rescaling").math.mul(image, tf.constant(1f / 255f)));
        // Keras Normalization: (x - mean) / max(sqrt(variance), epsilon)
        Operand<TFloat32> mean = weights.weight("normalization", "mean", new long[] {3});
        Operand<TFloat32> variance = weights.weight("normalization", "variance", new long[] {3});
        Operand<TFloat32> std = tf.math.maximum(tf.math.sqrt(variance), tf.constant(NORMALIZATION_EPSILON));
        x = named("normalization", tf.withName("normalization").math.div(tf.math.sub(x, mean), std));
        if (imagenetRescale) {
            float[] scale = new float[3];
            for (int c = 0; c < 3; c++) scale[c] = (float) (1.0 / Math.sqrt(IMAGENET_STDDEV_RGB[c]));
            x = named("rescaling_1", tf.withName("rescaling_1").math.mul(x, tf.constant(scale)));
        }
        x = conv(x, "stem_conv", 3, 3, spec.stemFilters(), 2);
        x = batchNorm(x, "stem_bn", spec.stemFilters());
        return swish(x, "stem_activation");
    }

    private Operand<TFloat32> block(Operand<TFloat32> input, BlockSpec b) {
        String n = b.name();
        int filters = b.expandedFilters();
        Operand<TFloat32> x = input;
        if (b.hasExpansion()) {
            x = conv(x, n + "expand_conv", 1, b.filtersIn(), filters, 1);
            x = batchNorm(x, n + "expand_bn", filters);
            x = swish(x, n + "expand_activation");
        }
        Operand<TFloat32> dk = weights.weight(n + "dwconv", "depthwise_kernel", new long[] {b.kernel(), b.kernel(), filters, 1});
        x = named(n + "dwconv", tf.withName(n + "dwconv").nn.depthwiseConv2dNative(x, dk, strides(b.stride()), "SAME"));
        x = batchNorm(x, n + "bn", filters);
        x = swish(x, n + "activation");
        x = squeezeExcite(x, b, filters);
        x = conv(x, n + "project_conv", 1, filters, b.filtersOut(), 1);
        x = batchNorm(x, n + "project_bn", b.filtersOut());
        if (b.residual()) {
            if (mode == Mode.TRAINING && b.dropConnectRate() > 0) x = dropConnect(x, n + "drop", b.dropConnectRate());
            x = named(n + "add", tf.withName(n + "add").math.add(x, input));
        }
        return x;
    }

    /** GAP, 1x1 conv + bias + swish, 1x1 conv + bias + sigmoid, multiply. The 1x1 convs on 1x1 maps run as matmuls. */
    private Operand<TFloat32> squeezeExcite(Operand<TFloat32> x, BlockSpec b, int filters) {
        String n = b.name();
        Operand<TFloat32> se = named(n + "se_squeeze", tf.withName(n + "se_squeeze").math.mean(x, tf.constant(new int[] {1, 2})));
        se = dense(se, n + "se_reduce", filters, b.seFilters(), true);
        se = swish(se, n + "se_reduce_activation");
        se = dense(se, n + "se_expand", b.seFilters(), filters, true);
        se = tf.withName(n + "se_expand_activation").math.sigmoid(se);
        se = tf.withName(n + "se_reshape").reshape(se, tf.constant(new int[] {-1, 1, 1, filters}));
        return named(n + "se_excite", tf.withName(n + "se_excite").math.mul(x, se));
    }

    private Operand<TFloat32> head(Operand<TFloat32> x) {
        int last = spec.blocks().get(spec.blocks().size() - 1).filtersOut();
        x = conv(x, "top_conv", 1, last, spec.headFilters(), 1);
        x = batchNorm(x, "top_bn", spec.headFilters());
        x = swish(x, "top_activation");
        x = named("avg_pool", tf.withName("avg_pool").math.mean(x, tf.constant(new int[] {1, 2})));
        // top_dropout is the identity at inference
        if (mode == Mode.TRAINING && spec.dropout() > 0) x = dropout(x, spec.dropout());
        return dense(x, "predictions", spec.headFilters(), spec.classes(), false);
    }

    /**
     * A Keras Conv2D without bias. The 1x1 convolutions (all but the stem) run as a matmul over the pixels: the
     * same numbers, but their gradient is a MatMul instead of Conv2DBackpropInput, whose oneDNN kernel in
     * TensorFlow 2.16.1 returns wrong input gradients for some channel counts (40, 72, 80, 112, 320, ...; see the
     * README's limits). The stem's input gradient (towards the pixels) is never taken.
     */
    private Operand<TFloat32> conv(Operand<TFloat32> x, String layer, int k, int in, int out, int stride) {
        Operand<TFloat32> kernel = weights.weight(layer, "kernel", new long[] {k, k, in, out});
        if (k == 1 && stride == 1) {
            Operand<TFloat32> pixels = tf.withName(layer + "_pixels").reshape(x, tf.constant(new int[] {-1, in}));
            Operand<TFloat32> y = tf.withName(layer + "_matmul").linalg.matMul(pixels,
                    tf.withName(layer + "_kernel_2d").reshape(kernel, tf.constant(new int[] {in, out})));
            Operand<TInt32> shape = tf.concat(List.of(tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {3})),
                    tf.constant(new int[] {out})), tf.constant(0));
            return named(layer, tf.withName(layer).reshape(y, shape));
        }
        return named(layer, tf.withName(layer).nn.conv2d(x, kernel, strides(stride), "SAME"));
    }

    /** A Keras Dense or a 1x1 Conv2D on a [N, C] tensor: matmul + bias. The kernel is reshaped from its Keras shape. */
    private Operand<TFloat32> dense(Operand<TFloat32> x, String layer, int in, int out, boolean fromConv) {
        Operand<TFloat32> kernel = fromConv
                ? weights.weight(layer, "kernel", new long[] {1, 1, in, out})
                : weights.weight(layer, "kernel", new long[] {in, out});
        if (fromConv) kernel = tf.withName(layer + "_kernel_2d").reshape(kernel, tf.constant(new int[] {in, out}));
        Operand<TFloat32> bias = weights.weight(layer, "bias", new long[] {out});
        Operand<TFloat32> y = tf.withName(layer + "_matmul").linalg.matMul(x, kernel);
        return named(layer, tf.withName(layer).nn.biasAdd(y, bias));
    }

    private Operand<TFloat32> batchNorm(Operand<TFloat32> x, String layer, int channels) {
        long[] shape = {channels};
        if (mode == Mode.TRAINING) {
            // batch statistics; the empty mean/variance inputs are what the op expects in training mode
            Operand<TFloat32> empty = tf.constant(new float[0]);
            FusedBatchNorm<TFloat32, TFloat32> bn = tf.withName(layer).nn.fusedBatchNorm(x,
                    weights.weight(layer, "gamma", shape), weights.weight(layer, "beta", shape), empty, empty,
                    FusedBatchNorm.epsilon(BN_EPSILON), FusedBatchNorm.isTraining(true));
            batchStatistics.put(layer, new BatchStatistics(bn.batchMean(), bn.batchVariance()));
            return named(layer, bn.y());
        }
        FusedBatchNorm<TFloat32, TFloat32> bn = tf.withName(layer).nn.fusedBatchNorm(x,
                weights.weight(layer, "gamma", shape), weights.weight(layer, "beta", shape),
                weights.weight(layer, "moving_mean", shape), weights.weight(layer, "moving_variance", shape),
                FusedBatchNorm.epsilon(BN_EPSILON), FusedBatchNorm.isTraining(false));
        return named(layer, bn.y());
    }

    /** Keras Dropout(rate, noise_shape=(None, 1, 1, 1)): drops the whole residual branch per sample. */
    private Operand<TFloat32> dropConnect(Operand<TFloat32> x, String layer, double rate) {
        Operand<TInt32> batch = tf.gather(tf.shape(x), tf.constant(new int[] {0}), tf.constant(0));
        Operand<TInt32> noiseShape = tf.concat(List.of(batch, tf.constant(new int[] {1, 1, 1})), tf.constant(0));
        return keepScaled(x, layer, rate, noiseShape);
    }

    /** Keras Dropout on the pooled features, element-wise. */
    private Operand<TFloat32> dropout(Operand<TFloat32> x, double rate) {
        return keepScaled(x, "top_dropout", rate, tf.shape(x));
    }

    /** x / keep * floor(keep + U[0, 1)) with the noise of the given shape, stateless: a function of the fed seed and the layer. */
    private Operand<TFloat32> keepScaled(Operand<TFloat32> x, String layer, double rate, Operand<TInt32> noiseShape) {
        float keep = (float) (1 - rate);
        Operand<TInt64> seed = tf.math.add(noiseSeed, tf.constant(new long[] {0, noiseLayers++}));
        Operand<TFloat32> noise = tf.withName(layer + "_noise").random.statelessRandomUniform(noiseShape, seed, TFloat32.class);
        Operand<TFloat32> mask = tf.math.floor(tf.math.add(noise, tf.constant(keep)));
        return named(layer, tf.withName(layer).math.mul(tf.math.div(x, tf.constant(keep)), mask));
    }

    private Operand<TFloat32> swish(Operand<TFloat32> x, String layer) {
        Operand<TFloat32> sigmoid = tf.withName(layer + "_sigmoid").math.sigmoid(x);
        return named(layer, tf.withName(layer).math.mul(x, sigmoid));
    }

    private Operand<TFloat32> named(String layer, Operand<TFloat32> output) {
        // TensorFlow Java silently renames an op whose name is taken; the Keras names are the contract, so insist
        if (!output.op().name().equals(layer)) throw new IllegalStateException("op for " + layer + " was named " + output.op().name());
        layers.put(layer, output);
        return output;
    }

    private static List<Long> strides(int s) {
        return List.of(1L, (long) s, (long) s, 1L);
    }
}
