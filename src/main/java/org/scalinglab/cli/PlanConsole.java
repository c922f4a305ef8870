package org.scalinglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.scalinglab.export.FigureWriter;
import org.scalinglab.train.ImageFolder;
import org.scalinglab.train.PlannedReport;
import org.scalinglab.train.TrainingProgress;

/** Console output shared by grid-search and sweep, which train a planned list of networks one after another. */
final class PlanConsole {
    static final int CHART_WIDTH = 760;
    static final int CHART_HEIGHT = 500;
    /** The header of the result columns that {@link #results} fills. */
    static final String RESULTS_HEADER = String.format("%8s %8s %7s", "top-1", "top-5", "time");

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
     * What to do each time the report is rewritten: redraw its chart as name.png and name.svg in the folder, and
     * say on stderr how many networks are left and about how long they will take.
     */
    static <R extends PlannedReport<R, ?>> Consumer<R> afterEach(PrintWriter err, Path dir, String name, Function<R, JFreeChart> chart) {
        return r -> {
            writeChart(chart.apply(r), dir, name);
            err.println("== " + remaining(r.entries().stream().map(PlannedReport.Entry::macs).toList(),
                    r.entries().stream().map(e -> e.trained() ? e.trainingSeconds() : null).toList()));
            err.flush();
        };
    }

    /** The data and the budget of each network, e.g. "2 classes, 8 training / 2 validation images, 1 epoch each". */
    static String budget(ImageFolder data, int epochs) {
        return String.format(Locale.ROOT, "%d classes, %d training / %d validation images, %d epoch%s each", data.classes().size(),
                data.train().size(), data.validation().size(), epochs, epochs == 1 ? "" : "s");
    }

    /** A network's result columns under {@link #RESULTS_HEADER}: top-1, top-5 and training time. */
    static String results(PlannedReport.Entry<?> e) {
        return String.format(Locale.ROOT, "%8s %8s %6.0fs", percent(e.top1()), percent(e.top5()), e.trainingSeconds());
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
            FigureWriter.write(chart, dir.resolve(name + ".png"), CHART_WIDTH, CHART_HEIGHT);
            FigureWriter.write(chart, dir.resolve(name + ".svg"), CHART_WIDTH, CHART_HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + name + " chart in " + dir + ": " + e.getMessage(), e);
        }
    }
}
