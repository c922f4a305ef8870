package org.scalinglab.export;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.Drawable;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * Writes a chart, or any other {@link Drawable} figure (the MBConv block diagram), as PNG, SVG or PDF with plain AWT
 * (no JavaFX), so the window and the command line share it.
 */
public final class ChartExport {

    public enum Format {
        PNG, SVG, PDF;

        /** The format named by a file's extension. */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (name.endsWith("." + f.name().toLowerCase(Locale.ROOT))) return f;
            }
            throw new IllegalArgumentException("export file must end in .png, .svg or .pdf, got " + file.getFileName());
        }
    }

    public static final int MAX_SIDE = 20_000;

    private ChartExport() {
    }

    /** Writes the chart in the format of the file's extension; PNG at 2x for sharp slides. */
    public static void write(JFreeChart chart, Path out, int width, int height) throws IOException {
        write(chart, titleOf(chart), out, width, height);
    }

    /** Writes any figure in the format of the file's extension; {@code title} goes into the PDF's properties. */
    public static void write(Drawable figure, String title, Path out, int width, int height) throws IOException {
        switch (Format.of(out)) {
            case PNG -> writePng(figure, out, width, height, 2.0);
            case SVG -> writeSvg(figure, out, width, height);
            case PDF -> writePdf(figure, title, out, width, height);
        }
    }

    /** PNG of width x height points drawn at {@code scale} pixels per point (2 = 192 dpi for a 96 dpi layout). */
    public static void writePng(Drawable chart, Path out, int width, int height, double scale) throws IOException {
        checkSize(width, height);
        if (!(scale > 0) || width * scale > MAX_SIDE || height * scale > MAX_SIDE) {
            throw new IllegalArgumentException("PNG scale must be positive and keep each side under " + MAX_SIDE + " pixels");
        }
        int pw = (int) Math.round(width * scale);
        int ph = (int) Math.round(height * scale);
        BufferedImage image = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.scale(scale, scale);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        createParent(out);
        if (!ImageIO.write(image, "png", out.toFile())) throw new IOException("no PNG writer available");
    }

    public static void writeSvg(Drawable chart, Path out, int width, int height) throws IOException {
        checkSize(width, height);
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        createParent(out);
        SVGUtils.writeToSVG(out.toFile(), g2.getSVGElement());
    }

    public static void writePdf(JFreeChart chart, Path out, int width, int height) throws IOException {
        writePdf(chart, titleOf(chart), out, width, height);
    }

    public static void writePdf(Drawable chart, String title, Path out, int width, int height) throws IOException {
        checkSize(width, height);
        PDFDocument doc = new PDFDocument();
        doc.setTitle(title);
        doc.setAuthor("Scaling Lab");
        Page page = doc.createPage(new Rectangle2D.Double(0, 0, width, height));
        PDFGraphics2D g2 = page.getGraphics2D();
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        createParent(out);
        Files.write(out, doc.getPDFBytes());
    }

    private static String titleOf(JFreeChart chart) {
        return chart.getTitle() == null ? "Scaling Lab chart" : chart.getTitle().getText();
    }

    private static void checkSize(int width, int height) {
        if (width < 50 || height < 50 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("chart size must be between 50 and " + MAX_SIDE + " points per side, got "
                    + width + "x" + height);
        }
    }

    private static void createParent(Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
    }
}
