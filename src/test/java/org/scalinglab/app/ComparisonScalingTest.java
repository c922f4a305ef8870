package org.scalinglab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.cam.Colormap;
import org.scalinglab.cam.Heatmap;
import org.scalinglab.export.ComparisonFigure;
import org.scalinglab.tf.KerasWeights;
import org.scalinglab.tf.ModelOptions;

/**
 * The colour scale of a comparison: with one scale per image (the default), adding a photo whose maps go higher leaves
 * the rows already there exactly as they were, on screen and in the exported figure; over everything, it recolours them.
 * And the time a slow method will take is estimated from the forward passes its maps need.
 */
class ComparisonScalingTest {
    static final List<String> CLASSES = List.of("circle", "square", "triangle", "cross");
    static final NetworkSpec A = new NetworkSpec("tiny-a", 0.25, 0.25, 64, 0.1, 4);
    static final NetworkSpec B = new NetworkSpec("tiny-b", 0.25, 0.25, 80, 0.1, 4);
    static final List<LineupModel> LINEUP = List.of(
            new LineupModel("Tiny A", A, CLASSES, KerasWeights.random(A, 1), null),
            new LineupModel("Tiny B", B, CLASSES, KerasWeights.random(B, 2), null),
            LineupModel.missing("Width only", A.withName("tiny-w"), "no weights in this test"));

    @TempDir
    static Path dir;
    static ComparisonRunner.Input quiet;
    static ComparisonRunner.Input busy;
    /** Which photo made the hotter maps (for the report; CamMeaningTest adds the busy one second). */
    static String hotter;

    @BeforeAll
    static void photos() throws Exception {
        quiet = ComparisonRunner.Input.read(photo("quiet.png", 96, 64, false));
        busy = ComparisonRunner.Input.read(photo("busy.png", 70, 90, true));
    }

    @Test
    void aHotterPhotoAddedLeavesTheRowsThereUnchangedWithOneScalePerImage() throws Exception {
        try (ComparisonRunner runner = new ComparisonRunner(LINEUP, ModelOptions.defaults().withCacheDir(dir.resolve("cache")).withThreads(1, 1))) {
            // which of the two photos makes the hotter maps with these random networks: that one is added second
            ComparisonResult both = runner.run(List.of(quiet, busy), settings(Heatmap.Scaling.PER_IMAGE), (d, t, m) -> { }, () -> false);
            boolean busyHotter = both.rows().get(1).cells().get(0).heatmap().high() > both.rows().get(0).cells().get(0).heatmap().high();
            System.out.println("ComparisonScalingTest: row highs quiet " + both.rows().get(0).cells().get(0).heatmap().high() + ", busy "
                    + both.rows().get(1).cells().get(0).heatmap().high());
            ComparisonRunner.Input cool = busyHotter ? quiet : busy;
            ComparisonRunner.Input hot = busyHotter ? busy : quiet;
            ComparisonResult one = runner.run(List.of(cool), settings(Heatmap.Scaling.PER_IMAGE), (d, t, m) -> { }, () -> false);
            ComparisonResult two = runner.run(List.of(cool, hot), settings(Heatmap.Scaling.PER_IMAGE), (d, t, m) -> { }, () -> false);
            assertEquals(Heatmap.Scaling.PER_IMAGE, two.scaling());
            for (int c = 0; c < 2; c++) {
                assertSamePixels(one.rows().get(0).cells().get(c).overlay(), two.rows().get(0).cells().get(c).overlay(), "model " + c);
            }
            // the models of a row share one range: the row's hottest map reaches the top of the scale
            double high = Math.max(two.rows().get(1).cells().get(0).heatmap().high(), two.rows().get(1).cells().get(1).heatmap().high());
            assertEquals(two.rows().get(1).cells().get(0).heatmap().high(), two.rows().get(1).cells().get(1).heatmap().high());
            assertTrue(high > one.rows().get(0).cells().get(0).heatmap().high(), "the photo added second makes the hotter maps");

            // the exported figure: everything above the legend of the one-row figure is the same in the two-row figure
            BufferedImage a = draw(ComparisonRunner.figure(one, Colormap.JET));
            BufferedImage b = draw(ComparisonRunner.figure(two, Colormap.JET));
            int band = (int) Math.floor(ComparisonRunner.figure(one, Colormap.JET).height()) - 60;
            assertSamePixels(a.getSubimage(0, 0, a.getWidth(), band), b.getSubimage(0, 0, b.getWidth(), band), "the figure's first row");

            // over everything, the same photo recolours the first row (so the check above means something)
            ComparisonResult shared = two.recoloured(Heatmap.Scaling.SHARED, Colormap.JET, 0.5);
            assertNotEquals(0, differing(one.rows().get(0).cells().get(0).overlay(), shared.rows().get(0).cells().get(0).overlay()));
            // and a redraw in another scale is exactly what a run in that scale gives
            ComparisonResult run = runner.run(List.of(cool, hot), settings(Heatmap.Scaling.SHARED), (d, t, m) -> { }, () -> false);
            assertSamePixels(run.rows().get(1).cells().get(1).overlay(), shared.rows().get(1).cells().get(1).overlay(), "redrawn");
        }
    }

    @Test
    void aSlowMethodIsEstimatedFromItsForwardPasses() {
        try (ComparisonRunner runner = new ComparisonRunner(LINEUP, ModelOptions.defaults().withCacheDir(dir.resolve("cache")).withThreads(1, 1))) {
            int channelsA = ComparisonRunner.channelsAt(LINEUP.get(0), "top_activation");
            int channelsB = ComparisonRunner.channelsAt(LINEUP.get(1), "top_activation");
            assertEquals(A.headFilters(), channelsA);
            RunEstimate score = runner.estimate(3, new ComparisonRunner.Settings("scorecam", "top_activation", null, Colormap.JET, 0.5,
                    Heatmap.Scaling.PER_IMAGE, 8));
            assertEquals(3L * (1 + channelsA) + 3L * (1 + channelsB), score.forwardImages(), "1 + channels per map, two models with weights");
            assertEquals(6, score.cells());
            assertTrue(score.seconds() > 0, "measured: " + score.seconds());
            RunEstimate grad = runner.estimate(3, settings(Heatmap.Scaling.PER_IMAGE));
            assertEquals(6, grad.forwardImages());
            assertTrue(grad.seconds() < score.seconds());
            assertTrue(ComparisonSession.slow(new ComparisonRunner.Settings("scorecam", "top_activation", null, Colormap.JET, 0.5,
                    Heatmap.Scaling.PER_IMAGE, 8), LINEUP));
            assertTrue(!ComparisonSession.slow(settings(Heatmap.Scaling.PER_IMAGE), LINEUP));
        }
        RunEstimate slow = new RunEstimate("scorecam", 170, 5124, 4);
        assertTrue(slow.isLong());
        assertEquals("Score-CAM on 2 photos × 2 models: about 3 min (5,124 images through the networks).", slow.sentence(2, 2));
        assertTrue(!new RunEstimate("scorecam", 19, 500, 4).isLong(), "up to 20 s starts without asking");
        assertEquals("8 s", RunEstimate.duration(8.2));
        assertEquals("70 min", RunEstimate.duration(4200));
        assertEquals("1 h 40 min", RunEstimate.duration(6000));
    }

    private static ComparisonRunner.Settings settings(Heatmap.Scaling scale) {
        return new ComparisonRunner.Settings("gradcam", "top_activation", null, Colormap.JET, 0.5, scale, 8);
    }

    private static BufferedImage draw(ComparisonFigure f) {
        BufferedImage img = new BufferedImage((int) Math.ceil(f.width()), (int) Math.ceil(f.height()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        f.draw(g);
        g.dispose();
        return img;
    }

    /** A gradient with a bright disc; {@code busy}: stripes of noise over half its pixels, whose maps go higher. */
    private static Path photo(String name, int w, int h, boolean busy) throws Exception {
        BufferedImage img = TestPhotos.gradientWithDisc(w, h);
        if (busy) {
            Random r = new Random(7);
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) if (((x / 3) + (y / 5)) % 2 == 0) img.setRGB(x, y, r.nextInt(0x1000000));
        }
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    private static void assertSamePixels(BufferedImage a, BufferedImage b, String what) {
        assertNotNull(a, what);
        assertNotNull(b, what);
        assertEquals(a.getWidth(), b.getWidth(), what);
        assertEquals(a.getHeight(), b.getHeight(), what);
        assertEquals(0, differing(a, b), what + ": pixels changed");
    }

    private static int differing(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) for (int x = 0; x < a.getWidth(); x++) if (a.getRGB(x, y) != b.getRGB(x, y)) n++;
        return n;
    }
}
