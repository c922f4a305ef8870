package org.scalinglab.cam;

import java.util.List;

/**
 * Average Drop and Increase in Confidence (Chattopadhay et al., Grad-CAM++, 2018): the class probability Y on the
 * image against O on the explanation map E = image x saliency (saliency in [0, 1], upsampled to the image).
 * Per image, drop = max(0, Y - O) / Y x 100 and "increased" = (O > Y); averaged over images by {@link #average}.
 */
public record ConfidenceChange(double fullScore, double explanationScore) {

    public double dropPercent() {
        return fullScore > 0 ? Math.max(0, fullScore - explanationScore) / fullScore * 100 : 0;
    }

    public boolean increased() {
        return explanationScore > fullScore;
    }

    /** @param averageDropPercent mean of the drops; @param increasePercent share of images whose score rose, in % */
    public record Summary(double averageDropPercent, double increasePercent, int images) {
    }

    public static Summary average(List<ConfidenceChange> changes) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("no images to average");
        }
        double drop = 0;
        int up = 0;
        for (ConfidenceChange c : changes) {
            drop += c.dropPercent();
            up += c.increased() ? 1 : 0;
        }
        return new Summary(drop / changes.size(), 100.0 * up / changes.size(), changes.size());
    }
}
