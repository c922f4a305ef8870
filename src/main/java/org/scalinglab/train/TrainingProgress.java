package org.scalinglab.train;

/**
 * One progress report of a training run, after a step or at the end of an epoch (then the validation fields are
 * set, else NaN). gradientNorm: the mean global gradient norm (before clipping) since the last report; a norm that
 * grows by orders of magnitude warns of divergence. warning: unreadable images skipped so far, or null. note: set
 * only on a message about the run itself ({@link #note}).
 */
public record TrainingProgress(String model, int epoch, int epochs, long step, long totalSteps, double loss,
                               double accuracy, double imagesPerSecond, double etaSeconds, double learningRate,
                               double validationTop1, double validationTop5, boolean epochEnd, double gradientNorm,
                               String warning, String note) {

    /** A message about the run itself (resuming, extending), not a step: the numbers are NaN. */
    public static TrainingProgress note(String model, String text) {
        return new TrainingProgress(model, 0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, false, Double.NaN, null, text);
    }

    public boolean isNote() {
        return note != null;
    }

    public String line() {
        if (note != null) return model + ": " + note;
        String base = String.format(java.util.Locale.ROOT, "%s epoch %d/%d step %d/%d loss %.4f acc %.3f %.1f img/s lr %.5f%s ETA %s",
                model, epoch + 1, epochs, step, totalSteps, loss, accuracy, imagesPerSecond, learningRate,
                Double.isFinite(gradientNorm) ? String.format(java.util.Locale.ROOT, " |g| %.3g", gradientNorm) : "", eta(etaSeconds));
        String line = epochEnd ? base + String.format(java.util.Locale.ROOT, " | val top-1 %.3f top-5 %.3f", validationTop1, validationTop5) : base;
        return warning == null ? line : line + " | " + warning;
    }

    static String eta(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) return "?";
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60) : String.format("%dm%02ds", s / 60, s % 60);
    }
}
