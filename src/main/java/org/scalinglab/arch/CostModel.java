package org.scalinglab.arch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Parameters, multiply-adds and activation memory of a {@link NetworkSpec}, layer by layer, derived by walking
 * the network exactly as Keras builds it (keras/src/applications/efficientnet.py).
 *
 * <p>Activation memory is the sum of every layer's output tensor at batch 1 in float32: what a forward pass
 * produces in total (and what training keeps for the backward pass), not the peak of an inference engine.
 */
public final class CostModel {
    private static final int BYTES_PER_FLOAT = 4;

    private final NetworkSpec spec;
    private final List<LayerCost> layers;
    private final List<StageCost> stages;

    private CostModel(NetworkSpec spec) {
        this.spec = spec;
        this.layers = Collections.unmodifiableList(new Walk(spec).run());
        this.stages = Collections.unmodifiableList(summarise());
    }

    public static CostModel of(NetworkSpec spec) {
        return new CostModel(spec);
    }

    public NetworkSpec spec() { return spec; }
    public List<LayerCost> layers() { return layers; }
    public List<StageCost> stages() { return stages; }

    public long params() { return layers.stream().mapToLong(LayerCost::params).sum(); }
    public long trainableParams() { return layers.stream().mapToLong(LayerCost::trainable).sum(); }
    public long macs() { return layers.stream().mapToLong(LayerCost::macs).sum(); }
    public long activationBytes() { return layers.stream().mapToLong(LayerCost::outputElements).sum() * BYTES_PER_FLOAT; }

    /** Spatial size of a named layer's output, or -1 when there is no such layer. */
    public int outputSize(String layerName) {
        for (LayerCost l : layers) if (l.name().equals(layerName)) return l.outHeight();
        return -1;
    }

    private List<StageCost> summarise() {
        List<StageCost> out = new ArrayList<>();
        for (int stage = 1; stage <= 9; stage++) {
            long p = 0, t = 0, m = 0;
            for (LayerCost l : layers) {
                if (l.stage() == stage) {
                    p += l.params();
                    t += l.trainable();
                    m += l.macs();
                }
            }
            out.add(new StageCost(stage, operator(stage), stageInputResolution(stage), stageChannels(stage),
                    stageLayers(stage), p, t, m));
        }
        return out;
    }

    private String operator(int stage) {
        if (stage == 1) return "Conv3x3";
        if (stage == 9) return "Conv1x1 & Pooling & FC";
        BlockArgs a = BlockArgs.BASELINE.get(stage - 2);
        return "MBConv" + a.expandRatio() + ", k" + a.kernel() + "x" + a.kernel();
    }

    /** A stage's input resolution is the output size of the layer just before its first layer. */
    private int stageInputResolution(int stage) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).stage() == stage) {
                return i == 0 ? spec.resolution() : layers.get(i - 1).outHeight();
            }
        }
        throw new IllegalStateException("no layer in stage " + stage);
    }

    private int stageChannels(int stage) {
        if (stage == 1) return spec.stemFilters();
        if (stage == 9) return spec.headFilters();
        return spec.blocks().stream().filter(b -> b.stage() == stage).findFirst().orElseThrow().filtersOut();
    }

    private int stageLayers(int stage) {
        return stage == 1 || stage == 9 ? 1 : spec.repeats(stage);
    }

    /** Walks the Keras layer sequence, tracking the feature map size. */
    private static final class Walk {
        private final NetworkSpec spec;
        private final List<LayerCost> out = new ArrayList<>();
        private int h;
        private int c;
        private int stage = 1;

        Walk(NetworkSpec spec) {
            this.spec = spec;
            this.h = spec.resolution();
            this.c = 3;
        }

        List<LayerCost> run() {
            elementwise("rescaling", "Rescaling");
            add("normalization", "Normalization", h, c, 2L * c + 1, 0, 0);
            conv("stem_conv", 3, 2, spec.stemFilters());
            batchNorm("stem_bn");
            elementwise("stem_activation", "Activation");
            for (BlockSpec b : spec.blocks()) {
                block(b);
            }
            stage = 9;
            conv("top_conv", 1, 1, spec.headFilters());
            batchNorm("top_bn");
            elementwise("top_activation", "Activation");
            add("avg_pool", "GlobalAveragePooling2D", 1, c, 0, 0, 0);
            long dense = (long) c * spec.classes();
            add("predictions", "Dense", 1, spec.classes(), dense + spec.classes(), dense + spec.classes(), dense);
            return out;
        }

        private void block(BlockSpec b) {
            stage = b.stage();
            String n = b.name();
            int in = c;
            if (b.hasExpansion()) {
                conv(n + "expand_conv", 1, 1, b.expandedFilters());
                batchNorm(n + "expand_bn");
                elementwise(n + "expand_activation", "Activation");
            }
            depthwise(n + "dwconv", b.kernel(), b.stride());
            batchNorm(n + "bn");
            elementwise(n + "activation", "Activation");
            int filters = c;
            int spatial = h;
            // squeeze-excite on a 1x1 map, with biases
            long reduce = (long) filters * b.seFilters();
            add(n + "se_squeeze", "GlobalAveragePooling2D", 1, filters, 0, 0, 0);
            add(n + "se_reduce", "Conv2D", 1, b.seFilters(), reduce + b.seFilters(), reduce + b.seFilters(), reduce);
            add(n + "se_expand", "Conv2D", 1, filters, reduce + filters, reduce + filters, reduce);
            h = spatial;
            c = filters;
            elementwise(n + "se_excite", "Multiply");
            conv(n + "project_conv", 1, 1, b.filtersOut());
            batchNorm(n + "project_bn");
            if (b.residual()) {
                if (in != c) throw new IllegalStateException("residual with mismatched channels in " + n);
                elementwise(n + "add", "Add");
            }
        }

        private void conv(String name, int k, int stride, int filters) {
            int outH = ceilDiv(h, stride);
            long params = (long) k * k * c * filters;
            long macs = (long) outH * outH * k * k * c * filters;
            add(name, "Conv2D", outH, filters, params, params, macs);
        }

        private void depthwise(String name, int k, int stride) {
            int outH = ceilDiv(h, stride);
            long params = (long) k * k * c;
            add(name, "DepthwiseConv2D", outH, c, params, params, (long) outH * outH * k * k * c);
        }

        private void batchNorm(String name) {
            add(name, "BatchNormalization", h, c, 4L * c, 2L * c, 0);
        }

        private void elementwise(String name, String type) {
            add(name, type, h, c, 0, 0, 0);
        }

        private void add(String name, String type, int outH, int outC, long params, long trainable, long macs) {
            h = outH;
            c = outC;
            out.add(new LayerCost(name, type, stage, outH, outH, outC, params, trainable, macs, (long) outH * outH * outC));
        }

        private static int ceilDiv(int a, int b) {
            return (a + b - 1) / b;
        }
    }
}
