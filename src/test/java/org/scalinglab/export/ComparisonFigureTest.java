package org.scalinglab.export;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonFigureTest {

    static BufferedImage solid(int w, int h, Color c) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    static ComparisonFigure figure() {
        List<ComparisonFigure.Column> cols = List.of(
                new ComparisonFigure.Column("Compound", "d=1.20 w=1.10 r=258", "0.99 G multiply-adds"),
                new ComparisonFigure.Column("Width only", "d=1.00 w=1.65 r=224", "1.00 G multiply-adds"));
        List<ComparisonFigure.Row> rows = List.of(
                new ComparisonFigure.Row("cat.jpg", solid(300, 200, Color.GRAY), List.of(
                        new ComparisonFigure.Cell(solid(224, 224, Color.RED), "✓ tabby 71%", ""),
                        ComparisonFigure.Cell.missing("no trained weights for this variant")), "true class: tabby"),
                new ComparisonFigure.Row("cup.jpg", solid(200, 300, Color.GRAY), List.of(
                        new ComparisonFigure.Cell(solid(224, 224, Color.BLUE), "espresso 55%", ""),
                        new ComparisonFigure.Cell(solid(224, 224, Color.GREEN), "cup 40%", ""))));
        return new ComparisonFigure(cols, rows, new ComparisonFigure.Legend("Grad-CAM, top_activation",
                v -> new Color((float) v, 0f, (float) (1 - v)), "0", "1", "one scale shared by all maps"));
    }

    @Test
    void pngHasTheSizeOfTheDpi(@TempDir Path dir) throws Exception {
        ComparisonFigure f = figure();
        Path png = dir.resolve("fig.png");
        FigureWriter.write(png, f, 144);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals((int) Math.ceil(f.width() * 2), img.getWidth());
        assertEquals((int) Math.ceil(f.height() * 2), img.getHeight());
        // the first overlay (red) is drawn in the second column of the first row, at its centre
        double cx = (ComparisonFigure.MARGIN + (ComparisonFigure.CELL + ComparisonFigure.GAP) + ComparisonFigure.CELL / 2) * 2;
        double cy = (ComparisonFigure.MARGIN + ComparisonFigure.TITLE_HEIGHT + ComparisonFigure.CELL / 2) * 2;
        assertEquals(0xff0000, img.getRGB((int) cx, (int) cy) & 0xffffff);
    }

    /**
     * Landscape photos (3:2) are lower than their square cell: the row shrinks to them, so each caption starts a few
     * points under its image (it used to hang under the empty square, 30 points away), and the row below follows.
     */
    @Test
    void captionsSitRightUnderLandscapeImages(@TempDir Path dir) throws Exception {
        List<ComparisonFigure.Column> cols = List.of(new ComparisonFigure.Column("Compound", "d=1.20 w=1.10 r=258", "0.99 G multiply-adds"));
        List<ComparisonFigure.Row> rows = List.of(
                new ComparisonFigure.Row("temple.jpg", solid(300, 200, Color.GRAY), List.of(
                        new ComparisonFigure.Cell(solid(300, 200, Color.RED), "church 71%", ""))),
                new ComparisonFigure.Row("cat.jpg", solid(300, 200, Color.GRAY), List.of(
                        new ComparisonFigure.Cell(solid(300, 200, Color.BLUE), "tabby 40%", ""))));
        ComparisonFigure f = new ComparisonFigure(cols, rows, new ComparisonFigure.Legend("Grad-CAM",
                v -> new Color((float) v, 0f, (float) (1 - v)), "low", "high", ""));
        assertEquals(100, f.rowHeight(0), 1e-9, "a 3:2 image in a 150-point cell is 100 points high");
        Path png = dir.resolve("fig.png");
        FigureWriter.write(png, f, 144);
        BufferedImage img = ImageIO.read(png.toFile());
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                int cx = (int) Math.round((ComparisonFigure.MARGIN + c * (ComparisonFigure.CELL + ComparisonFigure.GAP) + ComparisonFigure.CELL / 2) * 2);
                int top = (int) Math.round(f.rowTop(r) * 2);
                int colour = img.getRGB(cx, top + 4) & 0xffffff;
                assertNotEquals(0xffffff, colour, "the image starts at the top of its row");
                int bottom = top + 4;
                while (bottom + 1 < img.getHeight() && (img.getRGB(cx, bottom + 1) & 0xffffff) == colour) bottom++;
                int caption = -1;
                for (int y = bottom + 2; y < img.getHeight() && caption < 0; y++) {
                    for (int x = cx - 80; x <= cx + 80 && caption < 0; x++) {
                        int p = img.getRGB(x, y);
                        if (((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff) < 3 * 110) caption = y;
                    }
                }
                double gap = (caption - bottom) / 2.0;
                assertTrue(gap > 1 && gap < 6, "row " + r + " column " + c + ": " + gap + " points between image and caption");
            }
        }
    }

    @Test
    void svgIsValidXmlWithTheTitles(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("fig.svg");
        FigureWriter.write(svg, figure(), 72);
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var doc = factory.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertTrue(text.contains("Width only"));
        assertTrue(text.contains("no trained weights"));
        assertTrue(text.contains("true class: tabby"), "the line on what the first photo shows");
        assertTrue(text.contains("✓ tabby 71%"));
        assertEquals(1, text.split("true class:", -1).length - 1, "the second photo's class is not known");
    }

    @Test
    void pdfIsComplete(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("fig.pdf");
        FigureWriter.write(pdf, figure(), 72);
        byte[] b = Files.readAllBytes(pdf);
        assertTrue(new String(b, 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        assertTrue(new String(b, StandardCharsets.ISO_8859_1).stripTrailing().endsWith("%%EOF"));
    }

    @Test
    void badRequestsAreRefusedAndLeaveNothing(@TempDir Path dir) throws Exception {
        assertThrows(IllegalArgumentException.class, () -> FigureWriter.write(dir.resolve("fig.gif"), figure(), 72));
        assertThrows(IllegalArgumentException.class, () -> FigureWriter.write(dir.resolve("fig.png"), figure(), 5000));
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
        assertThrows(IllegalArgumentException.class, () -> new ComparisonFigure(List.of(),
                List.of(new ComparisonFigure.Row("x", solid(2, 2, Color.BLACK), List.of(ComparisonFigure.Cell.missing("n")))), null));
    }
}
