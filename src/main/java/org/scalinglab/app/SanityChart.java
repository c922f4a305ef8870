package org.scalinglab.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.scalinglab.export.ChartStyle;

/** The cascade of a sanity check: per method, rank correlation and SSIM with the trained maps as the weights go. */
public final class SanityChart {
    private static final List<Color> COLOURS = List.of(ChartStyle.FORMULA, ChartStyle.OFFICIAL, ChartStyle.PREDICTED, ChartStyle.CURRENT,
            ChartStyle.PEERS, new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b));

    private SanityChart() {
    }

    public static JFreeChart chart(SanityCheck.Report r) {
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(new CategoryAxis("weights re-initialised, from the classifier down (cumulative)"));
        plot.add(panel(r, true), 1);
        plot.add(panel(r, false), 1);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        JFreeChart chart = new JFreeChart(String.format(Locale.ROOT, "Sanity check of %s at %s: maps after destroying the weights (%d images)",
                r.model(), r.layer(), r.images()), new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        ChartStyle.apply(chart, 1);
        for (Object p : plot.getSubplots()) {
            LineAndShapeRenderer renderer = (LineAndShapeRenderer) ((CategoryPlot) p).getRenderer();
            for (int i = 0; i < r.methods().size(); i++) {
                renderer.setSeriesPaint(i, COLOURS.get(i % COLOURS.size()));
                renderer.setSeriesStroke(i, new BasicStroke(2f));
            }
        }
        // both panels list the same methods: one legend
        plot.setFixedLegendItems(((CategoryPlot) plot.getSubplots().get(0)).getLegendItems());
        String same = r.layer().equals("top_activation") ? "; at top_activation Grad-CAM, XGrad-CAM and CAM give the same map, so their lines coincide" : "";
        ChartStyle.setNote(chart, "A method passes when its maps stop resembling the trained model's once the weights are gone (rank "
                + "correlation below " + SanityCheck.FAIL_CORRELATION + "; Adebayo et al. 2018)" + same, 1);
        return chart;
    }

    private static CategoryPlot panel(SanityCheck.Report r, boolean rankCorrelation) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (SanityCheck.MethodResult m : r.methods()) {
            List<Double> values = rankCorrelation ? m.spearman() : m.ssim();
            for (int i = 0; i < values.size(); i++) data.addValue(values.get(i), m.title(), r.steps().get(i));
        }
        NumberAxis axis = new NumberAxis(rankCorrelation ? "rank correlation" : "SSIM");
        double lowest = r.methods().stream().flatMap(m -> (rankCorrelation ? m.spearman() : m.ssim()).stream())
                .mapToDouble(Double::doubleValue).filter(Double::isFinite).min().orElse(0);
        axis.setRange(Math.min(-0.1, Math.floor(lowest * 10) / 10 - 0.05), 1.05);
        CategoryPlot p = new CategoryPlot(data, null, axis, new LineAndShapeRenderer(true, true));
        if (rankCorrelation) p.addRangeMarker(new ValueMarker(SanityCheck.FAIL_CORRELATION, Color.GRAY, new BasicStroke(1f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f)));
        return p;
    }
}
