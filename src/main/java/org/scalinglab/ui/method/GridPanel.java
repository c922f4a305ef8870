package org.scalinglab.ui.method;

import java.io.File;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;
import org.scalinglab.export.CandidatesChart;
import org.scalinglab.scaling.GridCandidates.Candidate;
import org.scalinglab.train.GridSearchReport;
import org.scalinglab.ui.ChartBox;
import org.scalinglab.ui.Explanation;
import org.scalinglab.ui.Fit;
import org.scalinglab.ui.Folders;
import org.scalinglab.ui.SplitOrTabs;
import org.scalinglab.ui.ParameterControl;
import org.scalinglab.ui.Throttle;

/**
 * Step 1, the α, β, γ grid at φ = 1: controls for the grid step and the tolerance, the candidates as a sortable table
 * (with their trained results when a grid.json is loaded) and as a plot of β against α coloured by γ, and the search's
 * accuracies with an honest one-line summary.
 */
final class GridPanel extends SplitPane {
    static final String COMMAND = "./scaling-lab grid-search --data imagenette2 --base 0.35,0.5,112 --step 0.1 --tolerance 0.03 --epochs 2 --per-class 200 --out runs/grid";

    final GridViewModel vm;
    final ParameterControl step;
    final ParameterControl tolerance;
    final TableView<GridViewModel.Row> table = new TableView<>();
    final ChartBox candidatesBox;
    final ResultsBox results;
    private final Label count = new Label();
    private final Throttle redraw;
    private double scale = 1.0;

    final SplitOrTabs right;

    GridPanel(GridViewModel vm, Consumer<String> notice, javafx.beans.value.ObservableDoubleValue fontSize) {
        this.vm = vm;
        setId("grid-panel");
        Label title = new Label("Step 1: search α, β, γ at φ = 1");
        title.getStyleClass().add("section-title");
        Label intro = Explanation.of("With φ = 1 the network may cost about twice B0 (α·β²·γ² ≈ 2). The paper tried a small "
                + "grid of α, β, γ ≥ 1 that meet this, trained each scaled B0, and kept the best: α = 1.2, β = 1.1, γ = 1.15. "
                + "Then it fixed them for every larger model (Step 2).");
        step = new ParameterControl("s", "grid step", "α, β and γ run over 1, 1 + s, 1 + 2s, … (the paper's choice needs s = 0.05 "
                + "or 0.01).", vm.stepProperty(), GridViewModel.MIN_STEP, GridViewModel.MAX_STEP, 0.01, 2, notice).ticks(0.1, 9);
        step.setId("grid-step");
        step.slider().setSnapToTicks(true);
        // ticks count from the minimum 0.01, so their labels would read 0.11, 0.21: the spinner shows the value instead
        step.slider().setShowTickLabels(false);
        step.slider().setShowTickMarks(false);
        tolerance = new ParameterControl("±", "tolerance", "Keep a candidate when α·β²·γ² is within 2 × (1 ± tolerance).",
                vm.toleranceProperty(), 0, GridViewModel.MAX_TOLERANCE, 0.01, 2, notice).ticks(0.05, 4);
        tolerance.setId("grid-tolerance");
        tolerance.slider().setSnapToTicks(true);
        count.setId("grid-count");
        count.getStyleClass().add("big-number");
        count.setWrapText(true);
        count.setMinHeight(Region.USE_PREF_SIZE);
        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getStyleClass().add("method-table");
        VBox controls = new VBox(8, title, intro, step, tolerance, count, table);
        controls.getStyleClass().add("controls");
        // a short window scrolls the side (the table keeps a few rows) rather than squeezing the table away
        javafx.scene.control.ScrollPane left = new javafx.scene.control.ScrollPane(controls);
        left.setFitToWidth(true);
        left.setFitToHeight(true);
        left.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        left.getStyleClass().add("method-side");

        candidatesBox = new ChartBox("grid-candidates", CandidatesChart.chart(vm.candidatesProperty().get()), notice);
        results = new ResultsBox("grid-results", "grid.json", "Step 1 for real: the search's accuracies",
                "No grid search results yet. Run the search headless (it trains every candidate for a short proxy budget, "
                        + "resumes where it stopped) and open its grid.json here:", COMMAND, vm.shownSourceProperty(), vm.problemProperty(),
                vm::load, notice);
        // one above the other where both get 20 lines, else two tabs
        right = new SplitOrTabs("grid-right", candidatesBox, "Candidates on the grid", results, "The search's accuracies",
                20, 0.46, fontSize);
        getItems().addAll(left, right);
        setDividerPositions(0.44);

        redraw = new Throttle(80, () -> candidatesBox.setChart(CandidatesChart.chart(vm.candidatesProperty().get(), scale)));
        vm.candidatesProperty().addListener(o -> {
            showCount();
            redraw.request();
        });
        vm.rows().addListener((javafx.collections.ListChangeListener<GridViewModel.Row>) c -> scrollToPaperChoice());
        vm.reportProperty().addListener(o -> showReport());
        showCount();
        showReport();
        scrollToPaperChoice();
    }

    void redrawNow() {
        redraw.runNow();
    }

    void style(double scale) {
        this.scale = scale;
        redraw.runNow();
        showReport();
    }

    /** Brings the paper's row into view (a few rows below the top), so its highlight is seen without scrolling. */
    private void scrollToPaperChoice() {
        List<GridViewModel.Row> rows = table.getItems();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).candidate().isPaperChoice()) {
                table.scrollTo(Math.max(0, i - 3));
                return;
            }
        }
    }

    private void showCount() {
        List<Candidate> c = vm.candidatesProperty().get();
        boolean paper = c.stream().anyMatch(Candidate::isPaperChoice);
        count.setText(String.format(Locale.ROOT, "%,d candidates at step %s, tolerance %s; the paper's choice is %s", c.size(),
                GridViewModel.num(vm.step()), GridViewModel.num(vm.tolerance()), paper ? "among them (highlighted)" : "not among them"));
    }

    private void showReport() {
        GridSearchReport r = vm.reportProperty().get();
        if (r == null) {
            results.showEmpty();
        } else {
            results.show(org.scalinglab.app.GridChart.chart(r, scale), GridViewModel.summary(r));
        }
    }

    private void buildTable() {
        table.setId("grid-table");
        table.setItems(vm.rows());
        table.getColumns().addAll(List.of(
                NumberColumn.<GridViewModel.Row>of("α", r -> r.candidate().alpha(), "%.2f", "depth base"),
                NumberColumn.<GridViewModel.Row>of("β", r -> r.candidate().beta(), "%.2f", "width base"),
                NumberColumn.<GridViewModel.Row>of("γ", r -> r.candidate().gamma(), "%.2f", "resolution base"),
                NumberColumn.<GridViewModel.Row>of("α·β²·γ²", r -> r.candidate().constraint(), "%.3f", "the cost multiplier at φ = 1 (≈ 2)"),
                NumberColumn.<GridViewModel.Row>of("d", r -> r.result() == null ? null : r.result().depth(), "%.2f", "depth multiplier of the searched base"),
                NumberColumn.<GridViewModel.Row>of("w", r -> r.result() == null ? null : r.result().width(), "%.2f", "width multiplier of the searched base"),
                NumberColumn.<GridViewModel.Row>of("res", r -> r.result() == null ? null : (double) r.result().resolution(), "%.0f", "input resolution (px)"),
                NumberColumn.<GridViewModel.Row>of("M mult-adds", r -> r.result() == null ? null : r.result().macs() / 1e6, "%.1f", "multiply-adds, millions"),
                NumberColumn.<GridViewModel.Row>of("top-1 %", r -> r.top1() == null ? null : 100 * r.top1(), "%.1f", "validation top-1 after the short run")));
        // every column as wide as its numbers (bold rows included); the font shrinks before a number is cut
        Fit.table(table, 0.65);
        // the search's columns only when a search is loaded
        for (int i = 4; i < table.getColumns().size(); i++) table.getColumns().get(i).visibleProperty().bind(vm.reportProperty().isNotNull());
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(GridViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("paper-choice", "best-row");
                if (empty || row == null) return;
                if (row.candidate().isPaperChoice()) getStyleClass().add("paper-choice");
                GridSearchReport r = vm.reportProperty().get();
                if (r != null && row.result() != null && r.best().map(b -> b == row.result()).orElse(false)) getStyleClass().add("best-row");
            }
        });
        table.setPlaceholder(new Label("No (α, β, γ) on this grid meets the tolerance: widen it."));
    }

    /**
     * The lower half of a step: the results chart with a summary line and an "Open" button, or, with no results, what
     * would produce them; a file that cannot be read is a message here, never an exception.
     */
    static final class ResultsBox extends BorderPane {
        private final String id;
        private final Consumer<String> notice;
        private final Label summary = new Label();
        private final Label message = new Label();
        private final Label sourceLabel = new Label();
        private final VBox empty;
        private ChartBox chartBox;

        ResultsBox(String id, String fileName, String heading, String emptyText, String command,
                   javafx.beans.value.ObservableStringValue source, javafx.beans.value.ObservableStringValue problem,
                   Consumer<java.nio.file.Path> open, Consumer<String> notice) {
            this.id = id;
            this.notice = notice;
            setId(id);
            getStyleClass().add("results-box");
            Label title = new Label(heading);
            title.getStyleClass().add("section-title");
            Button openButton = new Button("Open " + fileName + "…");
            openButton.setId(id + "-open");
            openButton.setOnAction(e -> {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Open " + fileName);
                chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Scaling Lab report", "*.json"),
                        new FileChooser.ExtensionFilter("All files", "*"));
                Folders.prepare(chooser, Folders.REPORT);
                File f = Folders.remember(Folders.REPORT, chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow()));
                if (f != null) open.accept(f.toPath());
            });
            sourceLabel.getStyleClass().add("explain");
            sourceLabel.setId(id + "-source");
            sourceLabel.textProperty().bind(Bindings.createStringBinding(
                    () -> source.get().isEmpty() ? "" : "from " + source.get(), source));
            FlowPane bar = new FlowPane(10, 4, title, openButton, sourceLabel);
            bar.setAlignment(Pos.CENTER_LEFT);
            message.getStyleClass().addAll("message", "error");
            message.setId(id + "-message");
            message.setWrapText(true);
            message.setMinHeight(Region.USE_PREF_SIZE);
            message.textProperty().bind(problem);
            message.visibleProperty().bind(message.textProperty().isNotEmpty());
            message.managedProperty().bind(message.visibleProperty());
            summary.setId(id + "-summary");
            summary.getStyleClass().add("results-summary");
            summary.setWrapText(true);
            summary.setMinHeight(Region.USE_PREF_SIZE);
            VBox top = new VBox(4, bar, message, summary);
            setTop(top);
            Label cmd = new Label(command);
            cmd.getStyleClass().add("command");
            cmd.setWrapText(true);
            cmd.setMinHeight(Region.USE_PREF_SIZE);
            cmd.setId(id + "-command");
            empty = new VBox(8, Explanation.of(emptyText), cmd);
            empty.getStyleClass().add("empty-state");
            empty.setId(id + "-empty");
        }

        void showEmpty() {
            summary.setText("");
            summary.setVisible(false);
            summary.setManaged(false);
            setCenter(empty);
        }

        void show(JFreeChart chart, String line) {
            summary.setText(line);
            summary.setVisible(true);
            summary.setManaged(true);
            if (chartBox == null) chartBox = new ChartBox(id + "-chart", chart, notice);
            else chartBox.setChart(chart);
            setCenter(chartBox);
        }

        Label summary() {
            return summary;
        }

        Label message() {
            return message;
        }

        Node emptyState() {
            return empty;
        }
    }
}
