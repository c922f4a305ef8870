package org.scalinglab.compare;

import java.util.List;
import org.scalinglab.arch.CostModel;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.tf.EfficientNetModel;
import org.scalinglab.tf.KerasWeights;

/**
 * One column of the comparison: a network, its class names, and its weights — or the plain reason why there are
 * none (a variant nobody trained), in which case its cell says so instead of showing a meaningless map.
 */
public record LineupModel(String label, NetworkSpec spec, List<String> classNames, KerasWeights weights, String missingReason) {

    public static LineupModel missing(String label, NetworkSpec spec, String reason) {
        return new LineupModel(label, spec, List.of(), null, reason);
    }

    public boolean hasWeights() {
        return weights != null;
    }

    /** "d=1.20 w=1.10 r=258" */
    public String coefficients() {
        return String.format(java.util.Locale.ROOT, "d=%.2f w=%.2f r=%d", spec.depth(), spec.width(), spec.resolution());
    }

    public String multiplyAdds() {
        long macs = CostModel.of(spec).macs();
        return macs >= 1e9 ? String.format(java.util.Locale.ROOT, "%.2f G multiply-adds", macs / 1e9)
                : String.format(java.util.Locale.ROOT, "%.0f M multiply-adds", macs / 1e6);
    }

    /** Loads the network for inference (SavedModel export is cached on disk). */
    public EfficientNetModel load(org.scalinglab.tf.ModelOptions options) {
        if (!hasWeights()) throw new IllegalStateException(label + ": " + missingReason);
        return EfficientNetModel.load(spec, weights, options);
    }
}
