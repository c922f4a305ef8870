package org.scalinglab.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scalinglab.export.ChartStyle;
import org.scalinglab.train.ReportText;
import org.scalinglab.train.SweepReport;

/**
 * The sweep as the small-scale version of the paper's Figures 3 and 8: validation top-1 against multiply-adds, one
 * line per scaling mode through its trained points in order of φ, each point labelled with its φ. The base (φ = 0)
 * starts every line. Untrained points are left out; the note says how many are trained.
 */
public final class SweepChart {
    /** The modes in legend order, with their line colours. */
    private static final List<String> MODES = List.of("compound", "width", "depth", "resolution");
    private static final List<String> LABELS = List.of("Compound", "Width only", "Depth only", "Resolution only");
    private static final List<Color> COLOURS = List.of(ChartStyle.OFFICIAL, ChartStyle.FORMULA, ChartStyle.PREDICTED, ChartStyle.CURRENT);

    private SweepChart() {
    }

    public static JFreeChart chart(SweepReport report) {
        return chart(report, 1);
    }

    /** @param scale font scale, 1 for figures, larger for presenter mode */
    public static JFreeChart chart(SweepReport report, double scale) {
        List<SweepReport.Point> trained = report.points().stream().filter(SweepReport.Point::trained)
                .sorted(Comparator.comparingDouble(SweepReport.Point::phi)).toList();
        SweepReport.Point base = trained.stream().filter(p -> p.mode().equals("base")).findFirst().orElse(null);
        XYSeriesCollection data = new XYSeriesCollection();
        for (int m = 0; m < MODES.size(); m++) {
            XYSeries s = new XYSeries(LABELS.get(m), false, true);
            if (base != null) s.add(x(base), y(base));
            for (SweepReport.Point p : trained) {
                if (p.mode().equals(MODES.get(m))) s.add(x(p), y(p));
            }
            data.addSeries(s);
        }
        NumberAxis macs = new NumberAxis("multiply-adds (millions)");
        macs.setAutoRangeIncludesZero(false);
        macs.setUpperMargin(0.1);
        NumberAxis top1 = new NumberAxis("validation top-1 (%)");
        top1.setAutoRangeIncludesZero(false);
        top1.setUpperMargin(0.12);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(data, macs, top1, renderer);
        // each point's φ beside it, placed in pixels so no two labels overprint at any size
        org.scalinglab.export.PointLabels names = new org.scalinglab.export.PointLabels();
        List<org.scalinglab.export.PointLabels.Label> labels = new java.util.ArrayList<>();
        for (SweepReport.Point p : trained) {
            String text = p.mode().equals("base") ? "base" : "φ=" + ReportText.number(p.phi());
            labels.add(new org.scalinglab.export.PointLabels.Label(x(p), y(p), text, ChartStyle.font(Font.PLAIN, 10, scale),
                    p.mode().equals("base") ? Color.DARK_GRAY : COLOURS.get(MODES.indexOf(p.mode())).darker()));
        }
        names.setPointRadius(4);
        names.setLabels(labels);
        renderer.addAnnotation(names, org.jfree.chart.ui.Layer.FOREGROUND);
        JFreeChart chart = new JFreeChart(String.format(Locale.ROOT, "Scaling up with φ: α=%s, β=%s, γ=%s", ReportText.number(report.alpha()),
                ReportText.number(report.beta()), ReportText.number(report.gamma())), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart, scale); // the theme clears series paints and strokes: set them after it
        for (int m = 0; m < MODES.size(); m++) {
            renderer.setSeriesPaint(m, COLOURS.get(m));
            renderer.setSeriesStroke(m, new BasicStroke(m == 0 ? 2.5f : 1.6f));
            renderer.setSeriesShape(m, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        ChartStyle.setNote(chart, String.format(Locale.ROOT, "%d of %d networks trained; base %s, %d epoch%s each; "
                        + "single-dimension networks matched to the compound multiply-adds", trained.size(), report.points().size(), ReportText.base(report.base()),
                report.epochs(), report.epochs() == 1 ? "" : "s"), scale);
        return chart;
    }

    private static double x(SweepReport.Point p) {
        return p.macs() / 1e6;
    }

    private static double y(SweepReport.Point p) {
        return 100 * p.top1();
    }
}
