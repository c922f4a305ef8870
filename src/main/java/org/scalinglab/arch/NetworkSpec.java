package org.scalinglab.arch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.scalinglab.scaling.CompoundScaling;
import org.scalinglab.scaling.OfficialModel;

/**
 * A concrete EfficientNet: the baseline block table scaled by a width and a depth multiplier (Keras rounding)
 * at an input resolution. Everything else (layers, costs, graphs) is derived from it.
 */
public final class NetworkSpec {
    public static final int IMAGENET_CLASSES = 1000;
    public static final int MIN_RESOLUTION = 32;
    public static final int MAX_RESOLUTION = 2048;

    private final String name;
    private final double width;
    private final double depth;
    private final int resolution;
    private final double dropout;
    private final int classes;
    private final List<BlockSpec> blocks;

    public NetworkSpec(String name, double width, double depth, int resolution, double dropout, int classes) {
        if (!Double.isFinite(width) || width < 0.1 || width > CompoundScaling.MAX_WIDTH) {
            throw new IllegalArgumentException("width must be between 0.1 and " + CompoundScaling.MAX_WIDTH + ", got " + width);
        }
        if (!Double.isFinite(depth) || depth < 0.1 || depth > CompoundScaling.MAX_DEPTH) {
            throw new IllegalArgumentException("depth must be between 0.1 and " + CompoundScaling.MAX_DEPTH + ", got " + depth);
        }
        if (resolution < MIN_RESOLUTION || resolution > MAX_RESOLUTION) {
            throw new IllegalArgumentException("resolution must be between " + MIN_RESOLUTION + " and " + MAX_RESOLUTION
                    + " pixels, got " + resolution);
        }
        if (!Double.isFinite(dropout) || dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (classes < 1 || classes > 100_000) {
            throw new IllegalArgumentException("classes must be between 1 and 100000, got " + classes);
        }
        this.name = name;
        this.width = width;
        this.depth = depth;
        this.resolution = resolution;
        this.dropout = dropout;
        this.classes = classes;
        this.blocks = Collections.unmodifiableList(buildBlocks(width, depth));
    }

    public static NetworkSpec official(OfficialModel m) {
        return new NetworkSpec("efficientnet-" + m.id(), m.width(), m.depth(), m.resolution(), m.dropout(), IMAGENET_CLASSES);
    }

    /** The compound rule applied to B0 at a base resolution (dropout 0.2, 1000 classes). */
    public static NetworkSpec compound(CompoundScaling s, int baseResolution) {
        return new NetworkSpec(String.format(java.util.Locale.ROOT, "compound phi=%.2f", s.phi()),
                s.width(), s.depth(), s.resolution(baseResolution), 0.2, IMAGENET_CLASSES);
    }

    public NetworkSpec withResolution(int newResolution) {
        return new NetworkSpec(name, width, depth, newResolution, dropout, classes);
    }

    public NetworkSpec withClasses(int newClasses) {
        return new NetworkSpec(name, width, depth, resolution, dropout, newClasses);
    }

    public NetworkSpec withName(String newName) {
        return new NetworkSpec(newName, width, depth, resolution, dropout, classes);
    }

    private static List<BlockSpec> buildBlocks(double width, double depth) {
        int total = 0;
        for (BlockArgs a : BlockArgs.BASELINE) {
            total += Rounding.roundRepeats(a.repeats(), depth);
        }
        List<BlockSpec> out = new ArrayList<>();
        int b = 0;
        for (int i = 0; i < BlockArgs.BASELINE.size(); i++) {
            BlockArgs a = BlockArgs.BASELINE.get(i);
            int in = Rounding.roundFilters(a.filtersIn(), width);
            int outFilters = Rounding.roundFilters(a.filtersOut(), width);
            int repeats = Rounding.roundRepeats(a.repeats(), depth);
            for (int j = 0; j < repeats; j++) {
                int stride = j == 0 ? a.stride() : 1;
                int filtersIn = j == 0 ? in : outFilters;
                int se = Math.max(1, (int) (filtersIn * a.seRatio()));
                String blockName = "block" + (i + 1) + (char) ('a' + j) + "_";
                boolean residual = stride == 1 && filtersIn == outFilters;
                out.add(new BlockSpec(blockName, i + 2, a.kernel(), stride, filtersIn, outFilters, a.expandRatio(), se,
                        residual, BlockArgs.DROP_CONNECT_RATE * b / total));
                b++;
            }
        }
        return out;
    }

    public String name() { return name; }
    public double width() { return width; }
    public double depth() { return depth; }
    public int resolution() { return resolution; }
    public double dropout() { return dropout; }
    public int classes() { return classes; }
    public List<BlockSpec> blocks() { return blocks; }

    public int stemFilters() {
        return Rounding.roundFilters(BlockArgs.STEM_FILTERS, width);
    }

    public int headFilters() {
        return Rounding.roundFilters(BlockArgs.HEAD_FILTERS, width);
    }

    /** Number of blocks in paper stage 2..8. */
    public int repeats(int stage) {
        return (int) blocks.stream().filter(b -> b.stage() == stage).count();
    }

    /** Names of the layers whose activations a CAM can use: every block output and top_activation. */
    public List<String> camLayers() {
        List<String> names = new ArrayList<>();
        for (BlockSpec b : blocks) names.add(b.outputLayer());
        names.add("top_activation");
        return names;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkSpec s && s.width == width && s.depth == depth && s.resolution == resolution
                && s.dropout == dropout && s.classes == classes;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(width, depth, resolution, dropout, classes);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s (w=%.3f, d=%.3f, %dpx, %d classes)", name, width, depth, resolution, classes);
    }
}
