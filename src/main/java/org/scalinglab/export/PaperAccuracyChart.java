package org.scalinglab.export;

import java.awt.BasicStroke;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scalinglab.scaling.PaperTables;
import org.scalinglab.scaling.PaperTables.ImageNetResult;

/**
 * The paper's Table 2 as its Figures 1 and 5: ImageNet top-1 against parameters or against FLOPs (multiply-adds),
 * log x axis, EfficientNet-B0..B7 as a connected series, the other ConvNets as labelled points, and the network on
 * screen as a vertical line.
 */
public final class PaperAccuracyChart {

    /** Which cost goes on the x axis. */
    public enum Cost {
        PARAMS("parameters (millions, log scale)", "M params"),
        FLOPS("FLOPs = multiply-adds (billions, log scale)", "B FLOPs");

        final String axisLabel;
        final String unit;

        Cost(String axisLabel, String unit) {
            this.axisLabel = axisLabel;
            this.unit = unit;
        }

        double of(ImageNetResult r) {
            return this == PARAMS ? r.paramsMillions() : r.flopsBillions();
        }
    }

    private final Cost cost;
    private final XYSeries efficientNets = new XYSeries("EfficientNet B0–B7", false);
    private final XYSeries peers = new XYSeries("other ConvNets", false);
    private final List<ImageNetResult> effRows = new ArrayList<>();
    private final List<ImageNetResult> peerRows = new ArrayList<>();
    /** The names beside the points, placed in pixels so that none overprints another (see {@link PointLabels}). */
    private final PointLabels names = new PointLabels();
    private final ValueMarker marker = ChartStyle.currentMarker("this network");
    private final JFreeChart chart;
    private final XYPlot plot;

    public PaperAccuracyChart(Cost cost) {
        this.cost = cost;
        for (ImageNetResult r : PaperTables.table2()) {
            double x = cost.of(r);
            if (!Double.isFinite(x)) continue;  // GPipe has no FLOPs in the paper
            if (r.isEfficientNet()) {
                efficientNets.add(x, r.top1());
                effRows.add(r);
            } else {
                peers.add(x, r.top1());
                peerRows.add(r);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(efficientNets);
        data.addSeries(peers);
        LogAxis x = new LogAxis(cost.axisLabel);
        x.setBase(2);
        x.setTickUnit(new NumberTickUnit(1));
        x.setNumberFormatOverride(new DecimalFormat("0.##"));
        x.setUpperMargin(0.3);
        x.setLowerMargin(0.1);
        // short enough for a short plot (a longer axis label is cut by the plot's height)
        NumberAxis y = new NumberAxis("ImageNet top-1 (%)");
        y.setAutoRangeIncludesZero(false);
        y.setRange(75, 86);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setDefaultToolTipGenerator((dataset, series, item) -> {
            ImageNetResult row = series == 0 ? effRows.get(item) : peerRows.get(item);
            return String.format(Locale.ROOT, "%s: top-1 %.1f%%, top-5 %.1f%%, %s M params, %s B FLOPs", row.model(),
                    row.top1(), row.top5(), num(row.paramsMillions()), num(row.flopsBillions()));
        });
        plot = new XYPlot(data, x, y, r);
        plot.addDomainMarker(marker);
        r.addAnnotation(names, org.jfree.chart.ui.Layer.FOREGROUND);
        names.setKeepOut((g2, p, area) -> markerLabelBox(g2, p, area));
        String title = cost == Cost.PARAMS ? "Accuracy vs parameters (paper Table 2)" : "Accuracy vs FLOPs (paper Table 2)";
        chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        style(1.0);
    }

    public JFreeChart chart() {
        return chart;
    }

    public Cost cost() {
        return cost;
    }

    /** Marks the network on screen: its parameters in millions or its multiply-adds in billions. */
    public void setCurrent(double value, String label) {
        marker.setValue(value);
        marker.setLabel(String.format(Locale.ROOT, " %s: %.2f %s", label, value, cost.unit));
    }

    /** Removes the marker (the inputs give no network: the last valid one must not look current). */
    public void clearCurrent() {
        marker.setValue(Double.NaN);
        marker.setLabel(null);
    }

    /** Whether a network is marked. */
    public boolean hasCurrent() {
        return Double.isFinite(marker.getValue());
    }

    public void style(double scale) {
        ChartStyle.apply(chart, scale);
        ChartStyle.setNote(chart, "Tan & Le 2019; hover a point for its numbers", scale);
        marker.setLabelFont(ChartStyle.font(Font.BOLD, 12, scale));
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        r.setSeriesPaint(0, ChartStyle.OFFICIAL);
        r.setSeriesStroke(0, new BasicStroke((float) (2.5 * scale)));
        r.setSeriesShape(0, ShapeUtils.createDiamond((float) (5 * scale)));
        r.setSeriesShapesVisible(0, true);
        r.setSeriesLinesVisible(0, true);
        r.setSeriesPaint(1, ChartStyle.PEERS);
        r.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-4 * scale, -4 * scale, 8 * scale, 8 * scale));
        r.setSeriesShapesVisible(1, true);
        r.setSeriesLinesVisible(1, false);
        // B0..B7 first, then the other networks from the most accurate down: the ones placed first never give way
        List<PointLabels.Label> labels = new ArrayList<>();
        Font eff = ChartStyle.font(Font.BOLD, 12, scale);
        Font peer = ChartStyle.font(Font.PLAIN, 10, scale);
        for (ImageNetResult e : effRows) {
            labels.add(new PointLabels.Label(cost.of(e), e.top1(), e.model().replace("EfficientNet-", ""), eff,
                    ChartStyle.OFFICIAL.darker()));
        }
        List<ImageNetResult> byAccuracy = new ArrayList<>(peerRows);
        byAccuracy.sort(java.util.Comparator.comparingDouble(ImageNetResult::top1).reversed());
        for (ImageNetResult p : byAccuracy) {
            labels.add(new PointLabels.Label(cost.of(p), p.top1(), p.model(), peer, ChartStyle.PEERS.darker()));
        }
        names.setPointRadius(5.5 * scale);
        names.setLabels(labels);
    }

    /** The names and where they went in the last drawing (tests). */
    PointLabels names() {
        return names;
    }

    /** The box of the "this network" marker's label at the top of the plot, which no name may cover. */
    private List<java.awt.geom.Rectangle2D> markerLabelBox(java.awt.Graphics2D g2, XYPlot p, java.awt.geom.Rectangle2D area) {
        String text = marker.getLabel();
        double v = marker.getValue();
        if (text == null || !Double.isFinite(v) || !p.getDomainAxis().getRange().contains(v)) return List.of();
        double px = p.getDomainAxis().valueToJava2D(v, area, p.getDomainAxisEdge());
        g2.setFont(marker.getLabelFont());
        java.awt.FontMetrics fm = g2.getFontMetrics();
        double w = fm.stringWidth(text) + 10;
        double h = fm.getAscent() + fm.getDescent() + 8;
        return List.of(new java.awt.geom.Rectangle2D.Double(px, area.getMinY(), w, h),
                new java.awt.geom.Rectangle2D.Double(px - 3, area.getMinY(), 6, area.getHeight()));
    }

    private static String num(double v) {
        if (!Double.isFinite(v)) return "–";
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
