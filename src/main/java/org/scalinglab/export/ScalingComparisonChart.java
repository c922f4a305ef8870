package org.scalinglab.export;

import java.awt.Color;
import java.awt.Font;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.scalinglab.scaling.PaperTables;
import org.scalinglab.scaling.PaperTables.ScalingResult;

/**
 * The paper's Tables 3 and 5: how many top-1 points each way of scaling adds to its baseline at about the same
 * FLOPs. Bars start at zero (the gain), so a short bar is a small gain; the absolute numbers are in the tooltips.
 */
public final class ScalingComparisonChart {
    static final List<String> KINDS = List.of("Depth", "Width", "Resolution", "Compound");
    private static final Color[] COLORS = {new Color(0x9467bd), new Color(0x8c564b), new Color(0x17becf), ChartStyle.OFFICIAL};

    private final Map<String, ScalingResult> byKey = new HashMap<>();
    private final Map<String, ScalingResult> baselines = new HashMap<>();
    private final JFreeChart chart;
    private final CategoryPlot plot;

    public ScalingComparisonChart() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<ScalingResult> rows = new java.util.ArrayList<>(PaperTables.table5());
        rows.addAll(PaperTables.table3());
        for (ScalingResult r : rows) {
            if (r.variant().startsWith("Baseline")) baselines.put(r.family(), r);
        }
        for (ScalingResult r : rows) {
            String kind = kind(r);
            if (kind == null) continue;
            ScalingResult base = baselines.get(r.family());
            data.addValue(r.top1() - base.top1(), kind, r.family());
            byKey.put(kind + "|" + r.family(), r);
        }
        for (String family : baselines.keySet()) {
            for (String k : KINDS) {
                if (!byKey.containsKey(k + "|" + family)) data.addValue(null, k, family);
            }
        }
        BarRenderer r = new BarRenderer();
        r.setDefaultToolTipGenerator((dataset, row, column) -> {
            String kind = (String) dataset.getRowKey(row);
            String family = (String) dataset.getColumnKey(column);
            ScalingResult s = byKey.get(kind + "|" + family);
            if (s == null) return family + ": the paper has no " + kind.toLowerCase(Locale.ROOT) + "-only model";
            ScalingResult b = baselines.get(family);
            return String.format(Locale.ROOT, "%s, %s: top-1 %.1f%% (baseline %.1f%%, %+.1f), %.1f B FLOPs (baseline %.1f B)",
                    family, s.variant(), s.top1(), b.top1(), s.top1() - b.top1(), s.flopsBillions(), b.flopsBillions());
        });
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat("+0.0")));
        r.setDefaultItemLabelsVisible(true);
        r.setItemMargin(0.05);
        NumberAxis y = new NumberAxis("top-1 gain over the baseline (points)");
        y.setAutoRangeIncludesZero(true);
        y.setUpperMargin(0.12);
        plot = new CategoryPlot(data, new CategoryAxis(null), y, r);
        chart = new JFreeChart("One dimension vs compound scaling (paper Tables 3 and 5)", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        style(1.0);
    }

    public JFreeChart chart() {
        return chart;
    }

    public void style(double scale) {
        ChartStyle.apply(chart, scale);
        ChartStyle.setNote(chart, "each group: one baseline scaled to about the same FLOPs in each way; hover a bar for the numbers",
                scale);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        for (int i = 0; i < COLORS.length; i++) r.setSeriesPaint(i, COLORS[i]);
        r.setDefaultItemLabelFont(ChartStyle.font(Font.BOLD, 12, scale));
    }

    /** "Depth (d=4)" -> Depth; null for the baseline. */
    static String kind(ScalingResult r) {
        for (String k : KINDS) {
            if (r.variant().startsWith(k)) return k;
        }
        return null;
    }
}
