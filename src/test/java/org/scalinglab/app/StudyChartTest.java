package org.scalinglab.app;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.scalinglab.export.ChartStyle;
import org.scalinglab.export.SvgText;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.train.ScalingStudy;

class StudyChartTest {
    private static ScalingStudy.Entry entry(String kind, String label, long macs, Double top1) {
        return new ScalingStudy.Entry(kind, label, 0.5, 0.6, 160, 10, 1000, macs, 0, top1, top1 == null ? null : 0.9, 60, 10,
                top1 == null ? 0 : 10, top1 == null ? null : kind + "/model.h5", null);
    }

    @Test
    void oneBarPerModelInReportOrderWithItsCostAndValueAndAnEmptyRowForAnUntrainedOne(@TempDir Path dir) throws Exception {
        ScalingStudy.Report report = new ScalingStudy.Report(1, 1.2, 1.1, 1.15, List.of("a", "b"), List.of(
                entry("base", "Base", 51_102_672, 0.631), entry("compound", "Compound", 92_607_984, null),
                entry("width", "Width only", 92_609_136, 0.6764), entry("depth", "Depth only", 93_414_960, 0.51),
                entry("resolution", "Resolution only", 95_181_712, 0.6856)));
        JFreeChart chart = StudyChart.chart(report);
        CategoryPlot plot = chart.getCategoryPlot();
        assertEquals(List.of("Base 51.1 M mult-adds", "Compound 92.6 M mult-adds (not trained)", "Width only 92.6 M mult-adds",
                "Depth only 93.4 M mult-adds", "Resolution only 95.2 M mult-adds"), plot.getDataset().getColumnKeys());
        assertEquals(63.1, plot.getDataset().getValue(0, 0).doubleValue(), 1e-9);
        assertNull(plot.getDataset().getValue(0, 1));
        assertEquals(68.56, plot.getDataset().getValue(0, 4).doubleValue(), 1e-9);
        assertEquals(ChartStyle.FORMULA, plot.getRenderer().getItemPaint(0, 2), "width only is blue, as in the sweep chart");
        assertEquals(ChartStyle.CURRENT, plot.getRenderer().getItemPaint(0, 4), "resolution only is orange");

        Path svg = dir.resolve("study.svg");
        StudyChart.write(svg, chart, 72);
        String text = SvgText.of(svg);
        for (String s : List.of("63.1 %", "67.6 %", "51.0 %", "68.6 %", "4 of 5 models trained, 10 epochs each, 2 classes",
                "base w=0.5 d=0.6 160 px", "Scaling study at φ = 1: α=1.2, β=1.1, γ=1.15")) {
            assertTrue(text.contains(s), s + " in " + text);
        }
        Path png = dir.resolve("study.png");
        StudyChart.write(png, chart, 144);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(800, image.getHeight());
    }
}
