package org.scalinglab.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.scalinglab.scaling.CompoundScaling;
import org.scalinglab.scaling.GridCandidates.Candidate;

/**
 * Step 1's candidates as the paper would draw them: β (width base) against α (depth base), each point coloured by γ
 * (resolution base) on a colour bar, the paper's choice ringed and labelled. Candidates that share α and β (several γ
 * fit the tolerance) sit side by side in a row centred on their (α, β), γ growing to the right, the dots as small as
 * it takes for the row to stay inside its grid cell: every candidate is a dot of its own, none hides another.
 */
public final class CandidatesChart {
    private static final Color PAPER = new Color(0xd62728);

    private CandidatesChart() {
    }

    public static JFreeChart chart(List<Candidate> candidates) {
        return chart(candidates, 1.0);
    }

    /** @param scale font and mark scale: 1 for a screen, about 1.6 for a projector */
    public static JFreeChart chart(List<Candidate> candidates, double scale) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        // by (α, β), then γ: the row of a shared (α, β) runs from the smallest γ on the left
        sorted.sort(Comparator.comparingDouble(Candidate::alpha).thenComparingDouble(Candidate::beta)
                .thenComparingDouble(Candidate::gamma));
        int n = sorted.size();
        double[][] xyz = new double[3][n];
        int[] nested = new int[n];
        int[] shared = new int[n];
        double gMin = Double.POSITIVE_INFINITY;
        double gMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            Candidate c = sorted.get(i);
            xyz[0][i] = c.alpha();
            xyz[1][i] = c.beta();
            xyz[2][i] = c.gamma();
            gMin = Math.min(gMin, c.gamma());
            gMax = Math.max(gMax, c.gamma());
            if (i > 0 && sorted.get(i - 1).alpha() == c.alpha() && sorted.get(i - 1).beta() == c.beta()) nested[i] = nested[i - 1] + 1;
        }
        // how many share each (α, β): the last of a run knows, and tells the others
        for (int i = n - 1; i >= 0; i--) shared[i] = i + 1 < n && nested[i + 1] == nested[i] + 1 ? shared[i + 1] : nested[i] + 1;
        if (n == 0) {
            gMin = 1;
            gMax = 1.5;
        }
        if (gMax - gMin < 1e-9) gMax = gMin + 0.05;
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("candidates (colour: γ)", xyz);
        ViridisScale paints = new ViridisScale(gMin, gMax);
        double radius = (n <= 400 ? 7 : n <= 4000 ? 4 : 2) * scale;
        SideBySide r = new SideBySide(radius, nested, shared, smallestStep(xyz[0]), smallestStep(xyz[1]));
        r.setPaintScale(paints);
        r.setDrawOutlines(n <= 400);
        r.setUseOutlinePaint(true);
        r.setDefaultOutlinePaint(new Color(0x555555));
        r.setDefaultToolTipGenerator((d, s, i) -> {
            Candidate c = sorted.get(i);
            return String.format(Locale.ROOT, "α = %s, β = %s, γ = %s: α·β²·γ² = %.4f%s", num(c.alpha()), num(c.beta()),
                    num(c.gamma()), c.constraint(), c.isPaperChoice() ? " (the paper's choice)" : "");
        });
        NumberAxis x = new NumberAxis("α  (depth base: d = α^φ)");
        x.setAutoRangeIncludesZero(false);
        x.setLowerMargin(0.04);
        x.setUpperMargin(0.06);
        NumberAxis y = new NumberAxis("β  (width base: w = β^φ)");
        y.setAutoRangeIncludesZero(false);
        y.setLowerMargin(0.06);
        y.setUpperMargin(0.12);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        String title = String.format(Locale.ROOT, "%,d candidates with α·β²·γ² ≈ 2", n);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartStyle.apply(chart, scale);
        ChartStyle.setNote(chart, "Step 1 at φ = 1: one point per (α, β, γ) on the grid, coloured by γ",
                scale);

        NumberAxis bar = new NumberAxis("γ  (resolution base: r = γ^φ)");
        bar.setLabelFont(ChartStyle.font(Font.PLAIN, 12, scale));
        bar.setTickLabelFont(ChartStyle.font(Font.PLAIN, 11, scale));
        bar.setRange(gMin, gMax);
        PaintScaleLegend legend = new PaintScaleLegend(paints, bar);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 6, 40, 6));
        legend.setStripWidth(14 * scale);
        legend.setAxisOffset(4);
        legend.setSubdivisionCount(64);
        chart.addSubtitle(legend);

        for (Candidate c : candidates) {
            if (!c.isPaperChoice()) continue;
            // drawn by the renderer after its points, so the label's white box is never covered by them
            int item = sorted.indexOf(c);
            plot.getRenderer().addAnnotation(new PaperMark(c.alpha(), c.beta(), r, item, 6 * scale, "paper's choice " + paperChoice(),
                    scale), org.jfree.chart.ui.Layer.FOREGROUND);
        }
        return chart;
    }

    /** The smallest gap between two different values (the grid step), or infinity with fewer than two. */
    private static double smallestStep(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        double step = Double.POSITIVE_INFINITY;
        for (int i = 1; i < v.length; i++) if (v[i] - v[i - 1] > 1e-9) step = Math.min(step, v[i] - v[i - 1]);
        return step;
    }

    /**
     * Dots of candidates that share (α, β) in a row, offset in pixels at drawing time so the row fits its grid cell at any
     * chart size; the dots shrink (never below 1.5 px) when the cell is narrow.
     */
    static final class SideBySide extends XYShapeRenderer {
        private final double radius;
        private final int[] index;
        private final int[] count;
        private final double stepX;
        private final double stepY;
        private double cellWidth = Double.POSITIVE_INFINITY;
        private double cellHeight = Double.POSITIVE_INFINITY;

        SideBySide(double radius, int[] index, int[] count, double stepX, double stepY) {
            this.radius = radius;
            this.index = index;
            this.count = count;
            this.stepX = stepX;
            this.stepY = stepY;
        }

        @Override
        public void drawItem(java.awt.Graphics2D g2, org.jfree.chart.renderer.xy.XYItemRendererState state,
                             java.awt.geom.Rectangle2D area, org.jfree.chart.plot.PlotRenderingInfo info, XYPlot plot,
                             org.jfree.chart.axis.ValueAxis domain, org.jfree.chart.axis.ValueAxis range,
                             org.jfree.data.xy.XYDataset dataset, int series, int item,
                             org.jfree.chart.plot.CrosshairState crosshair, int pass) {
            if (item == 0) measure(plot, area, domain, range);
            super.drawItem(g2, state, area, info, plot, domain, range, dataset, series, item, crosshair, pass);
        }

        /** The grid cell's size in pixels for this drawing. */
        void measure(XYPlot plot, java.awt.geom.Rectangle2D area, org.jfree.chart.axis.ValueAxis domain,
                     org.jfree.chart.axis.ValueAxis range) {
            double x0 = domain.getLowerBound();
            double y0 = range.getLowerBound();
            cellWidth = Double.isFinite(stepX) ? Math.abs(domain.valueToJava2D(x0 + stepX, area, plot.getDomainAxisEdge())
                    - domain.valueToJava2D(x0, area, plot.getDomainAxisEdge())) : Double.POSITIVE_INFINITY;
            cellHeight = Double.isFinite(stepY) ? Math.abs(range.valueToJava2D(y0 + stepY, area, plot.getRangeAxisEdge())
                    - range.valueToJava2D(y0, area, plot.getRangeAxisEdge())) : Double.POSITIVE_INFINITY;
        }

        /** The dots' pitch in a row of {@code k}. */
        private double pitch(int k) {
            return Math.min(2 * radius + 1.5, 0.9 * cellWidth / k);
        }

        /** The radius of item's dot. */
        double dotRadius(int item) {
            double r = Math.min(radius, (pitch(count[item]) - 1) / 2);
            return Math.max(1.5, Math.min(r, 0.45 * cellHeight));
        }

        /** How far right of its (α, β) the item's dot is drawn, in pixels. */
        double offset(int item) {
            return (index[item] - (count[item] - 1) / 2.0) * pitch(count[item]);
        }

        @Override
        public Shape getItemShape(int series, int item) {
            double d = dotRadius(item);
            return new Ellipse2D.Double(offset(item) - d, -d, 2 * d, 2 * d);
        }
    }

    /** "(α, β, γ) = (1.2, 1.1, 1.15)" */
    static String paperChoice() {
        return "(α, β, γ) = (" + num(CompoundScaling.PAPER_ALPHA) + ", " + num(CompoundScaling.PAPER_BETA) + ", "
                + num(CompoundScaling.PAPER_GAMMA) + ")";
    }

    private static String num(double v) {
        return new java.text.DecimalFormat("0.###").format(v);
    }

    /** A red ring of fixed pixel size around the paper's point, and its label in a white box up and to the right. */
    private static final class PaperMark extends org.jfree.chart.annotations.AbstractXYAnnotation {
        private final double x;
        private final double y;
        private final SideBySide dots;
        private final int item;
        private final double margin;
        private final String label;
        private final double scale;

        PaperMark(double x, double y, SideBySide dots, int item, double margin, String label, double scale) {
            this.x = x;
            this.y = y;
            this.dots = dots;
            this.item = item;
            this.margin = margin;
            this.label = label;
            this.scale = scale;
        }

        @Override
        public void draw(java.awt.Graphics2D g2, XYPlot plot, java.awt.geom.Rectangle2D area, org.jfree.chart.axis.ValueAxis domain,
                         org.jfree.chart.axis.ValueAxis range, int index, org.jfree.chart.plot.PlotRenderingInfo info) {
            // around the paper's own dot, wherever its row put it
            double px = domain.valueToJava2D(x, area, plot.getDomainAxisEdge()) + dots.offset(item);
            double py = range.valueToJava2D(y, area, plot.getRangeAxisEdge());
            double radius = dots.dotRadius(item) + margin;
            g2.setPaint(PAPER);
            g2.setStroke(new BasicStroke((float) (3 * scale)));
            g2.draw(new Ellipse2D.Double(px - radius, py - radius, 2 * radius, 2 * radius));
            g2.setFont(ChartStyle.font(Font.BOLD, 13, scale));
            java.awt.FontMetrics fm = g2.getFontMetrics();
            double pad = 4 * scale;
            double w = fm.stringWidth(label) + 2 * pad;
            double h = fm.getAscent() + fm.getDescent() + 2 * pad;
            double bx = Math.min(px + radius + 8 * scale, area.getMaxX() - w - 2);
            double by = Math.max(py - radius - 8 * scale - h, area.getMinY() + 2);
            g2.setStroke(new BasicStroke((float) (1.5 * scale)));
            g2.draw(new java.awt.geom.Line2D.Double(px + radius * 0.7, py - radius * 0.7, bx, by + h));
            java.awt.geom.RoundRectangle2D box = new java.awt.geom.RoundRectangle2D.Double(bx, by, w, h, 6, 6);
            g2.setPaint(new Color(255, 255, 255, 235));
            g2.fill(box);
            g2.setPaint(PAPER);
            g2.draw(box);
            g2.drawString(label, (float) (bx + pad), (float) (by + pad + fm.getAscent()));
        }
    }
}
