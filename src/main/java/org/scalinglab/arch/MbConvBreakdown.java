package org.scalinglab.arch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One MBConv block taken apart into the steps a lecture draws (expand, depthwise, squeeze, excitation, project,
 * residual), each with its output shape, parameters and multiply-adds summed from {@link CostModel#layers()}, so the
 * diagram and the totals can never disagree.
 */
public record MbConvBreakdown(BlockSpec block, int inHeight, int inWidth, int inChannels, List<Step> steps) {

    public enum Kind { EXPAND, DEPTHWISE, SQUEEZE, SE_REDUCE, SE_EXPAND, EXCITE, PROJECT, RESIDUAL }

    /** One step: the Keras layers it covers and what they produce and cost together. */
    public record Step(Kind kind, String title, String detail, String explanation, List<String> layers,
                       int outHeight, int outWidth, int outChannels, long params, long macs) {
        public String shape() {
            return outHeight + "×" + outWidth + "×" + outChannels;
        }
    }

    public MbConvBreakdown {
        steps = List.copyOf(steps);
    }

    public String inShape() {
        return inHeight + "×" + inWidth + "×" + inChannels;
    }

    public long params() {
        return steps.stream().mapToLong(Step::params).sum();
    }

    public long macs() {
        return steps.stream().mapToLong(Step::macs).sum();
    }

    public Step step(Kind kind) {
        return steps.stream().filter(s -> s.kind() == kind).findFirst().orElse(null);
    }

    /** The blocks of a paper stage (2..8) in a network. */
    public static List<BlockSpec> blocksOf(NetworkSpec spec, int stage) {
        return spec.blocks().stream().filter(b -> b.stage() == stage).toList();
    }

    /** Block {@code index} (0 = the stage's first, "a") of paper stage 2..8. */
    public static MbConvBreakdown of(CostModel cost, int stage, int index) {
        List<BlockSpec> blocks = blocksOf(cost.spec(), stage);
        if (blocks.isEmpty()) throw new IllegalArgumentException("stage must be an MBConv stage, 2..8, got " + stage);
        if (index < 0 || index >= blocks.size()) {
            throw new IllegalArgumentException("stage " + stage + " has blocks 0.." + (blocks.size() - 1) + ", got " + index);
        }
        return of(cost, blocks.get(index));
    }

    public static MbConvBreakdown of(CostModel cost, BlockSpec block) {
        List<LayerCost> layers = cost.layers();
        int first = -1;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().startsWith(block.name())) {
                first = i;
                break;
            }
        }
        if (first <= 0) throw new IllegalArgumentException("no layers of " + block.name() + " in this network");
        LayerCost before = layers.get(first - 1);
        List<Step> steps = new ArrayList<>();
        Kind current = null;
        List<LayerCost> group = new ArrayList<>();
        for (int i = first; i < layers.size() && layers.get(i).name().startsWith(block.name()); i++) {
            LayerCost l = layers.get(i);
            Kind k = kindOf(l.name().substring(block.name().length()));
            if (k != current && !group.isEmpty()) {
                steps.add(step(current, group, block));
                group.clear();
            }
            current = k;
            group.add(l);
        }
        if (!group.isEmpty()) steps.add(step(current, group, block));
        return new MbConvBreakdown(block, before.outHeight(), before.outWidth(), before.outChannels(), steps);
    }

    private static Kind kindOf(String suffix) {
        if (suffix.startsWith("expand_")) return Kind.EXPAND;
        if (suffix.equals("dwconv") || suffix.equals("bn") || suffix.equals("activation")) return Kind.DEPTHWISE;
        if (suffix.equals("se_squeeze")) return Kind.SQUEEZE;
        if (suffix.equals("se_reduce")) return Kind.SE_REDUCE;
        if (suffix.equals("se_expand")) return Kind.SE_EXPAND;
        if (suffix.equals("se_excite")) return Kind.EXCITE;
        if (suffix.startsWith("project_")) return Kind.PROJECT;
        if (suffix.equals("add") || suffix.equals("drop")) return Kind.RESIDUAL;
        throw new IllegalStateException("unknown MBConv layer suffix " + suffix);
    }

    private static Step step(Kind kind, List<LayerCost> group, BlockSpec b) {
        LayerCost last = group.get(group.size() - 1);
        long params = group.stream().mapToLong(LayerCost::params).sum();
        long macs = group.stream().mapToLong(LayerCost::macs).sum();
        List<String> names = group.stream().map(LayerCost::name).toList();
        return new Step(kind, title(kind, b), detail(kind, b), explanation(kind, b), names, last.outHeight(), last.outWidth(),
                last.outChannels(), params, macs);
    }

    private static String title(Kind kind, BlockSpec b) {
        return switch (kind) {
            case EXPAND -> "Expand 1×1";
            case DEPTHWISE -> "Depthwise " + b.kernel() + "×" + b.kernel();
            case SQUEEZE -> "Squeeze";
            case SE_REDUCE -> "Reduce 1×1";
            case SE_EXPAND -> "Expand 1×1";
            case EXCITE -> "Excite";
            case PROJECT -> "Project 1×1";
            case RESIDUAL -> "Add input";
        };
    }

    private static String detail(Kind kind, BlockSpec b) {
        return switch (kind) {
            case EXPAND -> "×" + b.expandRatio() + " channels, BN, swish";
            case DEPTHWISE -> (b.stride() > 1 ? "stride " + b.stride() + ", " : "") + "BN, swish";
            case SQUEEZE -> "global average pool";
            case SE_REDUCE -> "to " + b.seFilters() + " channels, swish";
            case SE_EXPAND -> "sigmoid: channel weights";
            case EXCITE -> "channels × weights";
            case PROJECT -> "BN, no activation";
            case RESIDUAL -> String.format(Locale.ROOT, "drop-connect %.3f", b.dropConnectRate());
        };
    }

    private static String explanation(Kind kind, BlockSpec b) {
        return switch (kind) {
            case EXPAND -> "A 1×1 convolution widens the " + b.filtersIn() + " input channels " + b.expandRatio()
                    + "-fold, so the cheap depthwise step has more features to filter (the inverted bottleneck).";
            case DEPTHWISE -> "Each channel is filtered on its own by a " + b.kernel() + "×" + b.kernel()
                    + " kernel: spatial mixing at a fraction of a full convolution's cost"
                    + (b.stride() > 1 ? "; stride 2 halves height and width." : ".");
            case SQUEEZE -> "Global average pooling squeezes each channel's map to one number: what is present, not where.";
            case SE_REDUCE -> "A small 1×1 conv down to " + b.seFilters()
                    + " channels (a quarter of the block's input channels) learns how the channels relate.";
            case SE_EXPAND -> "A 1×1 conv back to full width; the sigmoid gives every channel a weight between 0 and 1.";
            case EXCITE -> "Each channel of the depthwise output is multiplied by its weight: attention over channels.";
            case PROJECT -> "A 1×1 conv without activation projects back to " + b.filtersOut()
                    + " channels (the linear bottleneck).";
            case RESIDUAL -> "Input and output have the same shape, so the input is added back; in training the block's branch "
                    + "is dropped at random per image with this probability (drop-connect).";
        };
    }
}
