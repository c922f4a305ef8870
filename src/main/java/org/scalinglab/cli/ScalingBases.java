package org.scalinglab.cli;

import org.scalinglab.scaling.CompoundScaling;
import picocli.CommandLine.Option;

/** The compound scaling rule's --alpha, --beta and --gamma, shared by {@code study}, {@code sweep} and {@code variants}. */
final class ScalingBases {
    @Option(names = "--alpha", defaultValue = "1.2", description = "depth base (default ${DEFAULT-VALUE})") double alpha;
    @Option(names = "--beta", defaultValue = "1.1", description = "width base (default ${DEFAULT-VALUE})") double beta;
    @Option(names = "--gamma", defaultValue = "1.15", description = "resolution base (default ${DEFAULT-VALUE})") double gamma;

    /** The rule at this phi; a phi or base out of range is an IllegalArgumentException naming it. */
    CompoundScaling at(double phi) {
        return new CompoundScaling(phi, alpha, beta, gamma);
    }
}
