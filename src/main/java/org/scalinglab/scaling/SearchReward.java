package org.scalinglab.scaling;

/**
 * The multi-objective reward of the architecture search behind B0 (MnasNet style):
 * ACC(m) × [FLOPS(m) / T]^w. EfficientNet used a single exponent w = −0.07 on FLOPs; MnasNet's latency form uses
 * w = α when the cost is at or under the target and w = β above it (MnasNet's soft constraint: α = β = −0.07;
 * its hard constraint: α = 0, β = −1).
 */
public final class SearchReward {
    public static final double EFFICIENTNET_EXPONENT = -0.07;

    private SearchReward() {
    }

    /** ACC × (cost / target)^w */
    public static double reward(double accuracy, double cost, double target, double w) {
        check(accuracy, cost, target);
        return accuracy * Math.pow(cost / target, w);
    }

    /** ACC × (cost / target)^(cost ≤ target ? α : β) */
    public static double piecewise(double accuracy, double cost, double target, double alpha, double beta) {
        check(accuracy, cost, target);
        return accuracy * Math.pow(cost / target, cost <= target ? alpha : beta);
    }

    private static void check(double accuracy, double cost, double target) {
        if (!(accuracy >= 0 && accuracy <= 1)) throw new IllegalArgumentException("accuracy must be a fraction in [0, 1], got " + accuracy);
        if (!(cost > 0) || !Double.isFinite(cost)) throw new IllegalArgumentException("cost must be positive, got " + cost);
        if (!(target > 0) || !Double.isFinite(target)) throw new IllegalArgumentException("target must be positive, got " + target);
    }
}
