package org.scalinglab.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.List;
import java.util.Locale;

/**
 * A confusion matrix as a figure: one row per true class, one column per predicted class, each cell shaded by its
 * share of the row (so a diagonal of dark cells is a good model), with its count; per-class top-1 at the right.
 */
public final class ConfusionFigure {
    private static final int CELL = 34;
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    private static final Font COUNT = new Font(Font.SANS_SERIF, Font.PLAIN, 9);

    private final String title;
    private final List<String> classes;
    private final int[][] counts;
    private final int labelWidth;

    public ConfusionFigure(String title, List<String> classes, int[][] counts) {
        if (counts.length != classes.size()) throw new IllegalArgumentException(counts.length + " rows for " + classes.size() + " classes");
        this.title = title;
        this.classes = List.copyOf(classes);
        this.counts = counts;
        int longest = classes.stream().mapToInt(String::length).max().orElse(4);
        this.labelWidth = Math.min(180, 12 + 6 * longest);
    }

    public String title() {
        return title;
    }

    public double width() {
        java.awt.image.BufferedImage probe = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        Graphics2D g = probe.createGraphics();
        int titleWidth = g.getFontMetrics(Canvas.TITLE).stringWidth(title);
        g.dispose();
        return Math.max(labelWidth + CELL * classes.size() + 70, titleWidth + 20);
    }

    public double height() {
        return 40 + labelWidth + CELL * classes.size() + 30;
    }

    public void draw(Graphics2D g) {
        Canvas.begin(g, width(), height(), title);
        int n = classes.size();
        int x0 = labelWidth;
        int y0 = 40 + labelWidth;
        g.setFont(LABEL);
        FontMetrics fm = g.getFontMetrics();
        for (int c = 0; c < n; c++) {
            String name = classes.get(c);
            g.drawString(name, x0 - 6 - fm.stringWidth(name), y0 + c * CELL + CELL / 2 + fm.getAscent() / 2 - 1);
            AffineTransform saved = g.getTransform();
            g.translate(x0 + c * CELL + CELL / 2.0 + fm.getAscent() / 2.0 - 1, y0 - 6);
            g.rotate(-Math.PI / 2);
            g.drawString(name, 0, 0);
            g.setTransform(saved);
        }
        g.drawString("true class", 4, 40 + fm.getAscent());
        g.drawString("predicted →", x0, 40 + fm.getAscent());
        g.setFont(COUNT);
        FontMetrics cm = g.getFontMetrics();
        for (int r = 0; r < n; r++) {
            int total = 0;
            for (int v : counts[r]) total += v;
            for (int c = 0; c < n; c++) {
                double share = total == 0 ? 0 : counts[r][c] / (double) total;
                g.setColor(shade(share, r == c));
                g.fillRect(x0 + c * CELL, y0 + r * CELL, CELL, CELL);
                if (counts[r][c] > 0) {
                    g.setColor(share > 0.55 ? Color.WHITE : Color.BLACK);
                    String text = Integer.toString(counts[r][c]);
                    g.drawString(text, x0 + c * CELL + (CELL - cm.stringWidth(text)) / 2, y0 + r * CELL + CELL / 2 + cm.getAscent() / 2 - 1);
                }
            }
            g.setColor(Color.BLACK);
            String accuracy = total == 0 ? "–" : String.format(Locale.ROOT, "%.0f %%", 100.0 * counts[r][r] / total);
            g.drawString(accuracy, x0 + n * CELL + 8, y0 + r * CELL + CELL / 2 + cm.getAscent() / 2 - 1);
        }
        g.setColor(new Color(0x99, 0x99, 0x99));
        g.setStroke(new BasicStroke(0.5f));
        for (int i = 0; i <= n; i++) {
            g.drawLine(x0, y0 + i * CELL, x0 + n * CELL, y0 + i * CELL);
            g.drawLine(x0 + i * CELL, y0, x0 + i * CELL, y0 + n * CELL);
        }
    }

    /** White to blue on the diagonal (right), white to orange off it (mistakes). */
    private static Color shade(double share, boolean diagonal) {
        Color full = diagonal ? new Color(0x1f, 0x4e, 0x9c) : new Color(0xd9, 0x5f, 0x0e);
        double t = Math.max(0, Math.min(1, share));
        return new Color((int) Math.round(255 + (full.getRed() - 255) * t), (int) Math.round(255 + (full.getGreen() - 255) * t),
                (int) Math.round(255 + (full.getBlue() - 255) * t));
    }
}
