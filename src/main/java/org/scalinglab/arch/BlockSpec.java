package org.scalinglab.arch;

/**
 * One MBConv block of a concrete network, with its Keras name prefix (e.g. {@code block2a_}).
 *
 * @param stage            paper stage, 2..8 (Table 1 numbering: stage 1 is the stem)
 * @param seFilters        squeeze-excite reduce width: max(1, int(filtersIn * seRatio)) of the BLOCK INPUT
 * @param residual         identity shortcut (stride 1 and filtersIn == filtersOut)
 * @param dropConnectRate  drop-connect probability on the residual branch in training (Keras: 0.2 * b / blocks)
 */
public record BlockSpec(String name, int stage, int kernel, int stride, int filtersIn, int filtersOut,
                        int expandRatio, int seFilters, boolean residual, double dropConnectRate) {

    public int expandedFilters() {
        return filtersIn * expandRatio;
    }

    public boolean hasExpansion() {
        return expandRatio != 1;
    }

    /** The Keras name of the layer whose output is this block's output. */
    public String outputLayer() {
        return name + (residual ? "add" : "project_bn");
    }
}
