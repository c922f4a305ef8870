package org.scalinglab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.cam.Colormap;
import org.scalinglab.tf.EfficientNetModel;
import org.scalinglab.tf.ImagePreprocessor;
import org.scalinglab.tf.KerasWeights;
import org.scalinglab.tf.ModelOptions;

/** A cell's top-5 now comes from its CAM run: it must be the model's own forward pass, whatever class is explained. */
class ComparisonRunnerTest {

    @Test
    void topFiveFromTheCamRunEqualsAForwardPassAndTopOneIsTheExplainedClass(@TempDir Path dir) throws Exception {
        NetworkSpec spec = new NetworkSpec("tiny", 0.25, 0.25, 64, 0.1, 6);
        KerasWeights weights = KerasWeights.random(spec, 3);
        LineupModel m = new LineupModel("tiny", spec, List.of("a", "b", "c", "d", "e", "f"), weights, "");
        Path image = dir.resolve("photo.png");
        BufferedImage img = new BufferedImage(90, 70, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(120, 140, 90));
        g.fillRect(0, 0, 90, 70);
        g.setColor(Color.RED);
        g.fillOval(30, 20, 30, 30);
        g.dispose();
        ImageIO.write(img, "png", image.toFile());
        ModelOptions options = ModelOptions.defaults().withCacheDir(dir.resolve("cache"));

        float[] expected;
        try (EfficientNetModel model = m.load(options)) {
            expected = model.probabilities(new float[][][][] {ImagePreprocessor.load(image, 64).pixels()})[0];
        }
        int top = 0;
        for (int i = 1; i < expected.length; i++) if (expected[i] > expected[top]) top = i;
        int other = (top + 2) % 6;
        try (ComparisonRunner runner = new ComparisonRunner(List.of(m), options)) {
            for (Integer target : new Integer[] {null, other, 9}) {
                ComparisonRunner.Settings s = new ComparisonRunner.Settings("gradcam", "top_activation", target, Colormap.JET, 0.5, org.scalinglab.cam.Heatmap.Scaling.SHARED, 8);
                ComparisonResult.Cell cell = runner.run(List.of(ComparisonRunner.Input.read(image)), s, (d, t, w) -> { }, () -> false).rows().get(0).cells().get(0);
                assertEquals(5, cell.top5().size());
                assertEquals(top, cell.top5().get(0).index(), "target " + target);
                for (LineupModel.Prediction p : cell.top5()) {
                    assertEquals(expected[p.index()], p.probability(), 1e-6, "target " + target + ", class " + p.index());
                }
                if (target == null) {
                    assertEquals(top, cell.targetClass());
                    assertNotNull(cell.heatmap());
                } else if (target == other) {
                    assertEquals(other, cell.targetClass());
                    assertNotNull(cell.heatmap());
                } else {
                    assertNull(cell.heatmap());
                    assertTrue(cell.note().contains("outside this model's 6 classes"), cell.note());
                }
            }
            // "true class": each image explained for the class of its folder; unknown folder, a note instead of a map
            ComparisonRunner.Settings s = new ComparisonRunner.Settings("gradcam", "top_activation", TargetClass.TRUE_CLASS, Colormap.JET, 0.5,
                    org.scalinglab.cam.Heatmap.Scaling.SHARED, 8);
            ComparisonRunner.Input read = ComparisonRunner.Input.read(image);
            ComparisonResult known = runner.run(List.of(new ComparisonRunner.Input("photo.png", read.image(), new TrueClass(other, "x"))), s,
                    (d, t, w) -> { }, () -> false);
            assertEquals(other, known.rows().get(0).cells().get(0).targetClass());
            assertNotNull(known.rows().get(0).cells().get(0).heatmap());
            assertEquals("x", known.rows().get(0).trueLabel());
            ComparisonResult.Cell unknown = runner.run(List.of(read), s, (d, t, w) -> { }, () -> false).rows().get(0).cells().get(0);
            assertNull(unknown.heatmap());
            assertTrue(unknown.note().contains("true class of photo.png is not known"), unknown.note());
        }
    }

    /** In the figure, a photo of a known class says so, and each model's top-1 is marked right or wrong. */
    @Test
    void figureCaptionsMarkTheTopOneAgainstTheTrueClass() {
        ComparisonResult.Cell church = new ComparisonResult.Cell(List.of(new LineupModel.Prediction(4, "church", 0.712),
                new LineupModel.Prediction(6, "garbage truck", 0.2)), 4, null, null, null, null, "");
        ComparisonResult.Cell truck = new ComparisonResult.Cell(List.of(new LineupModel.Prediction(6, "garbage truck", 0.358)), 6,
                null, null, null, null, "");
        assertEquals("✓ church 71%", ComparisonRunner.caption(church, "church"));
        assertEquals("✗ garbage truck 36%", ComparisonRunner.caption(truck, "church"));
        assertEquals("church 71%", ComparisonRunner.caption(church, ""), "no class known: no mark");
        assertEquals("", ComparisonRunner.caption(new ComparisonResult.Cell(List.of(), -1, null, null, null, null, "no weights"), "church"));
    }

    /** Each photo of the figure says what it shows: its folder's class, a sample's known class, or that it is none of them. */
    @Test
    void figureRowsSayWhatEachPhotoShows() {
        NetworkSpec spec = new NetworkSpec("tiny", 0.25, 0.25, 48, 0.1, 4);
        LineupModel m = new LineupModel("A", spec, List.of("cat", "dog", "church", "cup"), KerasWeights.random(spec, 1), null);
        BufferedImage photo = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        java.util.function.Function<String, ComparisonResult.Cell> top = label -> new ComparisonResult.Cell(
                List.of(new LineupModel.Prediction(0, label, 0.6)), 0, null, null, null, null, "");
        ComparisonResult r = new ComparisonResult(List.of(m), List.of(
                new ComparisonResult.Row("n02123045_1.jpg", photo, List.of(top.apply("cat")), "cat"),
                new ComparisonResult.Row("china-temple.jpg", photo, List.of(top.apply("cup")), ""),
                new ComparisonResult.Row("flower.jpg", photo, List.of(top.apply("dog")), ""),
                new ComparisonResult.Row("mine.jpg", photo, List.of(top.apply("dog")), "")), "gradcam", "top_activation",
                org.scalinglab.cam.Heatmap.Scaling.PER_IMAGE);
        List<PhotoClasses.Verdict> verdicts = java.util.Arrays.asList(null,
                new PhotoClasses.Verdict(PhotoClasses.Kind.KNOWN, "church", "a temple", 4),
                new PhotoClasses.Verdict(PhotoClasses.Kind.OUTSIDE, "", "a flower", 4), null);
        org.scalinglab.export.ComparisonFigure f = ComparisonRunner.figure(r, Colormap.JET, verdicts);
        List<String> about = f.rows().stream().map(org.scalinglab.export.ComparisonFigure.Row::about).toList();
        assertEquals(List.of("true class: cat", "shows church", "⚠ not one of the 4 classes", ""), about);
        List<String> captions = f.rows().stream().map(row -> row.cells().get(0).caption()).toList();
        assertEquals(List.of("✓ cat 60%", "✗ cup 60%", "dog 60%", "dog 60%"), captions);
    }
}
