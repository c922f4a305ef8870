package org.scalinglab.tf;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.arch.WeightLayout;

/**
 * Weight values keyed by Keras layer and weight name ("block2a_expand_conv" / "kernel"), row-major in the
 * Keras shape ({@link WeightLayout}). This is what .h5 files are read into and written from, and what the
 * graph builder takes.
 *
 * @param imagenetStatistics true for the official ImageNet files, whose Normalization "variance" holds standard
 *                           deviations (tensorflow#49930); the graph then applies Keras' extra 1/sqrt(std) rescale
 */
public record KerasWeights(Map<String, Map<String, float[]>> values, boolean imagenetStatistics) {

    public float[] get(String layer, String name) {
        Map<String, float[]> l = values.get(layer);
        float[] v = l == null ? null : l.get(name);
        if (v == null) throw new IllegalArgumentException("weights have no " + layer + "/" + name);
        return v;
    }

    /** The values of one weight, checked against the number of values its shape needs. */
    public float[] get(String layer, String name, long[] shape) {
        float[] values = get(layer, name);
        long size = 1;
        for (long d : shape) size *= d;
        if (values.length != size) {
            throw new IllegalArgumentException(layer + "/" + name + " has " + values.length + " values, expected " + size
                    + " for shape " + Arrays.toString(shape));
        }
        return values;
    }

    public boolean has(String layer, String name) {
        Map<String, float[]> l = values.get(layer);
        return l != null && l.containsKey(name);
    }

    /**
     * Checks every weight of the layout is present with the right number of values.
     *
     * @throws IllegalArgumentException naming the first layers that are missing or mismatched
     */
    public void checkAgainst(WeightLayout layout) {
        StringBuilder problems = new StringBuilder();
        int count = 0;
        for (WeightLayout.Weight w : layout.weights()) {
            String problem = null;
            if (!has(w.layer(), w.name())) {
                problem = w.layer() + "/" + w.name() + " is missing";
            } else if (get(w.layer(), w.name()).length != w.size()) {
                problem = w.layer() + "/" + w.name() + " has " + get(w.layer(), w.name()).length + " values, expected "
                        + w.size() + " for shape " + Arrays.toString(w.shape());
            }
            if (problem != null && count++ < 5) problems.append(problems.length() == 0 ? "" : "; ").append(problem);
        }
        if (count > 0) {
            throw new IllegalArgumentException("the weights do not fit this network (" + count + " problems): " + problems
                    + (count > 5 ? "; ..." : ""));
        }
    }

    /**
     * Random weights in Keras' initialisation spirit (fan-in scaled normal kernels, BN gamma 1 beta 0 with unit
     * moving variance, identity input normalisation) for tests and for training from scratch.
     */
    public static KerasWeights random(NetworkSpec spec, long seed) {
        Random random = new Random(seed);
        Map<String, Map<String, float[]>> out = new LinkedHashMap<>();
        for (WeightLayout.Weight w : WeightLayout.of(spec, true).weights()) {
            float[] v = new float[(int) w.size()];
            switch (w.name()) {
                case "kernel", "depthwise_kernel" -> {
                    long[] s = w.shape();
                    long fanIn = w.name().equals("depthwise_kernel") ? s[0] * s[1]
                            : s.length == 2 ? s[0] : s[0] * s[1] * s[2];
                    double std = Math.sqrt(2.0 / fanIn);
                    for (int i = 0; i < v.length; i++) v[i] = (float) (random.nextGaussian() * std);
                }
                case "gamma", "moving_variance", "variance", "count" -> Arrays.fill(v, 1f);
                default -> Arrays.fill(v, 0f); // beta, moving_mean, bias, mean
            }
            out.computeIfAbsent(w.layer(), k -> new LinkedHashMap<>()).put(w.name(), v);
        }
        return new KerasWeights(out, false);
    }
}
