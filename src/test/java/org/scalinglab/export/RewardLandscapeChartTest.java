package org.scalinglab.export;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.scaling.SearchObjective;
import org.scalinglab.scaling.SearchObjective.Scored;
import org.scalinglab.scaling.SearchReward;

class RewardLandscapeChartTest {
    @TempDir Path dir;

    /**
     * Table 2 at T = 400 M, w = −0.07, by hand: B0 0.771 × (0.39/0.4)^−0.07 = 0.771 × 1.001774 = 0.772368;
     * B1 0.791 × 1.75^−0.07 = 0.791 × 0.961585 = 0.760613; B2 0.801 × 2.5^−0.07 = 0.801 × 0.937873 = 0.751237;
     * every other network costs more than B1 for less than B1's gain (e.g. ResNet-50 0.760 × 10.25^−0.07 = 0.646).
     */
    @Test
    void b0WinsAtItsTarget() {
        RewardLandscapeChart c = new RewardLandscapeChart(SearchObjective.efficientNet(4e8, -0.07));
        List<Scored> r = c.ranked();
        assertEquals("EfficientNet-B0", r.get(0).model().model());
        assertEquals(0.772368, r.get(0).reward(), 1e-6);
        assertEquals("EfficientNet-B1", r.get(1).model().model());
        assertEquals(0.760613, r.get(1).reward(), 1e-6);
        assertEquals("EfficientNet-B2", r.get(2).model().model());
        assertEquals(0.751237, r.get(2).reward(), 1e-6);
        assertEquals(23, r.size(), "24 rows of Table 2 less GPipe, which has no FLOPs");
    }

    /**
     * With one exponent, T only multiplies every reward by T^0.07: at T = 4 B each reward is 10^0.07 = 1.174898 times
     * its value at 400 M, so B0 still wins (0.772368 × 1.174898 = 0.907453) and the order is the same. The hard
     * constraint (α = 0, β = −1) at 4 B is the most accurate network at or under 4 B FLOPs: B3 (81.6 %, 1.8 B) beats
     * B2 (80.1), DenseNet-169 (76.2, 3.5 B); over 4 B, B4 is cut to 0.829 × 4/4.2 = 0.7895. At 400 M the hard
     * constraint keeps B0 (0.771; B1 falls to 0.791 × 0.4/0.7 = 0.452).
     */
    @Test
    void movingTheTargetChangesTheWinnerOnlyWithTwoExponents() {
        RewardLandscapeChart c = new RewardLandscapeChart(SearchObjective.efficientNet(4e8, -0.07));
        List<String> at400 = c.ranked().stream().map(s -> s.model().model()).toList();
        c.setObjective(SearchObjective.efficientNet(4e9, -0.07));
        assertEquals(at400, c.ranked().stream().map(s -> s.model().model()).toList());
        assertEquals(0.907453, c.ranked().get(0).reward(), 1e-5);

        c.setObjective(SearchObjective.mnasHard(4e9));
        assertEquals("EfficientNet-B3", c.ranked().get(0).model().model());
        assertEquals(0.816, c.ranked().get(0).reward(), 1e-12);
        assertEquals("EfficientNet-B2", c.ranked().get(1).model().model());
        Scored b4 = c.ranked().stream().filter(s -> s.model().model().equals("EfficientNet-B4")).findFirst().orElseThrow();
        assertEquals(0.829 * 4 / 4.2, b4.reward(), 1e-12);

        c.setObjective(SearchObjective.mnasHard(4e8));
        assertEquals("EfficientNet-B0", c.ranked().get(0).model().model());
        assertEquals(0.771, c.ranked().get(0).reward(), 1e-12);
    }

    /** Every sampled point of the line for reward r has ACC × (F/T)^w = r (both forms), and line 0 is the winner's. */
    @Test
    void contoursAreLinesOfEqualReward() {
        for (SearchObjective o : List.of(SearchObjective.efficientNet(4e8, -0.07), SearchObjective.mnasHard(2e9),
                new SearchObjective(1e9, -0.2, -0.5))) {
            RewardLandscapeChart c = new RewardLandscapeChart(o);
            List<Double> levels = c.levels();
            assertTrue(levels.size() >= 4, "a few lines: " + levels);
            assertEquals(c.ranked().get(0).reward(), levels.get(0), 1e-12);
            int checked = 0;
            for (int s = 0; s < levels.size(); s++) {
                XYSeries line = c.contours().getSeries(s);
                for (int i = 0; i < line.getItemCount(); i += 4) {
                    double y = line.getY(i).doubleValue();
                    if (Double.isNaN(y)) continue;
                    double gflops = line.getX(i).doubleValue();
                    double reward = SearchReward.piecewise(y / 100, gflops * 1e9, o.target(), o.below(), o.above());
                    assertEquals(levels.get(s), reward, 1e-9, "line " + s + " at " + gflops + " B FLOPs");
                    checked++;
                }
            }
            assertTrue(checked > 30, "points checked: " + checked);
        }
    }

    @Test
    void svgNamesTheTargetAndTheWinner() throws Exception {
        RewardLandscapeChart c = new RewardLandscapeChart(SearchObjective.efficientNet(4e8, -0.07));
        Path svg = dir.resolve("reward.svg");
        FigureWriter.write(c.chart(), svg, 1000, 650);
        String text = Files.readString(svg);
        assertTrue(text.contains("T = 400 M FLOPs"), "target marker");
        assertTrue(text.contains("best: EfficientNet-B0, reward 0.772"), "winner's label");
        assertTrue(text.contains("B7"), "B0..B7 labelled");
        String tip = c.chart().getXYPlot().getRenderer().getToolTipGenerator(0, 0).generateToolTip(c.chart().getXYPlot().getDataset(), 0, 0);
        assertEquals("EfficientNet-B0: top-1 77.1%, 0.39 B FLOPs, reward 0.7724 (rank 1 of 23)", tip);
    }

    @Test
    void flopsReadLikeThePaper() {
        assertEquals("400 M", RewardLandscapeChart.flops(4e8));
        assertEquals("4 B", RewardLandscapeChart.flops(4e9));
        assertEquals("1.5 B", RewardLandscapeChart.flops(1.5e9));
        assertEquals("20 B", RewardLandscapeChart.flops(2e10));
    }
}
