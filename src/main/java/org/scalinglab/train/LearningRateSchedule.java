package org.scalinglab.train;

/**
 * Linear warm-up to the peak rate, then cosine decay to zero at the last step. Warm-up keeps the first steps of
 * a from-scratch run stable (the paper warms up too); cosine decay suits short budgets better than the paper's
 * exponential decay over 350 epochs.
 */
public record LearningRateSchedule(double peak, long warmupSteps, long totalSteps) {

    public LearningRateSchedule {
        if (!(peak > 0) || !Double.isFinite(peak)) throw new IllegalArgumentException("learning rate must be positive, got " + peak);
        if (totalSteps < 1 || warmupSteps < 0 || warmupSteps > totalSteps) {
            throw new IllegalArgumentException("need 0 <= warm-up steps <= total steps, got " + warmupSteps + " / " + totalSteps);
        }
    }

    public double at(long step) {
        if (step < warmupSteps) return peak * (step + 1) / warmupSteps;
        double progress = Math.min(1.0, (step - warmupSteps) / (double) Math.max(1, totalSteps - warmupSteps));
        return 0.5 * peak * (1 + Math.cos(Math.PI * progress));
    }
}
