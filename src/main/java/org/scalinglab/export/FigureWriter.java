package org.scalinglab.export;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.Drawable;
import org.jfree.svg.SVGGraphics2D;
import org.scalinglab.io.AtomicFiles;

/**
 * Writes every figure of the app (the comparison, charts, the block diagram): anything drawn in points with plain AWT
 * Graphics2D (no JavaFX, so the window and the commands share it) as PNG at a DPI, SVG or PDF, chosen by the file's
 * extension, and written atomically ({@link AtomicFiles}): a failure never leaves half a figure.
 */
public final class FigureWriter {
    public static final int MIN_DPI = 36;
    public static final int MAX_DPI = 1200;
    /** Charts and diagrams as PNG: two pixels per point, sharp on slides. */
    public static final int CHART_DPI = 144;
    public static final int MAX_SIDE_POINTS = 20_000;

    public enum Format {
        PNG, SVG, PDF;

        /** The format named by a file's extension. */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (name.endsWith("." + f.name().toLowerCase(Locale.ROOT))) return f;
            }
            throw new IllegalArgumentException("figure file must end in .png, .svg or .pdf: " + file.getFileName());
        }
    }

    private FigureWriter() {
    }

    /**
     * @param width  in points
     * @param height in points
     * @param dpi    PNG only: pixels per inch (72 = one pixel per point)
     * @param title  the PDF's title property
     */
    public static void write(Path out, double width, double height, int dpi, String title, Consumer<Graphics2D> painter) throws IOException {
        if (dpi < MIN_DPI || dpi > MAX_DPI) throw new IllegalArgumentException("dpi must be between " + MIN_DPI + " and " + MAX_DPI + ", got " + dpi);
        if (!(width >= 1 && height >= 1 && width <= MAX_SIDE_POINTS && height <= MAX_SIDE_POINTS)) {
            throw new IllegalArgumentException("a figure must be between 1 and " + MAX_SIDE_POINTS + " points per side, got " + width + "x" + height);
        }
        switch (Format.of(out)) {
            case PNG -> {
                double scale = dpi / 72.0;
                long pixels = (long) Math.ceil(width * scale) * (long) Math.ceil(height * scale);
                if (pixels > 200_000_000L) throw new IllegalArgumentException("a PNG of " + pixels / 1_000_000 + " megapixels is too large: lower the dpi");
                BufferedImage img = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                try {
                    // white under the painter: where the figure's size in pixels is rounded up, the last column and row
                    // would otherwise stay black
                    g.setColor(Color.WHITE);
                    g.fillRect(0, 0, img.getWidth(), img.getHeight());
                    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                    g.scale(scale, scale);
                    painter.accept(g);
                } finally {
                    g.dispose();
                }
                AtomicFiles.write(out, o -> {
                    if (!ImageIO.write(img, "png", o)) throw new IOException("no PNG writer available");
                });
            }
            case SVG -> {
                SVGGraphics2D g = new SVGGraphics2D(width, height);
                painter.accept(g);
                AtomicFiles.writeString(out, g.getSVGDocument());
            }
            case PDF -> writePdf(out, width, height, title, painter);
        }
    }

    /**
     * One page of width x height points drawn through PDFBox's Graphics2D bridge: shapes as vectors, images
     * lossless, text as text in embedded DejaVu fonts ({@link PdfFonts}), with the title and author properties.
     */
    private static void writePdf(Path out, double width, double height, String title, Consumer<Graphics2D> painter) throws IOException {
        try (PDDocument doc = new PDDocument(); PdfFonts fonts = new PdfFonts()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setAuthor("Scaling Lab");
            info.setCreator("Scaling Lab");
            PDPage page = new PDPage(new PDRectangle((float) width, (float) height));
            doc.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, (float) width, (float) height);
            g.setFontTextDrawer(fonts);
            try {
                painter.accept(g);
            } finally {
                g.dispose();
            }
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawForm(g.getXFormObject());
            }
            AtomicFiles.write(out, doc::save);
        }
    }

    /** The comparison figure; {@code dpi} for PNG. */
    public static void write(Path out, ComparisonFigure figure, int dpi) throws IOException {
        write(out, figure.width(), figure.height(), dpi, figure.title(), figure::draw);
    }

    /** A chart of width x height points. */
    public static void write(JFreeChart chart, Path out, int width, int height) throws IOException {
        write(chart, chart.getTitle() == null ? "Scaling Lab chart" : chart.getTitle().getText(), out, width, height);
    }

    /** Any drawable (a chart, the block diagram) of width x height points; {@code title} goes into the PDF's properties. */
    public static void write(Drawable figure, String title, Path out, int width, int height) throws IOException {
        write(out, width, height, CHART_DPI, title, g -> figure.draw(g, new Rectangle2D.Double(0, 0, width, height)));
    }
}
