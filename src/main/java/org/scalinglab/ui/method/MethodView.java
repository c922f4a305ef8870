package org.scalinglab.ui.method;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import org.scalinglab.ui.Density;
import org.scalinglab.ui.Fit;

/**
 * How EfficientNet was found, in the paper's order: the search reward that picked B0, Step 1 (the α, β, γ grid at
 * φ = 1) and Step 2 (scaling up with φ). Search results come from the bundled assets/search/ or a file the user opens.
 */
public final class MethodView extends BorderPane {
    final RewardPanel reward;
    final GridPanel grid;
    final SweepPanel sweep;
    final TabPane tabs = new TabPane();
    final Tab rewardTab;
    final Tab gridTab;
    final Tab sweepTab;
    /** Notices about typed values and exports, shown above the tabs until the next one. */
    final StringProperty notice = new SimpleStringProperty(this, "notice", "");

    public MethodView(BooleanProperty presenter) {
        this(new Density(presenter));
    }

    public MethodView(Density density) {
        this(new RewardViewModel(), new GridViewModel(), density);
        grid.vm.loadBundled();
        sweep.report.loadBundled();
    }

    MethodView(RewardViewModel rewardModel, GridViewModel gridModel, BooleanProperty presenter) {
        this(rewardModel, gridModel, new Density(presenter));
    }

    MethodView(RewardViewModel rewardModel, GridViewModel gridModel, Density density) {
        setId("method");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        reward = new RewardPanel(rewardModel, notice::set);
        grid = new GridPanel(gridModel, notice::set, density.fontSizeProperty());
        sweep = new SweepPanel(notice::set);
        rewardTab = new Tab("Finding B0: the search reward", reward);
        rewardTab.setId("method-reward-tab");
        gridTab = new Tab("Step 1: the α, β, γ grid", grid);
        gridTab.setId("method-grid-tab");
        sweepTab = new Tab("Step 2: scaling up with φ", sweep);
        sweepTab.setId("method-sweep-tab");
        tabs.getTabs().addAll(rewardTab, gridTab, sweepTab);
        Label message = new Label();
        message.setId("method-message");
        message.getStyleClass().addAll("message", "notice");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(notice);
        message.visibleProperty().bind(notice.isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        setTop(message);
        setCenter(tabs);
        Fit.tabs(tabs, 0.7);
        density.chartScaleProperty().addListener(o -> style(density.chartScaleProperty().get()));
        if (density.chartScaleProperty().get() != 1) style(density.chartScaleProperty().get());
    }

    /**
     * Brings "reward", "grid" or "sweep" to the front and draws it at once; a report file, if given, replaces the one
     * shown (screenshots).
     */
    public void show(String step, Path report) {
        switch (step) {
            case "grid" -> {
                if (report != null) grid.vm.load(report);
                tabs.getSelectionModel().select(gridTab);
                grid.redrawNow();
            }
            case "sweep" -> {
                if (report != null) sweep.report.load(report);
                tabs.getSelectionModel().select(sweepTab);
            }
            default -> {
                tabs.getSelectionModel().select(rewardTab);
                reward.redrawNow();
            }
        }
    }

    private void style(double scale) {
        reward.style(scale);
        grid.style(scale);
        sweep.style(scale);
    }
}
