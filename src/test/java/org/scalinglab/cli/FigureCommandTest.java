package org.scalinglab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figure command on a tiny study folder: three trained (random-weight) models and two not trained yet. */
class FigureCommandTest {
    @TempDir
    static Path dir;
    static Path study;
    static Path a;
    static Path b;

    @BeforeAll
    static void files() throws Exception {
        study = TinyStudy.study(dir.resolve("study"));
        a = TinyStudy.image(dir.resolve("a.png"), 200, 150);
        b = TinyStudy.image(dir.resolve("b.png"), 90, 120);
    }

    static SpecCommandTest.Result figure(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("figure", "--images", a.toString(), b.toString(),
                "--cache-dir", dir.resolve("cache").toString(), "--out", out.toString()));
        if (!Arrays.asList(extra).contains("--study-dir")) args.addAll(List.of("--study-dir", study.toString()));
        args.addAll(Arrays.asList(extra));
        return SpecCommandTest.run(args.toArray(String[]::new));
    }

    @Test
    void writesPdfSvgAndPng() throws Exception {
        Path pdf = dir.resolve("fig.pdf");
        SpecCommandTest.Result r = figure(pdf, "--method", "gradcam");
        assertEquals(0, r.code(), r.err());
        byte[] bytes = Files.readAllBytes(pdf);
        assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
        assertTrue(new String(bytes, bytes.length - 8, 8, StandardCharsets.US_ASCII).contains("%%EOF"));
        assertTrue(r.out().contains("2 images x 5 models"), r.out());
        // progress on stderr, one line per cell, and a note for each model without weights
        assertTrue(r.err().contains("[1/10] Base on a.png"), r.err());
        assertTrue(r.err().contains("[10/10] Resolution only on b.png"), r.err());
        assertTrue(r.err().contains("note: Width only has no weights (not trained yet)"), r.err());

        Path svg = dir.resolve("fig.svg");
        SpecCommandTest.Result s = figure(svg, "--method", "eigencam", "--colormap", "turbo", "--alpha", "0.6");
        assertEquals(0, s.code(), s.err());
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<?xml") || text.startsWith("<svg"), text.substring(0, 40));
        assertTrue(text.contains("Eigen-CAM at top_activation"), "legend title");
        assertTrue(text.contains("one colour scale per image (models comparable within a row)"), "the default scale, named in the legend");
        assertTrue(text.contains("not trained yet"), "the cells of models without weights say so");
        assertTrue(text.contains("Compound") && text.contains("Depth only"), "column titles");
        assertEquals(2 + 2 * 3, countOf(text, "<image"), "per row the original and three overlays; none for the two untrained models");

        Path png = dir.resolve("fig.png");
        SpecCommandTest.Result p = figure(png, "--dpi", "144");
        assertEquals(0, p.code(), p.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 1000, "144 dpi is two pixels per point: " + image.getWidth());
    }

    @Test
    void theColourScaleIsAChoiceNamedInTheFigure() throws Exception {
        for (String[] c : new String[][] {{"map", "one colour scale per map"}, {"all", "one colour scale over every image and model"}}) {
            Path svg = dir.resolve("scale-" + c[0] + ".svg");
            SpecCommandTest.Result r = figure(svg, "--scale", c[0]);
            assertEquals(0, r.code(), r.err());
            assertTrue(Files.readString(svg).contains(c[1]), c[0] + ": the legend names the scale");
            assertTrue(r.out().contains(c[1]), r.out());
        }
    }

    @Test
    void badArgumentsGiveOneLineAndExitCode2() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.jpg"), "not an image");
        Path empty = Files.createDirectories(dir.resolve("no-study"));
        Object[][] cases = {
                {"figure file must end in .png, .svg or .pdf: fig.gif", dir.resolve("fig.gif"), new String[0]},
                {"--dpi must be between 36 and 1200, got 20", dir.resolve("f.png"), new String[] {"--dpi", "20"}},
                {"unknown CAM method 'fancycam'", dir.resolve("f.pdf"), new String[] {"--method", "fancycam"}},
                {"--lineup must be study or b1..b7, got 'b12'", dir.resolve("f.pdf"), new String[] {"--lineup", "b12"}},
                {"--lineup b0 compares B0 with itself", dir.resolve("f.pdf"), new String[] {"--lineup", "b0"}},
                {"--scale must be image, map or all, got 'row'", dir.resolve("f.pdf"), new String[] {"--scale", "row"}},
                {"no study in " + empty, dir.resolve("f.pdf"), new String[] {"--study-dir", empty.toString()}},
        };
        for (Object[] c : cases) {
            SpecCommandTest.Result r = figure((Path) c[1], (String[]) c[2]);
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            assertTrue(r.err().startsWith("error: ") && r.err().contains((String) c[0]), r.err());
        }
        SpecCommandTest.Result missing = SpecCommandTest.run("figure", "--images", a.toString(), dir.resolve("gone.jpg").toString(),
                "--study-dir", study.toString(), "--out", dir.resolve("f.pdf").toString());
        assertEquals(2, missing.code());
        assertEquals("error: image not found: " + dir.resolve("gone.jpg"), missing.err().strip());
        SpecCommandTest.Result notImage = SpecCommandTest.run("figure", "--images", text.toString(), "--study-dir", study.toString(),
                "--out", dir.resolve("f.pdf").toString());
        assertEquals(2, notImage.code());
        assertTrue(notImage.err().startsWith("error: notes.jpg is not an image"), notImage.err());
        assertFalse(Files.exists(dir.resolve("f.pdf")), "no half figure");
    }

    private static int countOf(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }
}
