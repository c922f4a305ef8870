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
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
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

    /** Points closer than this (in log2 units of x and in top-1 points) share one label, so names do not overprint. */
    private static final double LABEL_MERGE_X = 0.35;
    private static final double LABEL_MERGE_Y = 0.35;

    private final Cost cost;
    private final XYSeries efficientNets = new XYSeries("EfficientNet B0–B7", false);
    private final XYSeries peers = new XYSeries("other ConvNets", false);
    private final List<ImageNetResult> effRows = new ArrayList<>();
    private final List<ImageNetResult> peerRows = new ArrayList<>();
    private final List<String> peerLabels;
    /** Labels sit right of their point (null), else above, else left, whichever is free of other labelled points. */
    private final List<ItemLabelPosition> peerLabelPlaces;
    private static final ItemLabelPosition ABOVE = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER);
    private static final ItemLabelPosition LEFT = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT);
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
        peerLabels = mergedLabels(peerRows);
        peerLabelPlaces = new ArrayList<>();
        for (int i = 0; i < peerRows.size(); i++) peerLabelPlaces.add(crowdedOnTheRight(i) ? (crowdedAbove(i) ? LEFT : ABOVE) : null);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(efficientNets);
        data.addSeries(peers);
        LogAxis x = new LogAxis(cost.axisLabel);
        x.setBase(2);
        x.setTickUnit(new NumberTickUnit(1));
        x.setNumberFormatOverride(new DecimalFormat("0.##"));
        x.setUpperMargin(0.3);
        x.setLowerMargin(0.1);
        NumberAxis y = new NumberAxis("ImageNet top-1 accuracy (%)");
        y.setAutoRangeIncludesZero(false);
        y.setRange(75, 85.5);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer() {
            @Override
            public ItemLabelPosition getPositiveItemLabelPosition(int series, int item) {
                return series == 1 && peerLabelPlaces.get(item) != null ? peerLabelPlaces.get(item)
                        : super.getPositiveItemLabelPosition(series, item);
            }
        };
        r.setDefaultToolTipGenerator((dataset, series, item) -> {
            ImageNetResult row = series == 0 ? effRows.get(item) : peerRows.get(item);
            return String.format(Locale.ROOT, "%s: top-1 %.1f%%, top-5 %.1f%%, %s M params, %s B FLOPs", row.model(),
                    row.top1(), row.top5(), num(row.paramsMillions()), num(row.flopsBillions()));
        });
        r.setDefaultItemLabelGenerator((dataset, series, item) -> series == 0
                ? effRows.get(item).model().replace("EfficientNet-", "") : peerLabels.get(item));
        r.setDefaultItemLabelsVisible(true);
        plot = new XYPlot(data, x, y, r);
        plot.addDomainMarker(marker);
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
        r.setSeriesItemLabelFont(0, ChartStyle.font(Font.BOLD, 12, scale));
        r.setSeriesItemLabelFont(1, ChartStyle.font(Font.PLAIN, 10, scale));
        r.setSeriesItemLabelPaint(0, ChartStyle.OFFICIAL.darker());
        r.setSeriesItemLabelPaint(1, ChartStyle.PEERS.darker());
        r.setSeriesPositiveItemLabelPosition(0, new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_RIGHT));
        r.setSeriesPositiveItemLabelPosition(1, new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    }

    /** One label per cluster of nearby points (names joined), blank for the others of the cluster. */
    private List<String> mergedLabels(List<ImageNetResult> rows) {
        List<String> labels = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            int home = i;
            for (int j = 0; j < i; j++) {
                if (owner.get(j) == j && near(rows.get(i), rows.get(j))) {
                    home = j;
                    break;
                }
            }
            owner.add(home);
            labels.add(home == i ? rows.get(i).model() : "");
            if (home != i) labels.set(home, labels.get(home) + ", " + rows.get(i).model());
        }
        return labels;
    }

    private boolean crowdedOnTheRight(int i) {
        if (peerLabels.get(i).isEmpty()) return false;
        ImageNetResult a = peerRows.get(i);
        for (int j = 0; j < peerRows.size(); j++) {
            ImageNetResult b = peerRows.get(j);
            if (j == i || peerLabels.get(j).isEmpty() || cost.of(b) <= cost.of(a)) continue;
            double octaves = (Math.log(cost.of(b)) - Math.log(cost.of(a))) / Math.log(2);
            if (octaves < 1.2 && Math.abs(a.top1() - b.top1()) < 0.4) return true;
        }
        return false;
    }

    private boolean crowdedAbove(int i) {
        ImageNetResult a = peerRows.get(i);
        for (int j = 0; j < peerRows.size(); j++) {
            ImageNetResult b = peerRows.get(j);
            if (j == i || peerLabels.get(j).isEmpty()) continue;
            double octaves = Math.abs(Math.log(cost.of(b)) - Math.log(cost.of(a))) / Math.log(2);
            double up = b.top1() - a.top1();
            if (octaves < 0.5 && up > 0 && up < 0.6) return true;
        }
        return false;
    }

    private boolean near(ImageNetResult a, ImageNetResult b) {
        double dx = Math.abs(Math.log(cost.of(a)) - Math.log(cost.of(b))) / Math.log(2);
        return dx < LABEL_MERGE_X && Math.abs(a.top1() - b.top1()) < LABEL_MERGE_Y;
    }

    private static String num(double v) {
        if (!Double.isFinite(v)) return "–";
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
