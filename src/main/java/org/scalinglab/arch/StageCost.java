package org.scalinglab.arch;

/** A row of the paper's Table 1 for a concrete network, with its costs. */
public record StageCost(int stage, String operator, int resolution, int channels, int layers,
                        long params, long trainable, long macs) {
}
