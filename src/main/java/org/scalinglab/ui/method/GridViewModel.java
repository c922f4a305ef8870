package org.scalinglab.ui.method;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.scalinglab.scaling.GridCandidates;
import org.scalinglab.scaling.GridCandidates.Candidate;
import org.scalinglab.train.GridSearchReport;

/**
 * Step 1's state: the grid step and tolerance, the candidates they give (each with its trained result when a grid.json
 * is loaded), the loaded report and a message about it. The enumeration takes milliseconds even at step 0.01, so it
 * follows every change; only the chart is throttled.
 */
final class GridViewModel {
    static final double MIN_STEP = 0.01;
    static final double MAX_STEP = 0.5;
    static final double MAX_TOLERANCE = 0.2;

    /** A candidate of the grid and, if the loaded search trained it, its result. */
    record Row(Candidate candidate, GridSearchReport.Candidate result) {
        Double top1() {
            return result == null ? null : result.top1();
        }
    }

    private final DoubleProperty step = new SimpleDoubleProperty(this, "step", 0.05);
    private final DoubleProperty tolerance = new SimpleDoubleProperty(this, "tolerance", 0.05);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<List<Candidate>> candidates = new ReadOnlyObjectWrapper<>(this, "candidates", List.of());
    private final LoadedReport<GridSearchReport> report = new LoadedReport<>("grid.json", GridViewModel::read);
    private double shownStep = Double.NaN;
    private double shownTolerance = Double.NaN;

    GridViewModel() {
        report.reportProperty().addListener(o -> {
            useSearchGrid();
            fillRows();
        });
        step.addListener(o -> update());
        tolerance.addListener(o -> update());
        update();
    }

    DoubleProperty stepProperty() { return step; }
    DoubleProperty toleranceProperty() { return tolerance; }
    ObservableList<Row> rows() { return rows; }
    ReadOnlyObjectProperty<List<Candidate>> candidatesProperty() { return candidates.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<GridSearchReport> reportProperty() { return report.reportProperty(); }
    ReadOnlyStringProperty shownSourceProperty() { return report.shownSourceProperty(); }
    ReadOnlyStringProperty problemProperty() { return report.problemProperty(); }

    /** The step as used: the slider's value rounded to 0.01. */
    double step() {
        return Math.max(MIN_STEP, Math.min(MAX_STEP, Math.round(step.get() * 100) / 100.0));
    }

    double tolerance() {
        return Math.max(0, Math.min(MAX_TOLERANCE, Math.round(tolerance.get() * 100) / 100.0));
    }

    /** Reads a grid.json; a missing or broken file leaves the last good report and says why. */
    void load(Path file) {
        report.load(file);
    }

    /** The loaded report as a scenario names it (null: the bundled one, or none). */
    String scenarioSource() {
        return report.scenarioSource();
    }

    /** The bundled assets/search/grid.json, if the app was shipped with one. */
    void loadBundled() {
        report.loadBundled();
    }

    /** A report with every candidate present and meaningful, so the table and the summary cannot fail on it. */
    static GridSearchReport read(Path file) throws IOException {
        GridSearchReport r = GridSearchReport.read(file);
        for (GridSearchReport.Candidate c : r.candidates()) {
            if (c == null || !(c.alpha() >= 1 && c.beta() >= 1 && c.gamma() >= 1)) {
                throw new IOException(file.getFileName() + " has a candidate without α, β, γ ≥ 1");
            }
            if (c.top1() != null && !(c.top1() >= 0 && c.top1() <= 1)) {
                throw new IOException(file.getFileName() + " has a top-1 outside [0, 1]: " + c.top1());
            }
        }
        if (!(r.step() > 0)) throw new IOException(file.getFileName() + " has no grid step");
        return r;
    }

    /** Moves the controls to the loaded search's grid, so every trained candidate has its row. */
    void useSearchGrid() {
        GridSearchReport r = report.get();
        if (r == null) return;
        step.set(Math.max(MIN_STEP, Math.min(MAX_STEP, r.step())));
        tolerance.set(Math.max(0, Math.min(MAX_TOLERANCE, r.tolerance())));
    }

    private void update() {
        double s = step();
        double t = tolerance();
        if (s == shownStep && t == shownTolerance) return;
        shownStep = s;
        shownTolerance = t;
        candidates.set(GridCandidates.enumerate(s, t));
        fillRows();
    }

    private void fillRows() {
        GridSearchReport r = report.get();
        List<Row> out = new ArrayList<>(candidates.get().size());
        for (Candidate c : candidates.get()) out.add(new Row(c, r == null ? null : find(r, c)));
        rows.setAll(out);
    }

    private static GridSearchReport.Candidate find(GridSearchReport r, Candidate c) {
        for (GridSearchReport.Candidate x : r.candidates()) {
            if (near(x.alpha(), c.alpha()) && near(x.beta(), c.beta()) && near(x.gamma(), c.gamma())) return x;
        }
        return null;
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) < 1e-6;
    }

    /**
     * One honest line on the search: the best candidate, the paper's choice beside it with its rank, and the spread
     * of all trained candidates (one short run each, so small gaps are noise).
     */
    static String summary(GridSearchReport r) {
        List<GridSearchReport.Candidate> trained = r.candidates().stream().filter(GridSearchReport.Candidate::trained)
                .sorted(Comparator.comparingDouble(GridSearchReport.Candidate::top1).reversed()).toList();
        if (trained.isEmpty()) {
            return "None of the " + r.candidates().size() + " candidates is trained yet: run grid-search again to resume.";
        }
        GridSearchReport.Candidate best = r.best().orElseThrow();
        double mean = trained.stream().mapToDouble(GridSearchReport.Candidate::top1).average().orElse(0);
        double var = trained.stream().mapToDouble(c -> (c.top1() - mean) * (c.top1() - mean)).sum() / Math.max(1, trained.size() - 1);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Best: (%s, %s, %s) %.1f%% top-1", num(best.alpha()), num(best.beta()), num(best.gamma()),
                100 * best.top1()));
        GridSearchReport.Candidate paper = null;
        for (GridSearchReport.Candidate c : r.candidates()) {
            if (new Candidate(c.alpha(), c.beta(), c.gamma()).isPaperChoice()) paper = c;
        }
        if (paper == null) {
            sb.append("; the paper's choice (1.2, 1.1, 1.15) is not on this grid");
        } else if (!paper.trained()) {
            sb.append("; the paper's choice (1.2, 1.1, 1.15) is not trained yet");
        } else {
            sb.append(String.format(Locale.ROOT, "; the paper's choice (1.2, 1.1, 1.15) %.1f%% (rank %d of %d)", 100 * paper.top1(),
                    trained.indexOf(paper) + 1, trained.size()));
        }
        sb.append(String.format(Locale.ROOT, "; the %d trained: %.1f–%.1f%%, spread (sd) ±%.1f points", trained.size(),
                100 * trained.get(trained.size() - 1).top1(), 100 * trained.get(0).top1(), 100 * Math.sqrt(var)));
        if (trained.size() < r.candidates().size()) sb.append(String.format(Locale.ROOT, " (%d not trained yet)",
                r.candidates().size() - trained.size()));
        sb.append(String.format(Locale.ROOT, ". One short run each (%d epoch%s", r.epochs(), r.epochs() == 1 ? "" : "s"));
        if (r.classes() != null) sb.append(", ").append(r.classes().size()).append(" classes");
        sb.append("): gaps within the spread are noise, not a ranking.");
        return sb.toString();
    }

    static String num(double v) {
        return new java.text.DecimalFormat("0.###", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }
}
