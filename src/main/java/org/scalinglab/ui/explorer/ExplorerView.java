package org.scalinglab.ui.explorer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.scalinglab.ui.Density;

/**
 * The scaling explorer: the controls in a side panel on the left (it can be hidden), the architecture table and the
 * charts on the right. Where the window is tall enough the table sits above the charts; in presenter mode, or when the
 * charts would be left less than {@value #MIN_CHART_EM} lines of height, the table becomes the first of the lower tabs
 * and every view gets the full height. The side panel takes {@value #SIDE_EM} em, at most {@value #SIDE_SHARE} of the
 * width, so the table keeps room for its numbers at every size from 1280×720 up.
 */
public final class ExplorerView extends BorderPane {
    /** The charts need this many lines of height under the table, or the table moves into a tab. */
    static final double MIN_CHART_EM = 30;
    static final double SIDE_EM = 25;
    static final double SIDE_MAX_EM = 32;
    static final double SIDE_SHARE = 0.36;

    final ExplorerViewModel vm;
    public final ControlsPanel controls;
    final ArchitectureTable architecture;
    final ChartsPane charts;
    final Button sideToggle = new Button();
    final Label staleNote = new Label();
    private final ScrollPane side;
    private final HBox left;
    private final VBox right = new VBox();
    private final VBox stacked = new VBox();
    private final ScrollPane architectureScroll;
    private final Tab architectureTab = new Tab("Architecture");
    private final Density density;
    private final ReadOnlyBooleanWrapper tabbed = new ReadOnlyBooleanWrapper(this, "tabbed", false);
    private boolean arranged;
    /** The table is what the user looks at (in a tab when tabbed): a short window opens on it, as presenter mode does. */
    private boolean tableInFront = true;

    /** For a view on its own (tests): desk fonts, or presenter fonts while {@code presenter} is on. */
    public ExplorerView(ExplorerViewModel vm, BooleanProperty presenter) {
        this(vm, new Density(presenter));
    }

    public ExplorerView(ExplorerViewModel vm, Density density) {
        this.vm = vm;
        this.density = density;
        setId("explorer");
        controls = new ControlsPanel(vm);
        side = new ScrollPane(controls);
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.getStyleClass().add("controls-scroll");
        // a quarter of the width, between SIDE_EM and SIDE_MAX_EM, and never more than SIDE_SHARE of it
        javafx.beans.binding.DoubleBinding sideWidth = javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double em = density.fontSizeProperty().get();
            double w = getWidth() > 0 ? getWidth() : 1500;
            return Math.min(SIDE_SHARE * w, Math.max(SIDE_EM * em, Math.min(SIDE_MAX_EM * em, 0.25 * w)));
        }, widthProperty(), density.fontSizeProperty());
        side.prefWidthProperty().bind(sideWidth);
        side.maxWidthProperty().bind(sideWidth);
        sideToggle.setId("explorer-side-toggle");
        sideToggle.getStyleClass().add("side-toggle");
        sideToggle.setOnAction(e -> setSideShown(!side.isVisible()));
        sideToggle.setMaxHeight(Double.MAX_VALUE);
        left = new HBox(side, sideToggle);
        left.setFillHeight(true);
        setSideShown(true);

        architecture = new ArchitectureTable(vm);
        charts = new ChartsPane(vm, density.chartScaleProperty());
        architectureScroll = new ScrollPane();
        architectureScroll.setFitToWidth(true);
        architectureScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        architectureScroll.getStyleClass().add("architecture-scroll");
        architectureTab.setId("architecture-tab");
        architectureTab.setContent(architectureScroll);
        architectureTab.setTooltip(new Tooltip("The paper's Table 1 for the network on screen"));
        VBox.setVgrow(charts, Priority.ALWAYS);

        staleNote.setId("explorer-stale");
        staleNote.getStyleClass().addAll("message", "error", "stale-note");
        staleNote.setWrapText(true);
        staleNote.setMinHeight(Region.USE_PREF_SIZE);
        staleNote.setMaxWidth(Double.MAX_VALUE);
        staleNote.visibleProperty().bind(vm.validProperty().not());
        staleNote.managedProperty().bind(staleNote.visibleProperty());
        vm.errorProperty().addListener(o -> showStale());
        showStale();
        right.getChildren().addAll(staleNote, stacked);
        VBox.setVgrow(stacked, Priority.ALWAYS);
        right.setFillWidth(true);

        setLeft(left);
        setCenter(right);
        BorderPane.setAlignment(left, Pos.TOP_LEFT);

        // the arrangement follows the size and presenter mode
        heightProperty().addListener(o -> arrange());
        widthProperty().addListener(o -> arrange());
        density.fontSizeProperty().addListener(o -> arrange());
        density.chartScaleProperty().addListener(o -> arrange());
        arrange();

        charts.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (tabbed.get() && now != null) tableInFront = now == architectureTab;
        });

        // clicking an MBConv stage row shows its block
        TableView<StageRow> table = architecture.table();
        table.setOnMouseClicked(e -> {
            StageRow row = table.getSelectionModel().getSelectedItem();
            if (row != null && row.isMbConv()) charts.getSelectionModel().select(charts.blockTab);
        });
    }

    /** Whether the table is a tab of its own (presenter mode, or a window too short for table and charts together). */
    public ReadOnlyBooleanProperty tabbedProperty() {
        return tabbed.getReadOnlyProperty();
    }

    /** Shows or hides the side panel with the controls (its button stays, as a narrow strip). */
    public void setSideShown(boolean shown) {
        side.setVisible(shown);
        side.setManaged(shown);
        sideToggle.setText(shown ? "◀" : "▶");
        sideToggle.setTooltip(new Tooltip(shown ? "Hide the controls: more room for the table and the charts"
                : "Show the controls (φ, α, β, γ, the models)"));
    }

    public boolean sideShown() {
        return side.isVisible();
    }

    private void showStale() {
        String e = vm.errorProperty().get();
        staleNote.setText(e.isEmpty() ? "" : "Greyed out below: the last valid network ("
                + vm.snapshot().label() + "), not these inputs. " + e);
    }

    /** Picks stacked or tabbed for the current size; a change moves the table and keeps the chart in front. */
    private void arrange() {
        boolean wantTabs = density.presenter() || !roomForBoth();
        if (arranged && wantTabs == tabbed.get()) return;
        arranged = true;
        Tab front = charts.getSelectionModel().getSelectedItem();
        tabbed.set(wantTabs);
        if (wantTabs) {
            stacked.getChildren().setAll(charts);
            architectureScroll.setContent(architecture);
            if (!charts.getTabs().contains(architectureTab)) charts.getTabs().add(0, architectureTab);
            // the table stays in front if it was being looked at (it is the one view with every number)
            if (tableInFront || front == null) charts.getSelectionModel().select(architectureTab);
        } else {
            charts.getTabs().remove(architectureTab);
            architectureScroll.setContent(null);
            stacked.getChildren().setAll(architecture, charts);
            if (front == architectureTab || front == null) charts.getSelectionModel().select(charts.costTab);
        }
    }

    /** Table above charts fits when the charts keep {@value #MIN_CHART_EM} lines under the table's natural height. */
    private boolean roomForBoth() {
        double h = getHeight();
        if (h <= 0) return true;
        double em = density.fontSizeProperty().get();
        double tableHeight = architecture.naturalHeight(getWidth() - left.getWidth(), em);
        return h - tableHeight >= MIN_CHART_EM * em;
    }

    /** Brings the architecture table to the front (it is a tab in presenter mode and in short windows; visible otherwise). */
    public void showArchitecture() {
        tableInFront = true;
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
        tableInFront = false;
        charts.getSelectionModel().select(tab);
    }

    /** Selects a stage row and shows its block, as a click would. */
    public void showStage(int stage) {
        TableView<StageRow> table = architecture.table();
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).now().stage() == stage) table.getSelectionModel().select(i);
        }
        if (stage >= 2 && stage <= 8) {
            tableInFront = false;
            charts.getSelectionModel().select(charts.blockTab);
        }
    }

    /** Whether the last layout pass put the table above the charts (not in a tab). */
    boolean stacked() {
        return !tabbed.get();
    }

    Tab architectureTab() {
        return architectureTab;
    }
}
