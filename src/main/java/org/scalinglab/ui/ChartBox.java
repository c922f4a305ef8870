package org.scalinglab.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.layout.BorderPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.scalinglab.export.FigureWriter;

/** A chart in the JavaFX viewer (tooltips, zoom) with buttons that export it as PNG, SVG or PDF. */
final class ChartBox extends BorderPane {
    /** Exported charts have this size in points, whatever the window's size, so figures come out alike. */
    static final int EXPORT_WIDTH = 1000;
    static final int EXPORT_HEIGHT = 650;

    private final ChartViewer viewer;
    private final ExportBar bar;

    ChartBox(String id, JFreeChart chart, Consumer<String> onError) {
        setId(id);
        getStyleClass().add("chart-box");
        viewer = new ChartViewer(chart);
        viewer.setMinSize(200, 150);
        setCenter(viewer);
        bar = new ExportBar(id, () -> "this chart (" + EXPORT_WIDTH + "×" + EXPORT_HEIGHT + " points)",
                file -> FigureWriter.write(viewer.getChart(), file, EXPORT_WIDTH, EXPORT_HEIGHT), onError);
        setBottom(bar);
    }

    ChartViewer viewer() {
        return viewer;
    }

    /** Shows another chart in the same box (the export buttons follow it). */
    void setChart(JFreeChart chart) {
        viewer.setChart(chart);
    }

    /** Writes the chart to a file; the format follows the extension. */
    void export(Path file) throws IOException {
        bar.export(file);
    }
}
