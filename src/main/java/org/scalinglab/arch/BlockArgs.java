package org.scalinglab.arch;

import java.util.List;

/** One row of the EfficientNet-B0 baseline block table (Keras DEFAULT_BLOCKS_ARGS). */
public record BlockArgs(int kernel, int repeats, int filtersIn, int filtersOut, int expandRatio, int stride, double seRatio) {

    /** The seven MBConv stages of B0, in order (stages 2..8 of the paper's Table 1). */
    public static final List<BlockArgs> BASELINE = List.of(
            new BlockArgs(3, 1, 32, 16, 1, 1, 0.25),
            new BlockArgs(3, 2, 16, 24, 6, 2, 0.25),
            new BlockArgs(5, 2, 24, 40, 6, 2, 0.25),
            new BlockArgs(3, 3, 40, 80, 6, 2, 0.25),
            new BlockArgs(5, 3, 80, 112, 6, 1, 0.25),
            new BlockArgs(5, 4, 112, 192, 6, 2, 0.25),
            new BlockArgs(3, 1, 192, 320, 6, 1, 0.25));

    public static final int STEM_FILTERS = 32;
    public static final int HEAD_FILTERS = 1280;
    public static final double DROP_CONNECT_RATE = 0.2;
}
