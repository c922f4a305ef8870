package org.scalinglab.ui.explorer;

import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.scalinglab.arch.CostModel;
import org.scalinglab.arch.StageCost;
import org.scalinglab.ui.Fit;
import org.scalinglab.ui.Fmt;

/**
 * The paper's Table 1 for the network on screen (stage, operator, resolution, channels, layers) with parameters and
 * multiply-adds per stage; cells that differ from B0 are highlighted and show B0's value on hover. Totals below.
 */
final class ArchitectureTable extends VBox {
    private final ExplorerViewModel vm;
    private final TableView<StageRow> table = new TableView<>();
    private final Label params = new Label();
    private final Label macs = new Label();
    private final Label memory = new Label();
    private final Label paper = new Label();
    private final Label title = new Label();
    private final Label network = new Label();
    private final ComparisonGrid comparison;
    /** Once the user picked a row, it stays selected across recomputes. */
    private int keptStage = -1;

    ArchitectureTable(ExplorerViewModel vm) {
        this.vm = vm;
        getStyleClass().add("architecture");
        setSpacing(6);
        title.getStyleClass().add("section-title");
        title.setId("architecture-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);

        table.setId("architecture-table");
        table.setItems(vm.rows());
        table.getColumns().add(column("Stage", r -> String.valueOf(r.now().stage()), r -> false, null, 0.6));
        table.getColumns().add(column("Operator", r -> r.now().operator(), r -> false, null, 2.2));
        table.getColumns().add(column("Resolution", r -> side(r.now()), StageRow::resolutionChanged, r -> side(r.b0()), 1.2));
        table.getColumns().add(column("Channels", r -> String.valueOf(r.now().channels()), StageRow::channelsChanged,
                r -> String.valueOf(r.b0().channels()), 1));
        table.getColumns().add(column("Layers", r -> String.valueOf(r.now().layers()), StageRow::layersChanged,
                r -> String.valueOf(r.b0().layers()), 0.8));
        table.getColumns().add(column("Params", r -> Fmt.count(r.now().params()), StageRow::paramsChanged,
                r -> Fmt.count(r.b0().params()), 1.4));
        table.getColumns().add(column("Multiply-adds", r -> Fmt.macs(r.now().macs()), StageRow::macsChanged,
                r -> Fmt.macs(r.b0().macs()), 1.4));
        table.getColumns().forEach(c -> c.setSortable(false));
        // every number whole at any window size: the columns fit their cells, the font shrinks before a cell is cut
        Fit.table(table, 0.7);
        table.setPlaceholder(new Label("no network"));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) keptStage = now.now().stage();
            if (now != null && now.isMbConv()) vm.selectedStageProperty().set(now.now().stage());
        });
        // setAll replaces the rows: keep the selected stage selected
        vm.rows().addListener((javafx.collections.ListChangeListener<StageRow>) c -> reselect());

        params.setId("total-params");
        macs.setId("total-macs");
        memory.setId("total-memory");
        paper.setId("total-paper");
        network.setId("total-network");
        network.getStyleClass().add("totals-network");
        for (Label l : new Label[] {network, params, macs, memory, paper}) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        FlowPane totals = new FlowPane(24, 4, network, params, macs, memory, paper);
        totals.getStyleClass().add("totals");
        comparison = new ComparisonGrid(vm);
        // exactly the nine rows and the header, whatever the font size
        table.prefHeightProperty().bind(table.fixedCellSizeProperty().multiply(9).add(table.fixedCellSizeProperty().multiply(1.25)).add(4));
        table.minHeightProperty().bind(table.prefHeightProperty());
        table.maxHeightProperty().bind(table.prefHeightProperty());
        getChildren().addAll(title, table, comparison, totals);
        vm.snapshotProperty().addListener(o -> showTotals());
        vm.validProperty().addListener(o -> pseudoClassStale());
        showTotals();
        pseudoClassStale();
    }

    TableView<StageRow> table() {
        return table;
    }

    private void reselect() {
        int stage = keptStage;
        if (stage < 0) return;
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).now().stage() == stage) table.getSelectionModel().select(i);
        }
    }

    /** Greys the table, the comparison and the totals while they show the last valid network, not the inputs. */
    private void pseudoClassStale() {
        boolean stale = !vm.validProperty().get();
        if (stale && !getStyleClass().contains("stale")) getStyleClass().add("stale");
        if (!stale) getStyleClass().remove("stale");
        title.setText(stale ? "Architecture of the last valid network (greyed out: the current inputs give none)"
                : "Architecture (the paper's Table 1), recomputed live; highlighted cells differ from B0");
    }

    /** The section's height at its natural size for this width, or an estimate before its first layout. */
    double naturalHeight(double width, double em) {
        double h = prefHeight(width > 0 ? width : -1);
        return h > 0 ? h : 31 * em;
    }

    private void showTotals() {
        ExplorerViewModel.Snapshot s = vm.snapshot();
        CostModel c = s.cost();
        CostModel b0 = ExplorerViewModel.b0();
        // which network the totals belong to: the official one or the formula's
        network.setText(s.official() != null ? "Official " + s.label() + " (published d, w, r):"
                : "Formula network " + s.label() + " (α^φ, β^φ, γ^φ):");
        params.setText("Parameters: " + Fmt.count(c.params()) + " total, " + Fmt.count(c.trainableParams()) + " trainable");
        macs.setText("Multiply-adds: " + Fmt.giga(c.macs()) + " (" + Fmt.fixed(c.macs() / (double) b0.macs(), 2) + "× B0)");
        memory.setText("Activations: " + Fmt.fixed(c.activationBytes() / 1e6, 1) + " MB (batch 1, float32)");
        if (s.official() != null && s.comparison().official() != null) {
            var p = s.comparison().official().paper();
            paper.setText("Paper: " + Fmt.plain(p.paramsMillions()) + " M params, " + Fmt.plain(p.flopsBillions())
                    + " B FLOPs, top-1 " + Fmt.plain(p.top1()) + "%");
        } else {
            paper.setText(s.network().resolution() + " px input, " + s.network().blocks().size() + " MBConv blocks");
        }
    }

    private static String side(StageCost s) {
        return s.resolution() + "×" + s.resolution();
    }

    private static TableColumn<StageRow, StageRow> column(String title, Function<StageRow, String> text,
                                                          Predicate<StageRow> changed, Function<StageRow, String> b0,
                                                          double weight) {
        TableColumn<StageRow, StageRow> col = new TableColumn<>(title);
        col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(StageRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("changed");
                if (empty || row == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(text.apply(row));
                if (changed.test(row)) {
                    getStyleClass().add("changed");
                    setTooltip(new Tooltip("B0: " + b0.apply(row)));
                } else {
                    setTooltip(null);
                }
            }
        });
        col.setId(title);
        col.setReorderable(false);
        return col;
    }
}
