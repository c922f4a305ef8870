package org.scalinglab.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scalinglab.scaling.PaperTables;
import org.scalinglab.scaling.SearchObjective;
import org.scalinglab.scaling.SearchObjective.Scored;

/**
 * The search reward ACC × (FLOPs / T)^w over (cost, accuracy): a shaded background (darker = higher reward), lines of
 * equal reward, the line through the best model drawn bold, the target T as a vertical line, and the paper's Table 2
 * (B0–B7 and the other ConvNets) placed on it with each model's reward in its tooltip. Log x axis of base 2.
 */
public final class RewardLandscapeChart {
    /** The visible box: FLOPs in billions and top-1 in percent, fixed so moving T moves the lines, not the axes. */
    public static final double MIN_GFLOPS = 0.1;
    public static final double MAX_GFLOPS = 64;
    public static final double MIN_TOP1 = 74.5;
    public static final double MAX_TOP1 = 86;
    private static final int SAMPLES = 400;
    private static final Color BEST = new Color(0xff7f0e);
    private static final Color LINE = new Color(0x4b6a88);

    private final XYSeries efficientNets = new XYSeries("EfficientNet B0–B7", false);
    private final XYSeries peers = new XYSeries("other ConvNets (Table 2)", false);
    private final XYSeries best = new XYSeries("best reward", false);
    private final XYSeriesCollection models = new XYSeriesCollection();
    private final XYSeriesCollection contours = new XYSeriesCollection();
    private final List<Scored> effRows = new ArrayList<>();
    private final List<Scored> peerRows = new ArrayList<>();
    private final List<Double> levels = new ArrayList<>();
    private final ValueMarker targetMarker = new ValueMarker(1);
    private final XYLineAndShapeRenderer modelRenderer;
    private final XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
    private final XYPlot plot;
    private final JFreeChart chart;
    private SearchObjective objective;
    private List<Scored> ranked = List.of();
    private double levelStep;
    private double scale = 1.0;

    public RewardLandscapeChart(SearchObjective objective) {
        models.addSeries(efficientNets);
        models.addSeries(peers);
        models.addSeries(best);
        LogAxis x = new LogAxis("FLOPs = multiply-adds (billions, log scale)");
        x.setBase(2);
        x.setTickUnit(new NumberTickUnit(1));
        x.setNumberFormatOverride(new DecimalFormat("0.###"));
        x.setRange(MIN_GFLOPS, MAX_GFLOPS);
        NumberAxis y = new NumberAxis("ImageNet top-1 accuracy (%)");
        y.setRange(MIN_TOP1, MAX_TOP1);
        modelRenderer = new XYLineAndShapeRenderer();
        modelRenderer.setDefaultToolTipGenerator((d, series, item) -> tooltip(series, item));
        modelRenderer.setDefaultItemLabelGenerator((d, series, item) -> switch (series) {
            case 0 -> effRows.get(item).model().model().replace("EfficientNet-", "");
            case 2 -> bestLabel();
            default -> null;
        });
        modelRenderer.setDefaultItemLabelsVisible(true);
        modelRenderer.addAnnotation(new Shading(), Layer.BACKGROUND);
        plot = new XYPlot(models, x, y, modelRenderer);
        plot.setDataset(1, contours);
        plot.setRenderer(1, lineRenderer);
        plot.addDomainMarker(targetMarker);
        chart = new JFreeChart("The search reward: which network wins at T", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        setObjective(objective);
        style(1.0);
    }

    /** A chart for one objective (no later updates). */
    public static JFreeChart chart(SearchObjective objective) {
        return new RewardLandscapeChart(objective).chart();
    }

    public JFreeChart chart() {
        return chart;
    }

    public SearchObjective objective() {
        return objective;
    }

    /** Table 2's models with FLOPs, best reward first. */
    public List<Scored> ranked() {
        return ranked;
    }

    /** The reward of each drawn iso-reward line, in the order of the line series. */
    public List<Double> levels() {
        return List.copyOf(levels);
    }

    /** The iso-reward lines: one series per level, x in billions of FLOPs, y in percent (NaN outside the box). */
    public XYSeriesCollection contours() {
        return contours;
    }

    /** Recomputes rewards, lines and labels for a new objective (one redraw). */
    public void setObjective(SearchObjective o) {
        this.objective = o;
        chart.setNotify(false);
        try {
            ranked = o.rank(PaperTables.table2());
            efficientNets.clear();
            peers.clear();
            best.clear();
            effRows.clear();
            peerRows.clear();
            for (Scored s : PaperTables.table2().stream().map(r -> find(ranked, r.model())).filter(s -> s != null).toList()) {
                XYSeries target = s.model().isEfficientNet() ? efficientNets : peers;
                target.add(s.model().flopsBillions(), s.model().top1());
                (s.model().isEfficientNet() ? effRows : peerRows).add(s);
            }
            Scored top = ranked.get(0);
            best.add(top.model().flopsBillions(), top.model().top1());
            drawLevels(top.reward());
            targetMarker.setValue(o.target() / 1e9);
            targetMarker.setLabel(" T = " + flops(o.target()) + " FLOPs");
            ChartStyle.setNote(chart, note(), scale);
        } finally {
            chart.setNotify(true);
        }
    }

    public void style(double scale) {
        this.scale = scale;
        ChartStyle.apply(chart, scale);
        ChartStyle.setNote(chart, note(), scale);
        XYLineAndShapeRenderer r = modelRenderer;
        r.setSeriesPaint(0, ChartStyle.OFFICIAL);
        r.setSeriesStroke(0, new BasicStroke((float) (2 * scale)));
        r.setSeriesShape(0, ShapeUtils.createDiamond((float) (5.5 * scale)));
        r.setSeriesItemLabelFont(0, ChartStyle.font(Font.BOLD, 12, scale));
        r.setSeriesItemLabelPaint(0, ChartStyle.OFFICIAL.darker());
        r.setSeriesPositiveItemLabelPosition(0, new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_RIGHT));
        r.setSeriesPaint(1, ChartStyle.PEERS);
        r.setSeriesLinesVisible(1, false);
        r.setSeriesShape(1, new Ellipse2D.Double(-4 * scale, -4 * scale, 8 * scale, 8 * scale));
        r.setSeriesPaint(2, BEST);
        r.setSeriesLinesVisible(2, false);
        double ring = 11 * scale;
        r.setSeriesShape(2, new Ellipse2D.Double(-ring, -ring, 2 * ring, 2 * ring));
        r.setSeriesShapesFilled(2, false);
        r.setSeriesStroke(2, new BasicStroke((float) (3 * scale)));
        r.setSeriesItemLabelFont(2, ChartStyle.font(Font.BOLD, 13, scale));
        r.setSeriesItemLabelPaint(2, BEST.darker());
        r.setSeriesPositiveItemLabelPosition(2, new ItemLabelPosition(ItemLabelAnchor.OUTSIDE6, TextAnchor.TOP_LEFT));
        targetMarker.setPaint(new Color(0x243447));
        targetMarker.setStroke(new BasicStroke((float) (1.5 * scale), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        targetMarker.setLabelFont(ChartStyle.font(Font.BOLD, 12, scale));
        targetMarker.setLabelPaint(new Color(0x243447));
        targetMarker.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        targetMarker.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        targetMarker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        styleLines();
    }

    /** "400 M", "4 B", "1.5 B". */
    public static String flops(double flops) {
        if (flops < 1e9) return String.format(Locale.ROOT, "%.0f M", flops / 1e6);
        double b = flops / 1e9;
        return b == Math.rint(b) || b >= 10 ? String.format(Locale.ROOT, "%.0f B", b) : String.format(Locale.ROOT, "%.1f B", b);
    }

    /** "w = −0.07" or "α = 0 below T, β = −1 above". */
    public static String exponents(SearchObjective o) {
        return o.singleExponent() ? "w = " + num(o.below()) : "α = " + num(o.below()) + " at or below T, β = " + num(o.above()) + " above";
    }

    private String note() {
        SearchObjective o = objective;
        String formula = o.singleExponent() ? "reward = ACC × (FLOPs / T)^w" : "reward = ACC × (FLOPs / T)^(α or β)";
        return formula + ",  T = " + flops(o.target()) + ",  " + exponents(o) + ".  Lines: equal reward every "
                + num(levelStep) + " (bold: the best model's); shading: darker = higher reward";
    }

    private String bestLabel() {
        Scored s = ranked.get(0);
        return String.format(Locale.ROOT, "best: %s, reward %.3f", s.model().model(), s.reward());
    }

    private String tooltip(int series, int item) {
        Scored s = switch (series) {
            case 0 -> effRows.get(item);
            case 1 -> peerRows.get(item);
            default -> ranked.get(0);
        };
        int rank = ranked.indexOf(s) + 1;
        return String.format(Locale.ROOT, "%s: top-1 %.1f%%, %s B FLOPs, reward %.4f (rank %d of %d)", s.model().model(),
                s.model().top1(), num(s.model().flopsBillions()), s.reward(), rank, ranked.size());
    }

    /** About ten lines over the box at a round step, and one through the best model. */
    private void drawLevels(double bestReward) {
        contours.removeAllSeries();
        levels.clear();
        lineRenderer.removeAnnotations();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 40; i++) {
            double g = gflopsAt(i / 40.0);
            for (int j = 0; j <= 40; j++) {
                double r = rewardAt(g, MIN_TOP1 + (MAX_TOP1 - MIN_TOP1) * j / 40.0);
                lo = Math.min(lo, r);
                hi = Math.max(hi, r);
            }
        }
        levelStep = 0.1;
        for (double s : new double[] {0.005, 0.01, 0.02, 0.05, 0.1}) {
            if ((hi - lo) / s <= 14) {
                levelStep = s;
                break;
            }
        }
        levels.add(bestReward);
        for (long k = (long) Math.ceil(lo / levelStep); k * levelStep <= hi; k++) {
            double r = k * levelStep;
            if (Math.abs(r - bestReward) > levelStep * 0.2) levels.add(r);
        }
        for (int i = 0; i < levels.size(); i++) {
            double r = levels.get(i);
            XYSeries line = new XYSeries(i == 0 ? "equal reward to the best" : "equal reward " + i, false, true);
            double lastX = Double.NaN;
            double lastY = Double.NaN;
            for (double g : samples()) {
                double acc = 100 * objective.accuracyFor(r, g * 1e9);
                boolean inside = acc >= MIN_TOP1 - 1 && acc <= MAX_TOP1 + 1;
                line.add(g, inside ? acc : Double.NaN);
                if (acc >= MIN_TOP1 && acc <= MAX_TOP1) {
                    lastX = g;
                    lastY = acc;
                }
            }
            contours.addSeries(line);
            if (i > 0 && !Double.isNaN(lastX)) {
                XYTextAnnotation label = new XYTextAnnotation(String.format(Locale.ROOT, levelStep < 0.01 ? "%.3f" : "%.2f", r),
                        lastX, lastY);
                label.setTextAnchor(lastX >= MAX_GFLOPS * 0.97 ? TextAnchor.BOTTOM_RIGHT : TextAnchor.TOP_CENTER);
                label.setFont(ChartStyle.font(Font.BOLD, 12, scale));
                label.setPaint(LINE);
                lineRenderer.addAnnotation(label);
            }
        }
        styleLines();
    }

    private void styleLines() {
        for (int i = 0; i < contours.getSeriesCount(); i++) {
            lineRenderer.setSeriesPaint(i, i == 0 ? BEST : LINE);
            lineRenderer.setSeriesStroke(i, i == 0 ? new BasicStroke((float) (2.5 * scale))
                    : new BasicStroke((float) (0.9 * scale)));
            lineRenderer.setSeriesVisibleInLegend(i, i == 0);
        }
    }

    /** x samples on a log grid, with the target itself so the kink of the piecewise form is exact. */
    private List<Double> samples() {
        List<Double> out = new ArrayList<>();
        double t = objective.target() / 1e9;
        boolean tAdded = !(t > MIN_GFLOPS && t < MAX_GFLOPS);
        for (int i = 0; i <= SAMPLES; i++) {
            double g = gflopsAt(i / (double) SAMPLES);
            if (!tAdded && g > t) {
                out.add(t);
                tAdded = true;
            }
            if (g != t) out.add(g);
        }
        return out;
    }

    private static double gflopsAt(double f) {
        return MIN_GFLOPS * Math.pow(MAX_GFLOPS / MIN_GFLOPS, f);
    }

    /** The reward at a point of the box, without the range checks (zooming may leave the [0, 100] % range). */
    private double rewardAt(double gflops, double top1) {
        double cost = gflops * 1e9;
        return top1 / 100 * Math.pow(cost / objective.target(), objective.exponent(cost));
    }

    private static Scored find(List<Scored> ranked, String model) {
        for (Scored s : ranked) if (s.model().model().equals(model)) return s;
        return null;
    }

    private static String num(double v) {
        if (v == Math.rint(v)) return String.valueOf((long) v).replace('-', '−');
        return new DecimalFormat("0.###").format(v).replace('-', '−');
    }

    /** The reward as a pale background, drawn at a quarter of the resolution and smoothed. */
    private final class Shading extends AbstractXYAnnotation {
        private static final int CELL = 4;

        @Override
        public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis domain, ValueAxis range, int index,
                         PlotRenderingInfo info) {
            int w = Math.max(1, (int) Math.ceil(area.getWidth() / CELL));
            int h = Math.max(1, (int) Math.ceil(area.getHeight() / CELL));
            if (levels.isEmpty()) return;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double[] r = new double[w * h];
            for (int j = 0; j < h; j++) {
                double top1 = range.java2DToValue(area.getMinY() + (j + 0.5) * CELL, area, plot.getRangeAxisEdge());
                for (int i = 0; i < w; i++) {
                    double g = domain.java2DToValue(area.getMinX() + (i + 0.5) * CELL, area, plot.getDomainAxisEdge());
                    double v = rewardAt(g, top1);
                    r[j * w + i] = v;
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            for (int k = 0; k < r.length; k++) img.setRGB(k % w, k / w, paint(hi > lo ? (r[k] - lo) / (hi - lo) : 0.5));
            Object old = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g2.drawImage(img, (int) Math.round(area.getMinX()), (int) Math.round(area.getMinY()),
                    (int) Math.round(area.getWidth()), (int) Math.round(area.getHeight()), null);
            if (old != null) g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, old);
        }

        /** White to a pale teal: readable under the points and the lines. */
        private int paint(double f) {
            f = Double.isFinite(f) ? Math.max(0, Math.min(1, f)) : 0;
            int red = (int) Math.round(255 - f * (255 - 0xb7));
            int green = (int) Math.round(255 - f * (255 - 0xdf));
            int blue = (int) Math.round(255 - f * (255 - 0xd9));
            return (red << 16) | (green << 8) | blue;
        }
    }
}
