package org.scalinglab.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.scalinglab.export.ChartExport;

/** A chart in the JavaFX viewer (tooltips, zoom) with buttons that export it as PNG, SVG or PDF. */
final class ChartBox extends BorderPane {
    /** Exported charts have this size in points, whatever the window's size, so figures come out alike. */
    static final int EXPORT_WIDTH = 1000;
    static final int EXPORT_HEIGHT = 650;

    private final ChartViewer viewer;
    private final Label status = new Label();

    ChartBox(String id, JFreeChart chart, Consumer<String> onError) {
        setId(id);
        getStyleClass().add("chart-box");
        viewer = new ChartViewer(chart);
        viewer.setMinSize(200, 150);
        setCenter(viewer);
        HBox bar = new HBox(6, new Label("Export:"), button("PNG", "png", onError), button("SVG", "svg", onError),
                button("PDF", "pdf", onError), status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("export-bar");
        setBottom(bar);
    }

    ChartViewer viewer() {
        return viewer;
    }

    /** Writes the chart to a file; the format follows the extension. */
    void export(Path file) throws IOException {
        ChartExport.write(viewer.getChart(), file, EXPORT_WIDTH, EXPORT_HEIGHT);
        status.setText("saved " + file.getFileName());
    }

    private Button button(String text, String extension, Consumer<String> onError) {
        Button b = new Button(text);
        b.setId(getId() + "-export-" + extension);
        b.setTooltip(new Tooltip("Save this chart as " + text + " (" + EXPORT_WIDTH + "×" + EXPORT_HEIGHT + " points)"));
        b.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export chart as " + text);
            chooser.setInitialFileName(getId() + "." + extension);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text, "*." + extension));
            File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            if (file == null) return;
            try {
                export(file.toPath());
            } catch (IOException | RuntimeException ex) {
                onError.accept("Could not save " + file.getName() + ": " + ex.getMessage());
            }
        });
        return b;
    }
}
