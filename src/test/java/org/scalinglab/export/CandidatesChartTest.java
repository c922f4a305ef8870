package org.scalinglab.export;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.scaling.GridCandidates;
import org.scalinglab.scaling.GridCandidates.Candidate;

class CandidatesChartTest {
    @TempDir Path dir;

    /** One point per candidate at (α, β) with γ as its colour value, a γ colour bar, and the paper's point named. */
    @Test
    void pointsAreTheCandidatesColouredByGamma() throws Exception {
        List<Candidate> c = GridCandidates.enumerate(0.05, 0.05);
        JFreeChart chart = CandidatesChart.chart(c);
        XYZDataset d = (XYZDataset) chart.getXYPlot().getDataset();
        assertEquals(c.size(), d.getItemCount(0));
        boolean paper = false;
        for (int i = 0; i < d.getItemCount(0); i++) {
            Candidate x = new Candidate(d.getXValue(0, i), d.getYValue(0, i), d.getZValue(0, i));
            assertTrue(c.contains(x), x.toString());
            paper |= x.isPaperChoice();
        }
        assertTrue(paper);
        PaintScaleLegend legend = null;
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof PaintScaleLegend p) legend = p;
        }
        assertNotNull(legend, "a colour bar for γ");
        assertEquals(1.0, legend.getScale().getLowerBound(), 1e-12);
        assertEquals(c.stream().mapToDouble(Candidate::gamma).max().orElseThrow(), legend.getScale().getUpperBound(), 1e-12);
        // low and high γ get different colours
        assertNotEquals(legend.getScale().getPaint(1.0), legend.getScale().getPaint(legend.getScale().getUpperBound()));

        Path svg = dir.resolve("candidates.svg");
        FigureWriter.write(chart, svg, 900, 600);
        assertTrue(SvgText.of(svg).contains("paper's choice (α, β, γ) = (1.2, 1.1, 1.15)"));
    }

    /**
     * The 111 candidates at step 0.05 and tolerance 5 %: several share α and β (they differ in γ). Drawn at the export
     * size and at a small size, every candidate is a dot of its own that overlaps no other (the tester counted fewer
     * than 111 when they were drawn on top of each other).
     */
    @Test
    void everyCandidateIsADotOfItsOwn() {
        List<Candidate> c = GridCandidates.enumerate(0.05, 0.05);
        assertEquals(111, c.size());
        for (int[] size : new int[][] {{1000, 650}, {600, 380}}) {
            for (double scale : new double[] {1, 1.6}) {
                JFreeChart chart = CandidatesChart.chart(c, scale);
                org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
                java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(size[0], size[1],
                        java.awt.image.BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D g = img.createGraphics();
                chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, size[0], size[1]), info);
                g.dispose();
                List<java.awt.Shape> dots = new java.util.ArrayList<>();
                for (Object e : info.getEntityCollection().getEntities()) {
                    if (e instanceof org.jfree.chart.entity.XYItemEntity x) dots.add(x.getArea());
                }
                assertEquals(111, dots.size(), "a dot per candidate");
                for (int i = 0; i < dots.size(); i++) {
                    for (int j = i + 1; j < dots.size(); j++) {
                        java.awt.geom.Area overlap = new java.awt.geom.Area(dots.get(i));
                        overlap.intersect(new java.awt.geom.Area(dots.get(j)));
                        assertTrue(overlap.isEmpty(), "dots " + i + " and " + j + " overlap at " + size[0] + "×" + size[1]
                                + ", scale " + scale + ": " + dots.get(i).getBounds2D() + " " + dots.get(j).getBounds2D());
                    }
                }
            }
        }
    }

    /** A grid without the paper's point (step 0.1) draws no label for it; an empty grid still draws. */
    @Test
    void coarseAndEmptyGrids() throws Exception {
        JFreeChart coarse = CandidatesChart.chart(GridCandidates.enumerate(0.1, 0.05));
        assertEquals(22, coarse.getXYPlot().getDataset().getItemCount(0));
        Path svg = dir.resolve("coarse.svg");
        FigureWriter.write(coarse, svg, 600, 400);
        assertFalse(SvgText.of(svg).contains("paper's choice"));
        FigureWriter.write(CandidatesChart.chart(List.of()), dir.resolve("empty.png"), 600, 400);
    }
}
