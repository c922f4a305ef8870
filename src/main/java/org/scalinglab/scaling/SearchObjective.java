package org.scalinglab.scaling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.scalinglab.scaling.PaperTables.ImageNetResult;

/**
 * One setting of the search reward ACC × (cost / T)^w, with w = {@code below} at or under the target and
 * {@code above} over it ({@link SearchReward#piecewise}). EfficientNet's form has one exponent (below = above).
 * Costs are FLOPs (multiply-adds), accuracies fractions in [0, 1].
 */
public record SearchObjective(double target, double below, double above) {

    /** A model of the paper's Table 2 with its reward under this objective. */
    public record Scored(ImageNetResult model, double reward) {
    }

    public SearchObjective {
        if (!(target > 0) || !Double.isFinite(target)) throw new IllegalArgumentException("target must be positive, got " + target);
        if (!Double.isFinite(below) || !Double.isFinite(above)) throw new IllegalArgumentException("exponents must be finite");
    }

    /** EfficientNet's reward: one exponent w on both sides of the target. */
    public static SearchObjective efficientNet(double target, double w) {
        return new SearchObjective(target, w, w);
    }

    /** MnasNet's soft constraint: α = β = −0.07 (the same reward as EfficientNet's). */
    public static SearchObjective mnasSoft(double target) {
        return new SearchObjective(target, -0.07, -0.07);
    }

    /** MnasNet's hard constraint: α = 0 (no bonus for being cheaper), β = −1 (reward falls in proportion above T). */
    public static SearchObjective mnasHard(double target) {
        return new SearchObjective(target, 0, -1);
    }

    public boolean singleExponent() {
        return below == above;
    }

    public SearchObjective withTarget(double t) {
        return new SearchObjective(t, below, above);
    }

    public double exponent(double cost) {
        return cost <= target ? below : above;
    }

    public double reward(double accuracy, double cost) {
        return SearchReward.piecewise(accuracy, cost, target, below, above);
    }

    /** The accuracy that earns {@code reward} at {@code cost}: the iso-reward line through that cost. */
    public double accuracyFor(double reward, double cost) {
        return reward / Math.pow(cost / target, exponent(cost));
    }

    /** The rows of Table 2 that have FLOPs (not GPipe), each with its reward, best first. */
    public List<Scored> rank(List<ImageNetResult> rows) {
        List<Scored> out = new ArrayList<>();
        for (ImageNetResult r : rows) {
            if (Double.isFinite(r.flopsBillions())) out.add(new Scored(r, reward(r.top1() / 100, r.flopsBillions() * 1e9)));
        }
        out.sort(Comparator.comparingDouble(Scored::reward).reversed());
        return out;
    }
}
