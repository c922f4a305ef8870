package org.scalinglab.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scalinglab.export.ChartStyle;
import org.scalinglab.export.ViridisScale;
import org.scalinglab.train.ReportText;
import org.scalinglab.train.GridSearchReport;

/**
 * The grid search as a chart: β against α for every candidate (γ follows from α·β²·γ² ≈ 2), trained candidates
 * filled in the colour of their validation top-1, untrained ones hollow grey; the paper's choice ringed and the best
 * candidate boxed, both labelled. Candidates sharing α and β (different γ) sit side by side, γ growing to the right.
 */
public final class GridChart {
    private static final Color UNTRAINED = new Color(0x9a9a9a);
    private static final Color PAPER = Color.BLACK;
    private static final Color BEST = ChartStyle.OFFICIAL;
    private static final double POINT = 11;

    private GridChart() {
    }

    public static JFreeChart chart(GridSearchReport report) {
        return chart(report, 1);
    }

    /** @param fontScale font scale, 1 for figures, larger for presenter mode */
    public static JFreeChart chart(GridSearchReport report, double fontScale) {
        List<GridSearchReport.Candidate> all = report.candidates();
        double offset = report.step() * 0.25;
        XYSeries trained = new XYSeries("trained (colour = top-1)", false, true);
        XYSeries untrained = new XYSeries("not trained yet", false, true);
        List<GridSearchReport.Candidate> trainedOrder = new ArrayList<>();
        double[] x = new double[all.size()];
        for (int i = 0; i < all.size(); i++) {
            GridSearchReport.Candidate c = all.get(i);
            x[i] = c.alpha() + offset * sideBySide(all, c);
            if (c.trained()) {
                trained.add(x[i], c.beta());
                trainedOrder.add(c);
            } else {
                untrained.add(x[i], c.beta());
            }
        }
        Optional<GridSearchReport.Candidate> best = report.best();
        XYSeries paper = new XYSeries("paper's choice", false, true);
        XYSeries bestMark = new XYSeries("best trained", false, true);
        for (int i = 0; i < all.size(); i++) {
            if (isPaper(all.get(i))) paper.add(x[i], all.get(i).beta());
            if (best.isPresent() && best.get() == all.get(i)) bestMark.add(x[i], all.get(i).beta());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(trained);
        data.addSeries(untrained);
        data.addSeries(paper);
        data.addSeries(bestMark);

        ViridisScale scale = topOneScale(trainedOrder);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true) {
            @Override
            public Paint getItemPaint(int series, int item) {
                return series == 0 ? scale.getPaint(100 * trainedOrder.get(item).top1()) : lookupSeriesPaint(series);
            }
        };
        Shape dot = new Ellipse2D.Double(-POINT / 2, -POINT / 2, POINT, POINT);
        double ring = POINT + 8;
        renderer.setSeriesShape(0, dot);
        renderer.setSeriesShape(1, dot);
        renderer.setSeriesShape(2, new Ellipse2D.Double(-ring / 2, -ring / 2, ring, ring));
        renderer.setSeriesShape(3, new Rectangle2D.Double(-ring / 2, -ring / 2, ring, ring));
        renderer.setSeriesShapesFilled(0, true);
        for (int s = 1; s < 4; s++) renderer.setSeriesShapesFilled(s, false);
        renderer.setUseOutlinePaint(false);

        NumberAxis alphaAxis = axis("α (depth coefficient)");
        NumberAxis betaAxis = axis("β (width coefficient)");
        XYPlot plot = new XYPlot(data, alphaAxis, betaAxis, renderer);
        long count = all.stream().filter(GridSearchReport.Candidate::trained).count();
        JFreeChart chart = new JFreeChart(String.format(Locale.ROOT, "Grid search at φ = 1: base %s, %d epoch%s",
                ReportText.base(report.base()), report.epochs(), report.epochs() == 1 ? "" : "s"), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart, fontScale); // the theme clears series paints and strokes: set them after it
        renderer.setSeriesPaint(0, scale.getPaint((scale.getLowerBound() + scale.getUpperBound()) / 2));
        renderer.setSeriesPaint(1, UNTRAINED);
        renderer.setSeriesPaint(2, PAPER);
        renderer.setSeriesPaint(3, BEST);
        renderer.setSeriesStroke(1, new BasicStroke(1.5f));
        renderer.setSeriesStroke(2, new BasicStroke(2f));
        renderer.setSeriesStroke(3, new BasicStroke(2f));
        ChartStyle.setNote(chart, String.format(Locale.ROOT,
                "%d of %d candidates trained; α·β²·γ² within %s%% of 2, grid step %s; side-by-side points share α, β (γ grows to the right)",
                count, all.size(), ReportText.number(100 * report.tolerance()), ReportText.number(report.step())), fontScale);

        for (int i = 0; i < all.size(); i++) {
            GridSearchReport.Candidate c = all.get(i);
            if (isPaper(c)) {
                String also = best.isPresent() && best.get() == c ? " (also the best)" : "";
                plot.addAnnotation(label(plot, "paper " + coefficients(c) + ": " + result(c) + also, x[i], c.beta(), PAPER, false, fontScale));
            }
        }
        if (best.isPresent() && !isPaper(best.get())) {
            GridSearchReport.Candidate b = best.get();
            plot.addAnnotation(label(plot, "best " + coefficients(b) + ": " + result(b), x[all.indexOf(b)], b.beta(), BEST, true, fontScale));
        }
        if (!trainedOrder.isEmpty()) {
            NumberAxis legendAxis = new NumberAxis("validation top-1 (%)");
            legendAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
            PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
            legend.setPosition(RectangleEdge.RIGHT);
            legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
            legend.setMargin(new RectangleInsets(10, 4, 10, 4));
            legend.setStripWidth(12);
            legend.setBackgroundPaint(Color.WHITE);
            chart.addSubtitle(legend);
        }
        return chart;
    }

    /** Where a candidate sits among those with the same α and β, centred on 0: -0.5, 0.5 for two. */
    private static double sideBySide(List<GridSearchReport.Candidate> all, GridSearchReport.Candidate c) {
        List<GridSearchReport.Candidate> same = all.stream()
                .filter(o -> Math.abs(o.alpha() - c.alpha()) < 1e-9 && Math.abs(o.beta() - c.beta()) < 1e-9)
                .sorted(Comparator.comparingDouble(GridSearchReport.Candidate::gamma)).toList();
        return same.indexOf(c) - (same.size() - 1) / 2.0;
    }

    /** A label beside its point, above or below it, towards the middle of the plot so it is never cut off. */
    private static XYTextAnnotation label(XYPlot plot, String text, double x, double y, Color colour, boolean above, double fontScale) {
        boolean rightHalf = x > plot.getDomainAxis().getRange().getCentralValue();
        // spaces keep the text clear of the point's marker; the nudge off the point's row clears its neighbours' markers
        double nudge = 0.025 * plot.getRangeAxis().getRange().getLength();
        XYTextAnnotation a = new XYTextAnnotation(rightHalf ? text + "     " : "     " + text, x, above ? y + nudge : y - nudge);
        a.setFont(ChartStyle.font(Font.BOLD, 11, fontScale));
        a.setPaint(colour);
        a.setTextAnchor(above ? (rightHalf ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT) : (rightHalf ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT));
        return a;
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        a.setAutoRangeMinimumSize(0.2);
        a.setLowerMargin(0.08);
        a.setUpperMargin(0.2);
        return a;
    }

    private static boolean isPaper(GridSearchReport.Candidate c) {
        return new org.scalinglab.scaling.GridCandidates.Candidate(c.alpha(), c.beta(), c.gamma()).isPaperChoice();
    }

    static String coefficients(GridSearchReport.Candidate c) {
        return "α=" + ReportText.number(c.alpha()) + " β=" + ReportText.number(c.beta()) + " γ=" + ReportText.number(c.gamma());
    }

    private static String result(GridSearchReport.Candidate c) {
        return c.trained() ? String.format(Locale.ROOT, "%.1f%%", 100 * c.top1()) : "not trained yet";
    }

    /** Top-1 (%) to viridis over the trained range (at least one point wide). */
    private static ViridisScale topOneScale(List<GridSearchReport.Candidate> trained) {
        double lo = trained.stream().mapToDouble(c -> 100 * c.top1()).min().orElse(0);
        double hi = trained.stream().mapToDouble(c -> 100 * c.top1()).max().orElse(100);
        if (hi - lo < 1) {
            double mid = (hi + lo) / 2;
            lo = mid - 0.5;
            hi = mid + 0.5;
        }
        return new ViridisScale(lo, hi);
    }
}
