package org.scalinglab.ui;

import java.awt.BasicStroke;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scalinglab.export.ChartStyle;
import org.scalinglab.train.GridSearchReport;
import org.scalinglab.train.SweepReport;

/**
 * The charts of the search results, in one place.
 *
 * <p>PLACEHOLDER for the merge: {@code export.GridChart.chart(GridSearchReport)} and
 * {@code export.SweepChart.chart(SweepReport)} (written on the grid-search/sweep branch) replace the two bodies below;
 * nothing else in the window draws grid or sweep results. Until then each is the plainest plot of the report.
 */
final class SearchCharts {
    private SearchCharts() {
    }

    /** PLACEHOLDER: becomes {@code GridChart.chart(r)} (then ChartStyle.apply(chart, scale)). */
    static JFreeChart grid(GridSearchReport r, double scale) {
        XYSeries trained = new XYSeries("trained candidates", false);
        for (GridSearchReport.Candidate c : r.candidates()) if (c.trained()) trained.add(c.macs() / 1e6, 100 * c.top1());
        XYPlot plot = new XYPlot(new XYSeriesCollection(trained), axis("multiply-adds (millions)"), accuracy(),
                new XYLineAndShapeRenderer(false, true));
        JFreeChart chart = new JFreeChart("Grid search: top-1 of each candidate (placeholder chart)", plot);
        ChartStyle.apply(chart, scale);
        return chart;
    }

    /** PLACEHOLDER: becomes {@code SweepChart.chart(r)} (then ChartStyle.apply(chart, scale)). */
    static JFreeChart sweep(SweepReport r, double scale) {
        Map<String, XYSeries> modes = new LinkedHashMap<>();
        for (SweepReport.Point p : r.points()) {
            if (!p.trained()) continue;
            modes.computeIfAbsent(p.mode(), m -> new XYSeries(m, true)).add(p.macs() / 1e6, 100 * p.top1());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        modes.values().forEach(data::addSeries);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setDefaultStroke(new BasicStroke(2f));
        XYPlot plot = new XYPlot(data, new LogAxis("multiply-adds (millions, log scale)"), accuracy(), renderer);
        JFreeChart chart = new JFreeChart("Scale-up sweep: top-1 against multiply-adds (placeholder chart)", plot);
        ChartStyle.apply(chart, scale);
        return chart;
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    private static NumberAxis accuracy() {
        return axis("top-1 accuracy (%)");
    }
}
