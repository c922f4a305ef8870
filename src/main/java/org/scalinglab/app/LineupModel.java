package org.scalinglab.app;

import java.util.ArrayList;
import java.util.List;
import org.scalinglab.cam.CamMethod;
import org.scalinglab.cam.CamMethods;
import org.scalinglab.cam.ClassActivationMap;
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

    /** A class the model predicts: its index, its name as this model calls it, and its probability. */
    public record Prediction(int index, String label, double probability) {
    }

    /** The name of class {@code index}, or "class 7" where the model has no names. */
    public String className(int index) {
        return index >= 0 && index < classNames.size() ? classNames.get(index) : "class " + index;
    }

    /** The {@code k} most probable classes with their names, most probable first (the lower index on ties). */
    public List<Prediction> top(float[] probabilities, int k) {
        List<Prediction> out = new ArrayList<>();
        boolean[] taken = new boolean[probabilities.length];
        for (int n = 0; n < Math.min(k, probabilities.length); n++) {
            int best = -1;
            for (int i = 0; i < probabilities.length; i++) if (!taken[i] && (best < 0 || probabilities[i] > probabilities[best])) best = i;
            taken[best] = true;
            out.add(new Prediction(best, className(best), probabilities[best]));
        }
        return out;
    }

    /** The CAM method of that name for this model (CAM reads its classifier kernel). */
    public CamMethod camMethod(String name, int scoreCamBatch) {
        return CamMethods.create(name, () -> ClassActivationMap.kernelFromRowMajor(weights.get("predictions", "kernel"),
                spec.headFilters()), scoreCamBatch);
    }

    /** Loads the network for inference (SavedModel export is cached on disk). */
    public EfficientNetModel load(org.scalinglab.tf.ModelOptions options) {
        if (!hasWeights()) throw new IllegalStateException(label + ": " + missingReason);
        return EfficientNetModel.load(spec, weights, options);
    }
}
