package org.scalinglab.ui;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * A tab whose content joins the scene when the tab is first selected. A TabPane styles and lays out the content of
 * every tab, shown or not, so content nobody has looked at yet only slows the first frame.
 */
public final class LazyTab {
    private LazyTab() {
    }

    public static void content(Tab tab, Supplier<? extends Node> content) {
        if (tab.isSelected()) {
            tab.setContent(content.get());
            return;
        }
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now && tab.getContent() == null) tab.setContent(content.get());
        });
    }
}
