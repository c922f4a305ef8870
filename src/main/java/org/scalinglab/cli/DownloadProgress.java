package org.scalinglab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.scalinglab.tf.ModelStore;

/** Download progress on stderr: one line per 10 % (and at the end), so logs and terminals both read well. */
final class DownloadProgress implements ModelStore.Progress {
    private final PrintWriter err;
    private final String what;
    private int lastTenth = -1;
    private long lastMegabytes = -1;

    DownloadProgress(PrintWriter err, String what) {
        this.err = err;
        this.what = what;
    }

    @Override
    public void update(long done, long total) {
        if (total > 0) {
            int tenth = (int) (done * 10 / total);
            if (tenth == lastTenth) return;
            lastTenth = tenth;
            err.printf(Locale.ROOT, "downloading %s: %3d%% (%.1f of %.1f MB)%n", what, tenth * 10, done / 1e6, total / 1e6);
        } else {
            long mb = done / 10_000_000;
            if (mb == lastMegabytes) return;
            lastMegabytes = mb;
            err.printf(Locale.ROOT, "downloading %s: %.1f MB%n", what, done / 1e6);
        }
        err.flush();
    }
}
