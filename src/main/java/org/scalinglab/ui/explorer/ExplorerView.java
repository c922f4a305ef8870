package org.scalinglab.ui.explorer;

import javafx.beans.property.BooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;


/** The scaling explorer: controls on the left; the architecture table above the charts on the right. */
public final class ExplorerView extends SplitPane {
    final ExplorerViewModel vm;
    public final ControlsPanel controls;
    final ArchitectureTable architecture;
    final ChartsPane charts;
    private final SplitPane right;
    private final ScrollPane top;
    private final BorderPane rightHolder = new BorderPane();
    private final Tab architectureTab = new Tab("Architecture");

    public ExplorerView(ExplorerViewModel vm, BooleanProperty presenter) {
        this.vm = vm;
        setId("explorer");
        controls = new ControlsPanel(vm);
        ScrollPane left = new ScrollPane(controls);
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.getStyleClass().add("controls-scroll");
        architecture = new ArchitectureTable(vm);
        charts = new ChartsPane(vm, presenter);
        top = new ScrollPane(architecture);
        top.setFitToWidth(true);
        top.getStyleClass().add("architecture-scroll");
        right = new SplitPane();
        right.setOrientation(Orientation.VERTICAL);
        // the table section starts at its natural height (nine rows at the current font), the charts take the rest
        right.heightProperty().addListener(o -> fitTable());
        architectureTab.setId("architecture-tab");
        getItems().addAll(left, rightHolder);
        SplitPane.setResizableWithParent(left, false);
        arrange(presenter.get());
        presenter.addListener((o, was, now) -> arrange(now));

        // clicking an MBConv stage row shows its block
        TableView<StageRow> table = architecture.table();
        table.setOnMouseClicked(e -> {
            StageRow row = table.getSelectionModel().getSelectedItem();
            if (row != null && row.isMbConv()) charts.getSelectionModel().select(charts.blockTab);
        });
    }

    /**
     * Normal: the table above the charts. Presenter: with large fonts both do not fit on one screen, so the table
     * becomes the first of the lower tabs and every view gets the full height.
     */
    private void arrange(boolean presenter) {
        rightHolder.setCenter(null);
        if (presenter) {
            right.getItems().clear();
            architectureTab.setContent(top);
            charts.getTabs().add(0, architectureTab);
            charts.getSelectionModel().select(architectureTab);
            rightHolder.setCenter(charts);
            setDividerPositions(0.3);
        } else {
            charts.getTabs().remove(architectureTab);
            architectureTab.setContent(null);
            right.getItems().setAll(top, charts);
            SplitPane.setResizableWithParent(top, false);
            rightHolder.setCenter(right);
            setDividerPositions(0.27);
            javafx.application.Platform.runLater(this::fitTable);
        }
    }

    /** Puts the divider under the table section, keeping at least 35% of the height for the charts. */
    void fitTable() {
        double h = right.getHeight();
        if (h <= 0 || right.getItems().isEmpty()) return;
        architecture.applyCss();
        double want = architecture.prefHeight(right.getWidth()) + 6;
        right.setDividerPositions(Math.min(0.65, want / h));
    }

    /** Brings the architecture table to the front (it is a tab in presenter mode; always visible otherwise). */
    public void showArchitecture() {
        if (charts.getTabs().contains(architectureTab)) charts.getSelectionModel().select(architectureTab);
    }

    /** Brings a lower tab to the front: "paper", "scaling", "block", or else the cost chart (screenshots). */
    public void showChart(String name) {
        Tab tab = switch (name) {
            case "paper" -> charts.paperTab;
            case "scaling" -> charts.scalingTab;
            case "block" -> charts.blockTab;
            default -> charts.costTab;
        };
        charts.getSelectionModel().select(tab);
    }

    /** Selects a stage row and shows its block, as a click would. */
    public void showStage(int stage) {
        TableView<StageRow> table = architecture.table();
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).now().stage() == stage) table.getSelectionModel().select(i);
        }
        if (stage >= 2 && stage <= 8) charts.getSelectionModel().select(charts.blockTab);
    }
}
