package org.scalinglab.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar on stderr, redrawn at most twice a second: done/total, rate and time left. */
final class ProgressBar {
    private static final int WIDTH = 24;
    private final PrintWriter err;
    private final String unit;
    private final long start = System.nanoTime();
    private long lastDrawn;
    private boolean drawn;

    ProgressBar(PrintWriter err, String unit) {
        this.err = err;
        this.unit = unit;
    }

    void update(int done, int total) {
        long now = System.nanoTime();
        if (done < total && now - lastDrawn < 500_000_000L) return;
        lastDrawn = now;
        double seconds = (now - start) / 1e9;
        double rate = done / Math.max(1e-9, seconds);
        int filled = total == 0 ? WIDTH : (int) Math.round(WIDTH * done / (double) total);
        long eta = rate > 0 ? Math.round((total - done) / rate) : -1;
        err.printf(Locale.ROOT, "\r[%s%s] %d/%d %s  %.1f %s/s  ETA %s   ", "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, unit,
                rate, unit, eta < 0 ? "?" : String.format(Locale.ROOT, "%dm%02ds", eta / 60, eta % 60));
        err.flush();
        drawn = true;
    }

    /** Ends the line, once. */
    void end() {
        if (drawn) err.println();
        drawn = false;
        err.flush();
    }
}
