package org.scalinglab.app;

import java.util.Locale;
import org.scalinglab.cam.CamMethods;

/**
 * How long a comparison will take, said before it starts: for each model, its measured time per image through the
 * network × the images one map needs (the method says how many, {@link org.scalinglab.cam.CamMethod#forwardImages}) ×
 * the photos. A run estimated above {@link #ASK_ABOVE_SECONDS} waits for the user's go.
 *
 * @param seconds        the whole run
 * @param forwardImages  images through the networks in all
 * @param cells          maps to make (photos × models with weights)
 */
public record RunEstimate(String method, double seconds, long forwardImages, int cells) {
    public static final double ASK_ABOVE_SECONDS = 20;

    public boolean isLong() {
        return isLongerThan(ASK_ABOVE_SECONDS);
    }

    public boolean isLongerThan(double limitSeconds) {
        return seconds > limitSeconds;
    }

    /** Seconds per map, on average. */
    public double secondsPerCell() {
        return cells == 0 ? 0 : seconds / cells;
    }

    /** "Score-CAM on 2 photos × 2 models: about 3 min (5,124 images through the networks)." */
    public String sentence(int photos, int models) {
        return String.format(Locale.ROOT, "%s on %d photo%s × %d model%s: about %s (%,d images through the networks).",
                CamMethods.describe(method).title(), photos, photos == 1 ? "" : "s", models, models == 1 ? "" : "s",
                duration(seconds), forwardImages);
    }

    /** "8 s", "3 min", "1 h 10 min": rounded as a person would say it. */
    public static String duration(double seconds) {
        if (seconds < 1) return "1 s";
        if (seconds < 90) return Math.round(seconds) + " s";
        long minutes = Math.round(seconds / 60);
        if (minutes < 90) return minutes + " min";
        return minutes / 60 + " h " + minutes % 60 + " min";
    }
}
