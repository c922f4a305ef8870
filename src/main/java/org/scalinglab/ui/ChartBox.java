package org.scalinglab.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.layout.BorderPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.scalinglab.export.FigureWriter;

/** A chart in the JavaFX viewer (tooltips, zoom) with buttons that export it as PNG, SVG or PDF. */
public final class ChartBox extends BorderPane {
    /** Exported charts have this size in points, whatever the window's size, so figures come out alike. */
    public static final int EXPORT_WIDTH = 1000;
    public static final int EXPORT_HEIGHT = 650;
    /** How much larger charts are drawn in presenter mode. */
    public static final double PRESENTER_SCALE = 1.6;

    private final ChartViewer viewer;
    private final ExportBar bar;

    public ChartBox(String id, JFreeChart chart, Consumer<String> onError) {
        setId(id);
        getStyleClass().add("chart-box");
        viewer = new ChartViewer(chart);
        viewer.setMinSize(200, 150);
        setCenter(viewer);
        bar = new ExportBar(id, () -> "this chart (" + EXPORT_WIDTH + "×" + EXPORT_HEIGHT + " points)",
                file -> FigureWriter.write(viewer.getChart(), file, EXPORT_WIDTH, EXPORT_HEIGHT), onError);
        setBottom(bar);
    }

    public ChartViewer viewer() {
        return viewer;
    }

    /** Shows another chart in the same box (the export buttons follow it). */
    public void setChart(JFreeChart chart) {
        viewer.setChart(chart);
    }

    /** Writes the chart to a file; the format follows the extension. */
    public void export(Path file) throws IOException {
        bar.export(file);
    }
}
