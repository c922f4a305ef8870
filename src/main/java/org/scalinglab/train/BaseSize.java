package org.scalinglab.train;

import org.scalinglab.arch.NetworkSpec;

/** The base network of a search, sweep or study: B0's topology at this width, depth and input resolution. */
public record BaseSize(double width, double depth, int resolution) {
    public static BaseSize of(NetworkSpec spec) {
        return new BaseSize(spec.width(), spec.depth(), spec.resolution());
    }
}
