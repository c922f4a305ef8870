package org.scalinglab.ui.cam;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;
import org.scalinglab.cam.Colormap;
import org.scalinglab.app.ComparisonResult;
import org.scalinglab.cam.CamMethods;
import org.scalinglab.cam.Heatmap;

/**
 * The colour scale: low ▮▮▮ high, and what the maps are: method, layer, and which maps share one scale (the models of
 * an image, each map, or all). The text wraps rather than being cut.
 */
final class ColorLegend extends HBox {
    /** Enough gradient stops that jet's kinks fall on one (its break points are not on a coarser grid). */
    private static final int STOPS = 64;
    private final Rectangle bar = new Rectangle(220, 14);
    private final Label title = new Label();

    ColorLegend() {
        super(8);
        setId("cam-legend");
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("cam-legend");
        bar.setStroke(Color.web("#8a959f"));
        bar.setStrokeWidth(0.5);
        title.setId("cam-legend-title");
        title.getStyleClass().add("explain");
        Label low = new Label("low");
        Label high = new Label("high");
        low.setMinWidth(USE_PREF_SIZE);
        high.setMinWidth(USE_PREF_SIZE);
        title.setMinWidth(0);
        title.setWrapText(true);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(low, bar, high, title);
    }

    /**
     * @param scale    the scale chosen, named while there are no maps yet
     * @param outdated the maps on screen are not those of the current settings (their cells say so)
     */
    void show(Colormap colormap, ComparisonResult result, Heatmap.Scaling scale, boolean outdated) {
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i <= STOPS; i++) {
            double[] c = colormap.color(i / (double) STOPS);
            stops.add(new Stop(i / (double) STOPS, Color.color(c[0], c[1], c[2])));
        }
        bar.setFill(new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops));
        if (result == null) {
            title.setText(scale.phrase());
        } else {
            title.setText((outdated ? "Out of date, until the new maps are there: " : "") + CamMethods.describe(result.method()).title()
                    + " at " + result.layer() + " · " + result.scaling().phrase()
                    + " · colour covers the square each model sees");
        }
    }
}
