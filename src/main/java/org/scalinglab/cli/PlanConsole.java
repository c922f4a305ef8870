package org.scalinglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jfree.chart.JFreeChart;
import org.scalinglab.export.ChartExport;
import org.scalinglab.train.TrainingProgress;

/** Console output shared by grid-search and sweep, which train a planned list of networks one after another. */
final class PlanConsole {
    static final int CHART_WIDTH = 760;
    static final int CHART_HEIGHT = 500;

    private PlanConsole() {
    }

    /** The trainer's progress lines, with a header line whenever the next planned network starts. */
    static Consumer<TrainingProgress> progress(PrintWriter err, List<String> ids) {
        Consumer<TrainingProgress> lines = TrainingOptions.printTo(err);
        String[] current = {null};
        return p -> {
            if (!p.model().equals(current[0])) {
                current[0] = p.model();
                err.printf("== network %d of %d: %s%n", ids.indexOf(p.model()) + 1, ids.size(), p.model());
            }
            lines.accept(p);
        };
    }

    /**
     * The time the untrained networks will take, from the measured seconds per multiply-add of the trained ones
     * (training time grows about linearly with a network's multiply-adds; image decoding makes small networks
     * relatively slower, so the estimate errs long). Null seconds mark untrained networks.
     */
    static String remaining(List<Long> macs, List<Double> seconds) {
        double doneSeconds = 0;
        double doneMacs = 0;
        double leftMacs = 0;
        int left = 0;
        for (int i = 0; i < macs.size(); i++) {
            if (seconds.get(i) == null) {
                leftMacs += macs.get(i);
                left++;
            } else if (seconds.get(i) > 0) {
                doneSeconds += seconds.get(i);
                doneMacs += macs.get(i);
            }
        }
        if (left == 0) return "all " + macs.size() + " trained";
        if (doneMacs == 0) return left + " of " + macs.size() + " to train; a time estimate follows the first one";
        return String.format(Locale.ROOT, "%d of %d to train, about %s (from the speed so far)", left, macs.size(),
                minutes(leftMacs * doneSeconds / doneMacs));
    }

    static String minutes(double seconds) {
        if (seconds < 90) return Math.round(seconds) + " s";
        if (seconds < 5400) return Math.round(seconds / 60) + " min";
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }

    static String percent(Double v) {
        return v == null || v.isNaN() ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    /** name.png (2x) and name.svg in the folder. */
    static void writeChart(JFreeChart chart, Path dir, String name) {
        try {
            ChartExport.write(chart, dir.resolve(name + ".png"), CHART_WIDTH, CHART_HEIGHT);
            ChartExport.write(chart, dir.resolve(name + ".svg"), CHART_WIDTH, CHART_HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + name + " chart in " + dir + ": " + e.getMessage(), e);
        }
    }
}
