package org.scalinglab.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The study's result as a chart: validation top-1 against multiply-adds, one labelled point per model. */
public final class StudyChart {

    /** One point: the model's label, its multiply-adds and its top-1 (0..1). */
    public record Point(String label, long macs, double top1) {
    }

    private StudyChart() {
    }

    public static JFreeChart chart(String title, List<Point> points) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Point p : points) {
            XYSeries s = new XYSeries(p.label());
            s.add(p.macs() / 1e6, 100 * p.top1());
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "Multiply-adds (millions)", "Validation top-1 (%)", data,
                PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        plot.setRenderer(r);
        for (Point p : points) {
            XYTextAnnotation a = new XYTextAnnotation(String.format("%s %.1f%%", p.label(), 100 * p.top1()), p.macs() / 1e6, 100 * p.top1());
            a.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            a.setTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(a);
        }
        r.setDefaultStroke(new BasicStroke(2f));
        return chart;
    }

    /** PNG (at the dpi), SVG or PDF by extension. */
    public static void write(Path out, JFreeChart chart, int dpi) throws IOException {
        FigureWriter.write(out, 640, 420, dpi, g -> chart.draw(g, new Rectangle2D.Double(0, 0, 640, 420)));
    }
}
