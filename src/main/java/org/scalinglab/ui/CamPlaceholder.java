package org.scalinglab.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.VBox;

/** Where the CAM comparison will live; it says plainly that it needs a model and shows nothing made up. */
final class CamPlaceholder {
    private CamPlaceholder() {
    }

    static Tab create() {
        Label title = new Label("CAM comparison");
        title.getStyleClass().add("section-title");
        Label text = new Label("Needs a model: coming with the TensorFlow runtime.\n"
                + "Here you will drop a photo and see where the compound-scaled EfficientNet looks (Grad-CAM), beside "
                + "width-only, depth-only and resolution-only variants of equal cost.");
        text.setWrapText(true);
        text.setMaxWidth(700);
        VBox box = new VBox(12, title, text);
        box.setAlignment(Pos.CENTER);
        box.setId("cam-placeholder");
        Tab tab = new Tab("CAM comparison", box);
        tab.setId("cam-tab");
        tab.setClosable(false);
        return tab;
    }
}
