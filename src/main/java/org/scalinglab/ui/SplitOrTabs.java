package org.scalinglab.ui;

import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;

/**
 * Two views one above the other where the height gives each at least {@code minEm} lines, otherwise as two tabs (a
 * 720-pixel projector in presenter mode): a chart squeezed to a strip helps nobody, a click to the other one does.
 */
public final class SplitOrTabs extends StackPane {
    private final Node first;
    private final Node second;
    private final SplitPane split = new SplitPane();
    private final TabPane tabs = new TabPane();
    private final Tab firstTab;
    private final Tab secondTab;
    private final double minEm;
    private final double divider;
    private final ObservableDoubleValue fontSize;
    private Boolean splitShown;

    public SplitOrTabs(String id, Node first, String firstTitle, Node second, String secondTitle, double minEm, double divider,
                       ObservableDoubleValue fontSize) {
        this.first = first;
        this.second = second;
        this.minEm = minEm;
        this.divider = divider;
        this.fontSize = fontSize;
        setId(id);
        split.setOrientation(Orientation.VERTICAL);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId(id + "-tabs");
        firstTab = new Tab(firstTitle);
        secondTab = new Tab(secondTitle);
        firstTab.setId(id + "-first");
        secondTab.setId(id + "-second");
        tabs.getTabs().addAll(firstTab, secondTab);
        Fit.tabs(tabs, 0.7);
        heightProperty().addListener(o -> arrange());
        fontSize.addListener(o -> arrange());
        arrange();
    }

    /** Whether the two views are one above the other now (else in tabs). */
    public boolean isSplit() {
        return Boolean.TRUE.equals(splitShown);
    }

    /** Brings the second view to the front when the two are tabs. */
    public void showSecond() {
        tabs.getSelectionModel().select(secondTab);
    }

    private void arrange() {
        double h = getHeight();
        boolean wantSplit = h <= 0 || h >= 2 * minEm * fontSize.get();
        if (splitShown != null && splitShown == wantSplit) return;
        splitShown = wantSplit;
        if (wantSplit) {
            firstTab.setContent(null);
            secondTab.setContent(null);
            split.getItems().setAll(first, second);
            split.setDividerPositions(divider);
            getChildren().setAll(split);
        } else {
            split.getItems().clear();
            firstTab.setContent(first);
            secondTab.setContent(second);
            getChildren().setAll(tabs);
        }
    }
}
