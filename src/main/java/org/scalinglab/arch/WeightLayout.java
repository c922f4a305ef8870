package org.scalinglab.arch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The weights a Keras EfficientNet of a given spec holds, in Keras order, with Keras names and shapes:
 * kernels HWIO, depthwise kernels (kh, kw, C, 1), dense (in, out), BN gamma/beta/moving_mean/moving_variance,
 * the input Normalization's mean/variance (3) and count (scalar, int64 in the file).
 */
public final class WeightLayout {

    /** One weight variable: layer "block2a_expand_conv", name "kernel", shape {1, 1, 16, 96}. */
    public record Weight(String layer, String name, long[] shape, boolean trainable) {
        public long size() {
            long n = 1;
            for (long d : shape) n *= d;
            return n;
        }

        /** The dataset path in a Keras legacy .h5 weights file. */
        public String h5Path() {
            return layer + "/" + layer + "/" + name + ":0";
        }
    }

    private final List<Weight> weights;

    private WeightLayout(List<Weight> weights) {
        this.weights = Collections.unmodifiableList(weights);
    }

    public List<Weight> weights() {
        return weights;
    }

    /** Layer names that hold weights, in order, each once. */
    public List<String> layers() {
        List<String> names = new ArrayList<>();
        for (Weight w : weights) if (names.isEmpty() || !names.get(names.size() - 1).equals(w.layer())) names.add(w.layer());
        return names;
    }

    public List<Weight> of(String layer) {
        return weights.stream().filter(w -> w.layer().equals(layer)).toList();
    }

    public static WeightLayout of(NetworkSpec spec, boolean includeTop) {
        List<Weight> w = new ArrayList<>();
        w.add(new Weight("normalization", "mean", new long[] {3}, false));
        w.add(new Weight("normalization", "variance", new long[] {3}, false));
        w.add(new Weight("normalization", "count", new long[] {}, false));
        conv(w, "stem_conv", 3, 3, spec.stemFilters());
        bn(w, "stem_bn", spec.stemFilters());
        for (BlockSpec b : spec.blocks()) {
            String n = b.name();
            int filters = b.expandedFilters();
            if (b.hasExpansion()) {
                conv(w, n + "expand_conv", 1, b.filtersIn(), filters);
                bn(w, n + "expand_bn", filters);
            }
            w.add(new Weight(n + "dwconv", "depthwise_kernel", new long[] {b.kernel(), b.kernel(), filters, 1}, true));
            bn(w, n + "bn", filters);
            conv(w, n + "se_reduce", 1, filters, b.seFilters());
            w.add(new Weight(n + "se_reduce", "bias", new long[] {b.seFilters()}, true));
            conv(w, n + "se_expand", 1, b.seFilters(), filters);
            w.add(new Weight(n + "se_expand", "bias", new long[] {filters}, true));
            conv(w, n + "project_conv", 1, filters, b.filtersOut());
            bn(w, n + "project_bn", b.filtersOut());
        }
        int last = spec.blocks().get(spec.blocks().size() - 1).filtersOut();
        conv(w, "top_conv", 1, last, spec.headFilters());
        bn(w, "top_bn", spec.headFilters());
        if (includeTop) {
            w.add(new Weight("predictions", "kernel", new long[] {spec.headFilters(), spec.classes()}, true));
            w.add(new Weight("predictions", "bias", new long[] {spec.classes()}, true));
        }
        return new WeightLayout(w);
    }

    private static void conv(List<Weight> w, String layer, int k, int in, int out) {
        w.add(new Weight(layer, "kernel", new long[] {k, k, in, out}, true));
    }

    private static void bn(List<Weight> w, String layer, int c) {
        w.add(new Weight(layer, "gamma", new long[] {c}, true));
        w.add(new Weight(layer, "beta", new long[] {c}, true));
        w.add(new Weight(layer, "moving_mean", new long[] {c}, false));
        w.add(new Weight(layer, "moving_variance", new long[] {c}, false));
    }
}
