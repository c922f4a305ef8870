package org.scalinglab.app;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.scalinglab.export.FigureWriter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.train.BaseSize;
import org.scalinglab.train.GridSearchReport;
import org.scalinglab.train.SweepReport;

class SearchChartsTest {
    @TempDir Path dir;

    private static GridSearchReport.Candidate candidate(double a, double b, double g, Double top1) {
        return new GridSearchReport.Candidate(a, b, g, 0.35 * b, 0.4 * a, (int) Math.round(112 * g), 1000, 2000, top1,
                top1 == null ? null : 1.0, top1 == null ? 0 : 60, top1 == null ? null : "x/model.h5");
    }

    @Test
    void gridChartColoursByTopOneAndMarksPaperAndBest() throws Exception {
        // two candidates share alpha 1.1, beta 1.1 (gamma 1.2 and 1.25); one of them and one other are not trained
        GridSearchReport report = new GridSearchReport(new BaseSize(0.35, 0.4, 112), 0.05, 0.05, 1, 20, List.of("a", "b"), List.of(
                candidate(1.2, 1.1, 1.15, 0.55), candidate(1.4, 1.05, 1.15, 0.61), candidate(1.1, 1.1, 1.2, 0.58),
                candidate(1.1, 1.1, 1.25, null), candidate(1.9, 1.0, 1.0, null)));
        JFreeChart chart = GridChart.chart(report);
        XYDataset data = chart.getXYPlot().getDataset();
        assertEquals(3, data.getItemCount(0), "trained");
        assertEquals(2, data.getItemCount(1), "not trained");
        assertEquals(1.2, data.getXValue(2, 0), 1e-12, "paper ringed at its alpha");
        assertEquals(1.4, data.getXValue(3, 0), 1e-12, "best boxed");
        assertEquals(1.05, data.getYValue(3, 0), 1e-12);
        // side by side: gamma 1.2 left of alpha 1.1, gamma 1.25 right of it, symmetric
        double left = data.getXValue(0, 2);
        double right = data.getXValue(1, 0);
        assertTrue(left < 1.1 && right > 1.1, left + " " + right);
        assertEquals(1.1 - left, right - 1.1, 1e-12);
        // colours: lowest top-1 is viridis' first colour, highest its last
        XYItemRenderer r = chart.getXYPlot().getRenderer();
        assertEquals(new Color(0x440154), r.getItemPaint(0, 0));
        assertEquals(new Color(0xfde725), r.getItemPaint(0, 1));

        Path svg = dir.resolve("grid.svg");
        FigureWriter.write(chart, svg, 760, 500);
        String text = Files.readString(svg);
        assertTrue(text.contains("paper α=1.2 β=1.1 γ=1.15: 55.0%"), "paper label");
        assertTrue(text.contains("best α=1.4 β=1.05 γ=1.15: 61.0%"), "best label");
        assertTrue(text.contains("3 of 5 candidates trained"));
        assertTrue(chart.getSubtitles().stream().anyMatch(t -> t instanceof org.jfree.chart.title.PaintScaleLegend), "colour legend");
        assertTrue(text.contains("61.0") && text.contains("55.5"), "the legend's ticks span the trained top-1");
        Path png = dir.resolve("grid.png");
        FigureWriter.write(chart, png, 760, 500);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1520, img.getWidth());
    }

    @Test
    void gridChartWithNothingTrainedStillDraws() throws Exception {
        GridSearchReport report = new GridSearchReport(new BaseSize(0.35, 0.4, 112), 0.1, 0.05, 1, 20, List.of("a"),
                List.of(candidate(1.2, 1.1, 1.15, null), candidate(2, 1, 1, null)));
        Path svg = dir.resolve("empty.svg");
        FigureWriter.write(GridChart.chart(report), svg, 600, 400);
        String text = Files.readString(svg);
        assertTrue(text.contains("paper α=1.2 β=1.1 γ=1.15: not trained yet"));
        assertFalse(text.contains("best α"));
    }

    @Test
    void sweepChartHasOneLinePerModeFromTheSharedBase() throws Exception {
        SweepReport report = new SweepReport(new BaseSize(0.35, 0.4, 112), 1.2, 1.1, 1.15, List.of(0.0, 1.0), 1, 20, List.of("a", "b"), List.of(
                point("base", 0, 10_000_000, 0.40), point("compound", 1, 20_000_000, 0.52), point("width", 1, 19_800_000, 0.47),
                point("depth", 1, 20_500_000, null), point("resolution", 1, 20_100_000, 0.49)));
        JFreeChart chart = SweepChart.chart(report);
        XYDataset data = chart.getXYPlot().getDataset();
        assertEquals(4, data.getSeriesCount());
        assertEquals("Compound", data.getSeriesKey(0));
        assertEquals(2, data.getItemCount(0));
        assertEquals(10.0, data.getXValue(0, 0), 1e-12, "every line starts at the base");
        assertEquals(40.0, data.getYValue(0, 0), 1e-9);
        assertEquals(20.0, data.getXValue(0, 1), 1e-12);
        assertEquals(52.0, data.getYValue(0, 1), 1e-9);
        assertEquals(1, data.getItemCount(2), "depth only: its phi = 1 point is not trained yet");
        Path svg = dir.resolve("sweep.svg");
        FigureWriter.write(chart, svg, 760, 500);
        String text = Files.readString(svg);
        for (String s : List.of("φ=1", "base", "Compound", "Width only", "Resolution only", "4 of 5 networks trained", "α=1.2, β=1.1, γ=1.15")) {
            assertTrue(text.contains(s), s);
        }
    }

    private static SweepReport.Point point(String mode, double phi, long macs, Double top1) {
        return new SweepReport.Point(mode, phi, 0.35, 0.4, 112, 1000, macs, 0, top1, top1 == null ? null : 1.0, 10,
                top1 == null ? null : mode + "/model.h5");
    }
}
