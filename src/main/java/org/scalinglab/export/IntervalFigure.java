package org.scalinglab.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.List;
import java.util.Locale;

/**
 * Means with their intervals, one small panel per measure, one row per model in each: a dot at the mean and a line
 * from the low to the high end of its interval. A panel may mark a reference value (a dashed line, e.g. 0 for
 * differences).
 */
public final class IntervalFigure {
    private static final Font PANEL = new Font(Font.SANS_SERIF, Font.BOLD, 11);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    private static final int PANEL_WIDTH = 210;
    private static final int ROW = 22;

    /** One row: a label, the mean, its interval (NaN ends: no line). */
    public record Row(String label, double mean, double low, double high) {
    }

    /** One measure: its title, what is better (e.g. "lower is better"), its rows, and an optional reference value. */
    public record Panel(String title, String note, List<Row> rows, Double reference) {
    }

    private final String title;
    private final String footnote;
    private final List<Panel> panels;
    private final int labelWidth;

    public IntervalFigure(String title, String footnote, List<Panel> panels) {
        this.title = title;
        this.footnote = footnote;
        this.panels = List.copyOf(panels);
        int longest = panels.stream().flatMap(p -> p.rows().stream()).mapToInt(r -> r.label().length()).max().orElse(8);
        this.labelWidth = 12 + 6 * longest;
    }

    public String title() {
        return title;
    }

    public double width() {
        return labelWidth + panels.size() * (PANEL_WIDTH + 16) + 10;
    }

    public double height() {
        int rows = panels.stream().mapToInt(p -> p.rows().size()).max().orElse(1);
        return 70 + rows * ROW + 46;
    }

    public void draw(Graphics2D g) {
        Canvas.begin(g, width(), height(), title);
        int top = 62;
        int rows = panels.stream().mapToInt(p -> p.rows().size()).max().orElse(1);
        g.setFont(TEXT);
        FontMetrics fm = g.getFontMetrics();
        List<Row> first = panels.isEmpty() ? List.of() : panels.get(0).rows();
        for (int i = 0; i < first.size(); i++) {
            String label = first.get(i).label();
            g.drawString(label, labelWidth - 8 - fm.stringWidth(label), top + i * ROW + ROW / 2 + fm.getAscent() / 2 - 1);
        }
        for (int p = 0; p < panels.size(); p++) {
            Panel panel = panels.get(p);
            int x0 = labelWidth + p * (PANEL_WIDTH + 16);
            double[] range = range(panel);
            g.setColor(Color.BLACK);
            g.setFont(PANEL);
            g.drawString(panel.title(), x0, 40);
            g.setFont(TEXT);
            g.setColor(Color.DARK_GRAY);
            g.drawString(panel.note(), x0, 53);
            g.setColor(new Color(0xdd, 0xdd, 0xdd));
            g.drawRect(x0, top - 4, PANEL_WIDTH, rows * ROW + 8);
            if (panel.reference() != null) {
                double rx = x(panel.reference(), range, x0);
                g.setColor(Color.GRAY);
                g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
                g.draw(new Line2D.Double(rx, top - 4, rx, top + rows * ROW + 4));
            }
            for (int i = 0; i < panel.rows().size(); i++) {
                Row r = panel.rows().get(i);
                double y = top + i * ROW + ROW / 2.0;
                g.setColor(new Color(0x1f, 0x4e, 0x9c));
                g.setStroke(new BasicStroke(2f));
                if (Double.isFinite(r.low()) && Double.isFinite(r.high())) {
                    g.draw(new Line2D.Double(x(r.low(), range, x0), y, x(r.high(), range, x0), y));
                }
                if (Double.isFinite(r.mean())) {
                    double mx = x(r.mean(), range, x0);
                    g.fill(new Ellipse2D.Double(mx - 4, y - 4, 8, 8));
                    g.setColor(Color.BLACK);
                    g.drawString(String.format(Locale.ROOT, "%.3g", r.mean()), (float) Math.min(mx + 6, x0 + PANEL_WIDTH - 30), (float) (y - 5));
                }
            }
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.3g", range[0]), x0 + 2, top + rows * ROW + 18);
            String hi = String.format(Locale.ROOT, "%.3g", range[1]);
            g.drawString(hi, x0 + PANEL_WIDTH - 2 - fm.stringWidth(hi), top + rows * ROW + 18);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawString(footnote, 10, (int) height() - 10);
    }

    private static double x(double v, double[] range, int x0) {
        return x0 + 8 + (v - range[0]) / (range[1] - range[0]) * (PANEL_WIDTH - 16);
    }

    /** The span of every mean, interval end and the reference, padded a little. */
    private static double[] range(Panel p) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Row r : p.rows()) {
            for (double v : new double[] {r.mean(), r.low(), r.high()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (p.reference() != null) {
            lo = Math.min(lo, p.reference());
            hi = Math.max(hi, p.reference());
        }
        if (!Double.isFinite(lo)) return new double[] {0, 1};
        double pad = hi > lo ? 0.05 * (hi - lo) : Math.max(1e-3, Math.abs(lo) * 0.1);
        return new double[] {lo - pad, hi + pad};
    }
}
