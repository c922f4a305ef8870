package org.scalinglab.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** The small wrapped text that explains a control or a chart. */
public final class Explanation {
    private Explanation() {
    }

    public static Label of(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("explain");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
