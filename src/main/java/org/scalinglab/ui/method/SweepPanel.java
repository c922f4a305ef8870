package org.scalinglab.ui.method;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.scalinglab.train.SweepReport;
import org.scalinglab.ui.Explanation;

/**
 * Step 2, scale up with φ: with α, β, γ fixed, accuracy against multiply-adds for compound, width-only, depth-only and
 * resolution-only scaling at matched cost (the small-scale version of the paper's Figures 3 and 8), and the points as a
 * table. With no sweep.json: what it is and the command that makes it.
 */
final class SweepPanel extends SplitPane {
    static final String COMMAND = "./scaling-lab sweep --data imagenette2 --base 0.35,0.5,112 --phis 0,1,2 --epochs 2 --per-class 200 --out runs/sweep";

    final LoadedReport<SweepReport> report = new LoadedReport<>("sweep.json", SweepPanel::read);
    final TableView<SweepReport.Point> table = new TableView<>();
    final GridPanel.ResultsBox results;
    private final Label fixed = new Label();
    private double scale = 1.0;

    SweepPanel(Consumer<String> notice) {
        setId("sweep-panel");
        Label title = new Label("Step 2: scale up with φ");
        title.getStyleClass().add("section-title");
        Label intro = Explanation.of("With α, β, γ fixed, the paper grew the base by φ = 1, 2, … to B1–B7. Is compound "
                + "scaling better than growing one dimension only? Each φ here gives a compound network and width-only, "
                + "depth-only and resolution-only networks of the same multiply-adds, all trained the same way: the small "
                + "version of the paper's Figures 3 and 8.");
        fixed.setId("sweep-fixed");
        fixed.getStyleClass().add("big-number");
        fixed.setWrapText(true);
        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getStyleClass().add("method-table");
        fixed.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox controls = new VBox(8, title, intro, fixed, table);
        controls.getStyleClass().add("controls");
        javafx.scene.control.ScrollPane left = new javafx.scene.control.ScrollPane(controls);
        left.setFitToWidth(true);
        left.setFitToHeight(true);
        left.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        left.getStyleClass().add("method-side");
        results = new GridPanel.ResultsBox("sweep-results", "sweep.json", "Accuracy against multiply-adds, per scaling mode",
                "No sweep results yet. Run the sweep headless (it trains every point for the same budget, resumes where it "
                        + "stopped) and open its sweep.json here:", COMMAND, report.shownSourceProperty(), report.problemProperty(),
                report::load, notice);
        getItems().addAll(left, results);
        setDividerPositions(0.44);
        report.reportProperty().addListener(o -> show());
        show();
    }

    void style(double scale) {
        this.scale = scale;
        show();
    }

    private void show() {
        SweepReport r = report.get();
        if (r == null) {
            fixed.setText("");
            table.setItems(FXCollections.observableArrayList());
            table.setVisible(false);
            results.showEmpty();
            return;
        }
        fixed.setText(String.format(Locale.ROOT, "α = %s, β = %s, γ = %s; φ = %s; %d epoch%s each", GridViewModel.num(r.alpha()),
                GridViewModel.num(r.beta()), GridViewModel.num(r.gamma()),
                String.join(", ", r.phis().stream().map(GridViewModel::num).toList()), r.epochs(), r.epochs() == 1 ? "" : "s"));
        table.setItems(FXCollections.observableArrayList(r.points()));
        table.setVisible(true);
        results.show(org.scalinglab.app.SweepChart.chart(r, scale), summary(r));
    }

    /** How many points are trained and the best top-1 per mode at the largest φ trained. */
    static String summary(SweepReport r) {
        long trained = r.points().stream().filter(SweepReport.Point::trained).count();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d of %d networks trained", trained, r.points().size()));
        double top = r.points().stream().filter(SweepReport.Point::trained).mapToDouble(SweepReport.Point::phi).max().orElse(Double.NaN);
        if (Double.isFinite(top) && top > 0) {
            sb.append(String.format(Locale.ROOT, "; at φ = %s:", GridViewModel.num(top)));
            r.points().stream().filter(p -> p.trained() && p.phi() == top)
                    .sorted(Comparator.comparingDouble(SweepReport.Point::top1).reversed())
                    .forEach(p -> sb.append(String.format(Locale.ROOT, " %s %.1f%%,", p.mode(), 100 * p.top1())));
            sb.setLength(sb.length() - 1);
        }
        sb.append(". One run each: differences of a point or two are within noise.");
        return sb.toString();
    }

    static SweepReport read(java.nio.file.Path file) throws java.io.IOException {
        SweepReport r = SweepReport.read(file);
        if (r.phis() == null) throw new java.io.IOException(file.getFileName() + " has no φ list");
        for (SweepReport.Point p : r.points()) {
            if (p == null || p.mode() == null) throw new java.io.IOException(file.getFileName() + " has a point without a mode");
            if (p.top1() != null && !(p.top1() >= 0 && p.top1() <= 1)) {
                throw new java.io.IOException(file.getFileName() + " has a top-1 outside [0, 1]: " + p.top1());
            }
        }
        return r;
    }

    private void buildTable() {
        table.setId("sweep-table");
        TableColumn<SweepReport.Point, String> mode = new TableColumn<>("mode");
        mode.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().mode()));
        NumberColumn.baseWidth(mode, 95);
        table.getColumns().add(mode);
        table.getColumns().addAll(List.of(
                NumberColumn.<SweepReport.Point>of("φ", SweepReport.Point::phi, "%.1f", null),
                NumberColumn.<SweepReport.Point>of("d", SweepReport.Point::depth, "%.2f", null),
                NumberColumn.<SweepReport.Point>of("w", SweepReport.Point::width, "%.2f", null),
                NumberColumn.<SweepReport.Point>of("res", p -> (double) p.resolution(), "%.0f", null),
                NumberColumn.<SweepReport.Point>of("M mult-adds", p -> p.macs() / 1e6, "%.1f", null),
                NumberColumn.<SweepReport.Point>of("Δ cost %", p -> 100 * p.macsDifference(), "%+.1f", null),
                NumberColumn.<SweepReport.Point>of("top-1 %", p -> p.top1() == null ? null : 100 * p.top1(), "%.1f", null),
                NumberColumn.<SweepReport.Point>of("min", p -> p.trained() ? p.trainingSeconds() / 60 : null, "%.0f", "training time, minutes")));
        table.setPlaceholder(new Label("No sweep loaded"));
        org.scalinglab.ui.Fit.table(table, 0.65);
    }
}
