package org.scalinglab.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The paper's Figure 7 as a figure: rows are images, columns are the original and one heatmap overlay per model,
 * with column titles (model, d/w/r, multiply-adds), a caption under each cell (the prediction) and the shared
 * colour-scale legend. Drawn with plain Graphics2D in points, so one layout serves PNG, SVG and PDF.
 */
public final class ComparisonFigure {

    /** A model column: "Compound" / "d=1.20 w=1.10 r=258" / "0.99 G multiply-adds". */
    public record Column(String title, String subtitle, String detail) {
    }

    /** One cell: the overlay, or null with a note saying plainly why there is none. */
    public record Cell(BufferedImage overlay, String caption, String note) {
        public static Cell missing(String note) {
            return new Cell(null, "", note);
        }
    }

    /** @param about a line under the photo's name on what it shows ("true class: church"), or "" */
    public record Row(String name, BufferedImage original, List<Cell> cells, String about) {
        public Row(String name, BufferedImage original, List<Cell> cells) {
            this(name, original, cells, "");
        }
    }

    /** The colour scale: colormap over [0, 1] and what the ends mean, plus how maps were scaled. */
    public record Legend(String title, DoubleFunction<Color> colormap, String lowLabel, String highLabel, String note) {
    }

    /** The widest and tallest an image may be drawn. */
    static final double CELL = 150;
    static final double GAP = 8;
    static final double MARGIN = 14;
    static final double TITLE_HEIGHT = 46;
    /** Room for a caption of up to two lines under the images; its first baseline is CAPTION_BASELINE below them. */
    static final double CAPTION_HEIGHT = 26;
    static final double CAPTION_BASELINE = 11;
    /** A row is as tall as its tallest image (landscape photos are lower than a cell), but never below this. */
    static final double MIN_ROW_HEIGHT = 48;
    static final double LEGEND_HEIGHT = 38;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 9);

    private final List<Column> columns;
    private final List<Row> rows;
    private final Legend legend;

    public ComparisonFigure(List<Column> columns, List<Row> rows, Legend legend) {
        if (rows.isEmpty()) throw new IllegalArgumentException("a figure needs at least one image");
        for (Row r : rows) {
            if (r.cells().size() != columns.size()) {
                throw new IllegalArgumentException("row " + r.name() + " has " + r.cells().size() + " cells for " + columns.size() + " models");
            }
        }
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
        this.legend = legend;
    }

    public List<Row> rows() {
        return rows;
    }

    /** What the figure shows (the legend's title), for the PDF's properties. */
    public String title() {
        return legend.title();
    }

    /** Size in points (1/72 inch). */
    public double width() {
        return 2 * MARGIN + (columns.size() + 1) * CELL + columns.size() * GAP;
    }

    public double height() {
        return rowTop(rows.size()) - GAP + LEGEND_HEIGHT + MARGIN;
    }

    /**
     * The height of a row's images: each image is fitted into CELL x CELL keeping its aspect ratio, and the row is as
     * tall as the tallest of them, so a caption sits right under its image instead of under an empty square.
     */
    double rowHeight(int r) {
        Row row = rows.get(r);
        double h = fittedHeight(row.original());
        for (Cell c : row.cells()) {
            if (c.overlay() != null) h = Math.max(h, fittedHeight(c.overlay()));
        }
        return Math.max(MIN_ROW_HEIGHT, h);
    }

    /** The top of row r's images; rowTop(rows) is where the legend begins (less GAP). */
    double rowTop(int r) {
        double y = MARGIN + TITLE_HEIGHT;
        for (int i = 0; i < r; i++) y += rowHeight(i) + CAPTION_HEIGHT + GAP;
        return y;
    }

    private static double fittedHeight(BufferedImage img) {
        return img.getHeight() * CELL / Math.max(img.getWidth(), img.getHeight());
    }

    public void draw(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width(), height()));
        g.setColor(Color.BLACK);
        centred(g, TITLE, "Image", x(0), MARGIN + 14);
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            centred(g, TITLE, col.title(), x(c + 1), MARGIN + 14);
            centred(g, SMALL, col.subtitle(), x(c + 1), MARGIN + 27);
            centred(g, SMALL, col.detail(), x(c + 1), MARGIN + 38);
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            double y = rowTop(r);
            double h = rowHeight(r);
            double caption = y + h + CAPTION_BASELINE;
            image(g, row.original(), x(0) - CELL / 2, y, h);
            centred(g, SMALL, row.name(), x(0), caption);
            if (row.about() != null && !row.about().isEmpty()) centred(g, SMALL, row.about(), x(0), caption + 11);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = row.cells().get(c);
                double left = x(c + 1) - CELL / 2;
                if (cell.overlay() == null) {
                    g.setColor(new Color(240, 240, 240));
                    g.fill(new Rectangle2D.Double(left, y, CELL, h));
                    g.setColor(new Color(90, 90, 90));
                    wrapped(g, SMALL, cell.note(), x(c + 1), y + h / 2 - 2, CELL - 16);
                } else {
                    image(g, cell.overlay(), left, y, h);
                }
                g.setColor(Color.BLACK);
                wrapped(g, SMALL, cell.caption(), x(c + 1), caption, CELL);
            }
        }
        drawLegend(g, rowTop(rows.size()) - GAP + 8);
    }

    private void drawLegend(Graphics2D g, double y) {
        double barWidth = Math.min(260, width() - 2 * MARGIN - 120);
        double left = (width() - barWidth) / 2;
        int steps = 64;
        for (int i = 0; i < steps; i++) {
            g.setColor(legend.colormap().apply((i + 0.5) / steps));
            g.fill(new Rectangle2D.Double(left + i * barWidth / steps, y, barWidth / steps + 0.5, 10));
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(0.5f));
        g.draw(new Rectangle2D.Double(left, y, barWidth, 10));
        g.setFont(SMALL);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(legend.lowLabel(), (float) (left - fm.stringWidth(legend.lowLabel()) - 6), (float) (y + 9));
        g.drawString(legend.highLabel(), (float) (left + barWidth + 6), (float) (y + 9));
        g.setColor(Color.BLACK);
        centred(g, SMALL, legend.title() + (legend.note().isEmpty() ? "" : " · " + legend.note()), width() / 2, y + 24);
    }

    private double x(int column) {
        return MARGIN + column * (CELL + GAP) + CELL / 2;
    }

    private static void image(Graphics2D g, BufferedImage img, double left, double top, double rowHeight) {
        // fit inside the square cell, keeping the aspect ratio; centred in the cell's width and the row's height
        double s = CELL / Math.max(img.getWidth(), img.getHeight());
        double w = img.getWidth() * s;
        double h = img.getHeight() * s;
        java.awt.geom.AffineTransform t = new java.awt.geom.AffineTransform();
        t.translate(left + (CELL - w) / 2, top + (rowHeight - h) / 2);
        t.scale(s, s);
        g.drawImage(img, t, null);
    }

    private static void centred(Graphics2D g, Font font, String text, double cx, double baseline) {
        if (text == null || text.isEmpty()) return;
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (float) (cx - fm.stringWidth(text) / 2.0), (float) baseline);
    }

    /** Centred text over up to two lines, cut with an ellipsis if it still does not fit. */
    private static void wrapped(Graphics2D g, Font font, String text, double cx, double baseline, double maxWidth) {
        if (text == null || text.isEmpty()) return;
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(text) <= maxWidth) {
            centred(g, font, text, cx, baseline);
            return;
        }
        int cut = text.lastIndexOf(' ', text.length() / 2 + 4);
        if (cut <= 0) cut = text.length() / 2;
        centred(g, font, fit(fm, text.substring(0, cut).trim(), maxWidth), cx, baseline);
        centred(g, font, fit(fm, text.substring(cut).trim(), maxWidth), cx, baseline + fm.getHeight());
    }

    private static String fit(FontMetrics fm, String s, double maxWidth) {
        if (fm.stringWidth(s) <= maxWidth) return s;
        while (s.length() > 1 && fm.stringWidth(s + "…") > maxWidth) s = s.substring(0, s.length() - 1);
        return s + "…";
    }
}
