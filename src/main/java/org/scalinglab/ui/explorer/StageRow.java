package org.scalinglab.ui.explorer;

import org.scalinglab.arch.StageCost;

/** A row of the architecture table: a stage of the network on screen beside the same stage of B0. */
public record StageRow(StageCost now, StageCost b0) {

    public boolean resolutionChanged() { return now.resolution() != b0.resolution(); }
    public boolean channelsChanged() { return now.channels() != b0.channels(); }
    public boolean layersChanged() { return now.layers() != b0.layers(); }
    public boolean paramsChanged() { return now.params() != b0.params(); }
    public boolean macsChanged() { return now.macs() != b0.macs(); }

    /** Stages 2..8 are MBConv stages and have a block diagram. */
    public boolean isMbConv() {
        return now.stage() >= 2 && now.stage() <= 8;
    }
}
