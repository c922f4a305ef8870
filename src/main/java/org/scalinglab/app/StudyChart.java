package org.scalinglab.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.scalinglab.export.ChartStyle;
import org.scalinglab.export.FigureWriter;
import org.scalinglab.train.ReportText;
import org.scalinglab.train.ScalingStudy;

/**
 * The study's result as the small-scale version of the paper's Figure 7 comparison: one horizontal bar per model,
 * its validation top-1, labelled with the model and its multiply-adds. Four of the five models have (nearly) the
 * same cost, so bars read better than points on a cost axis, where they would sit on top of each other.
 * Colours follow the sweep chart's (compound red, width blue, depth green, resolution orange, base grey).
 */
public final class StudyChart {
    static final Map<String, Color> COLOURS = Map.of("base", new Color(0x8c8c8c), "compound", ChartStyle.OFFICIAL,
            "width", ChartStyle.FORMULA, "depth", ChartStyle.PREDICTED, "resolution", ChartStyle.CURRENT);
    private static final String SERIES = "validation top-1";

    private StudyChart() {
    }

    public static JFreeChart chart(ScalingStudy.Report report) {
        return chart(report, 1);
    }

    /** @param scale font scale (presenter mode draws larger) */
    public static JFreeChart chart(ScalingStudy.Report report, double scale) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<ScalingStudy.Entry> models = report.models();
        for (ScalingStudy.Entry e : models) data.addValue(e.trained() ? (Double) (100 * e.top1()) : null, SERIES, category(e));
        NumberAxis top1 = new NumberAxis("validation top-1 (%)");
        top1.setRange(0, 100);
        CategoryAxis names = new CategoryAxis(null);
        names.setMaximumCategoryLabelLines(2);
        names.setMaximumCategoryLabelWidthRatio(0.35f);
        BarRenderer bars = new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return COLOURS.getOrDefault(models.get(column).kind(), Color.GRAY);
            }
        };
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2} %", new java.text.DecimalFormat("0.0")));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        bars.setItemLabelAnchorOffset(4);
        bars.setMaximumBarWidth(0.14);
        bars.setShadowVisible(false);
        CategoryPlot plot = new CategoryPlot(data, names, top1, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeGridlinesVisible(true);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        plot.addRangeMarker(chance(report.classes().size()), org.jfree.chart.ui.Layer.BACKGROUND);
        JFreeChart chart = new JFreeChart(String.format(Locale.ROOT, "Scaling study at φ = %s: α=%s, β=%s, γ=%s",
                ReportText.number(report.phi()), ReportText.number(report.alpha()), ReportText.number(report.beta()),
                ReportText.number(report.gamma())), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartStyle.apply(chart, scale); // the theme resets the renderer's fonts: set the item labels' after it
        bars.setDefaultItemLabelFont(ChartStyle.font(Font.BOLD, 12, scale));
        bars.setDefaultItemLabelPaint(Color.DARK_GRAY);
        ChartStyle.setNote(chart, note(report), scale);
        return chart;
    }

    /** A dashed line at 1 / classes: what guessing scores. */
    private static ValueMarker chance(int classes) {
        ValueMarker m = new ValueMarker(100.0 / classes, Color.GRAY, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {5f, 4f}, 0f));
        m.setLabel(String.format(Locale.ROOT, "chance %s %%", ReportText.number(100.0 / classes)));
        m.setLabelFont(ChartStyle.font(Font.PLAIN, 10, 1));
        m.setLabelPaint(Color.DARK_GRAY);
        m.setLabelBackgroundColor(Color.WHITE);
        m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        return m;
    }

    /** "Width only 92.6 M mult-adds"; a model not trained says so. */
    private static String category(ScalingStudy.Entry e) {
        return String.format(Locale.ROOT, "%s %.1f M mult-adds%s", e.label(), e.macs() / 1e6, e.trained() ? "" : " (not trained)");
    }

    private static String note(ScalingStudy.Report report) {
        long trained = report.models().stream().filter(ScalingStudy.Entry::trained).count();
        int epochs = report.models().stream().filter(ScalingStudy.Entry::trained).mapToInt(ScalingStudy.Entry::epochs).max().orElse(0);
        ScalingStudy.Entry base = report.models().get(0);
        String note = String.format(Locale.ROOT, "%d of %d models trained, %d epoch%s each, %d classes; base w=%s d=%s %d px; "
                        + "the others matched to the compound multiply-adds", trained, report.models().size(), epochs, epochs == 1 ? "" : "s",
                report.classes().size(), ReportText.number(base.width()), ReportText.number(base.depth()), base.resolution());
        for (ScalingStudy.Repeat r : report.repeats()) {
            if (r.trained()) note += String.format(Locale.ROOT, "; the base again with seed %d: %.1f %%", r.seed(), 100 * r.top1());
        }
        return note;
    }

    /** PNG (at the dpi), SVG or PDF by extension. */
    public static void write(Path out, JFreeChart chart, int dpi) throws IOException {
        FigureWriter.write(out, 640, 400, dpi, chart.getTitle().getText(), g -> chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 640, 400)));
    }
}
