package org.scalinglab.export;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes anything drawn in points with Graphics2D as PNG (at a DPI), SVG or PDF, chosen by the file extension.
 * Writes to a temporary file first and moves it into place, so a failure never leaves half a figure.
 */
public final class FigureWriter {
    public static final int MIN_DPI = 36;
    public static final int MAX_DPI = 1200;

    public enum Format { PNG, SVG, PDF }

    private FigureWriter() {
    }

    public static Format formatOf(Path out) {
        String n = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".png")) return Format.PNG;
        if (n.endsWith(".svg")) return Format.SVG;
        if (n.endsWith(".pdf")) return Format.PDF;
        throw new IllegalArgumentException("figure file must end in .png, .svg or .pdf: " + out.getFileName());
    }

    /**
     * @param width  in points
     * @param height in points
     * @param dpi    PNG only: pixels per inch (72 = one pixel per point)
     */
    public static void write(Path out, double width, double height, int dpi, Consumer<Graphics2D> painter) throws IOException {
        if (dpi < MIN_DPI || dpi > MAX_DPI) throw new IllegalArgumentException("dpi must be between " + MIN_DPI + " and " + MAX_DPI + ", got " + dpi);
        Format format = formatOf(out);
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: that makes the file owner-only (0600) on POSIX, and the move keeps it so.
        Path tmp = dir.resolve("." + out.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            switch (format) {
                case PNG -> {
                    double scale = dpi / 72.0;
                    long pixels = (long) Math.ceil(width * scale) * (long) Math.ceil(height * scale);
                    if (pixels > 200_000_000L) throw new IllegalArgumentException("a PNG of " + pixels / 1_000_000 + " megapixels is too large: lower the dpi");
                    BufferedImage img = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale), BufferedImage.TYPE_INT_RGB);
                    Graphics2D g = img.createGraphics();
                    g.scale(scale, scale);
                    painter.accept(g);
                    g.dispose();
                    if (!ImageIO.write(img, "png", tmp.toFile())) throw new IOException("no PNG writer available");
                }
                case SVG -> {
                    SVGGraphics2D g = new SVGGraphics2D(width, height);
                    painter.accept(g);
                    Files.writeString(tmp, g.getSVGDocument(), StandardCharsets.UTF_8);
                }
                case PDF -> {
                    PDFDocument doc = new PDFDocument();
                    Page page = doc.createPage(new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
                    PDFGraphics2D g = page.getGraphics2D();
                    painter.accept(g);
                    Files.write(tmp, doc.getPDFBytes());
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void write(Path out, ComparisonFigure figure, int dpi) throws IOException {
        write(out, figure.width(), figure.height(), dpi, figure::draw);
    }
}
