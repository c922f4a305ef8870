package org.scalinglab.export;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ChartFilesTest {
    @TempDir Path dir;

    @Test
    void pngHasTheRequestedPixels() throws Exception {
        Path png = dir.resolve("cost.png");
        FigureWriter.write(new CostCurveChart().chart(), png, 400, 300);
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "ImageIO cannot read the PNG");
        assertEquals(800, img.getWidth());
        assertEquals(600, img.getHeight());
        // not a blank canvas: the chart drew something other than the background
        int background = img.getRGB(2, 2);
        boolean drawn = false;
        for (int y = 0; y < img.getHeight() && !drawn; y += 7) {
            for (int x = 0; x < img.getWidth() && !drawn; x += 7) drawn = img.getRGB(x, y) != background;
        }
        assertTrue(drawn);
    }

    @Test
    void svgIsXmlWithAnSvgRoot() throws Exception {
        Path svg = dir.resolve("paper.svg");
        FigureWriter.write(new PaperAccuracyChart(PaperAccuracyChart.Cost.PARAMS).chart(), svg, 500, 350);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // the file names the SVG 1.1 DTD; tests never touch the network
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertTrue(Files.readString(svg).contains("<svg"));
        assertTrue(Files.readString(svg).contains("ResNet-50"), "the peers' labels are in the figure");
    }

    @Test
    void pdfHasHeaderAndTrailer() throws Exception {
        Path pdf = dir.resolve("scaling.pdf");
        FigureWriter.write(new ScalingComparisonChart().chart(), pdf, 500, 350);
        byte[] bytes = Files.readAllBytes(pdf);
        String head = new String(bytes, 0, 5, StandardCharsets.ISO_8859_1);
        String tail = new String(bytes, bytes.length - 8, 8, StandardCharsets.ISO_8859_1).trim();
        assertEquals("%PDF-", head);
        assertTrue(tail.endsWith("%%EOF"), tail);
    }

    @Test
    void unknownExtensionIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FigureWriter.write(new ScalingComparisonChart().chart(), dir.resolve("x.gif"), 500, 350));
        assertTrue(e.getMessage().contains(".png, .svg or .pdf"));
    }

    /** The charts carry the paper's numbers and our counts: B0 at 0.386 G, the compound gain on B0 of 81.1 - 77.3. */
    @Test
    void chartsHoldTheRightNumbers() {
        CostCurveChart cost = new CostCurveChart();
        org.jfree.chart.plot.CombinedDomainXYPlot plot = (org.jfree.chart.plot.CombinedDomainXYPlot) cost.chart().getPlot();
        XYDataset top = plot.getSubplots().get(0).getDataset();
        assertEquals(0.0, top.getXValue(0, 0));                    // formula starts at phi = 0 ...
        assertEquals(0.385814752, top.getYValue(0, 0), 1e-9);       // ... with B0's 385,814,752 multiply-adds
        assertEquals(8, top.getItemCount(2));                        // official B0..B7
        assertEquals(0.385814752, top.getYValue(2, 0), 1e-9);

        XYDataset flops = new PaperAccuracyChart(PaperAccuracyChart.Cost.FLOPS).chart().getXYPlot().getDataset();
        assertEquals(8, flops.getItemCount(0));                      // B0..B7
        assertEquals(15, flops.getItemCount(1));                     // 16 peers less GPipe, which has no FLOPs
        XYDataset params = new PaperAccuracyChart(PaperAccuracyChart.Cost.PARAMS).chart().getXYPlot().getDataset();
        assertEquals(16, params.getItemCount(1));

        CategoryDataset gains = new ScalingComparisonChart().chart().getCategoryPlot().getDataset();
        assertEquals(81.1 - 77.3, gains.getValue("Compound", "EfficientNet-B0").doubleValue(), 1e-9);
        assertEquals(76.8 - 72.0, gains.getValue("Depth", "MobileNetV2").doubleValue(), 1e-9);
        assertNull(gains.getValue("Depth", "MobileNetV1"), "the paper has no depth-only MobileNetV1");
    }
}
