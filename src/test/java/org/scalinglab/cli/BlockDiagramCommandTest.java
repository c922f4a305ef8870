package org.scalinglab.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spec --block-diagram: the MBConv block of a stage as a figure file. */
class BlockDiagramCommandTest {
    @TempDir Path dir;

    @Test
    void writesTheBlockAsSvgAndPng() throws Exception {
        Path svg = dir.resolve("b0-stage4.svg");
        SpecCommandTest.Result r = SpecCommandTest.run("spec", "--model", "b0", "--block-diagram", "4", "--block", "2", "--out", svg.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Stage 4, block 2 of 2 (Keras block3b)"), r.out());
        String text = Files.readString(svg);
        assertTrue(text.contains("EfficientNet-B0: Stage 4, block 2 of 2 (Keras block3b)"));
        assertTrue(text.contains("Depthwise 5×5"));

        Path png = dir.resolve("formula.png");
        r = SpecCommandTest.run("spec", "--phi", "2", "--block-diagram", "6", "--out", png.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img);
        assertTrue(img.getWidth() > 1000 && img.getHeight() > 400, img.getWidth() + "x" + img.getHeight());
    }

    @Test
    void badArgumentsExitWithTwo() {
        String out = dir.resolve("x.svg").toString();
        String[][] cases = {
                {"spec", "--model", "b0", "--block-diagram", "9", "--out", out},
                {"spec", "--model", "b0", "--block-diagram", "1", "--out", out},
                {"spec", "--model", "b0", "--block-diagram", "2", "--block", "2", "--out", out},
                {"spec", "--model", "b0", "--block-diagram", "4"},
                {"spec", "--model", "b0", "--out", out},
                {"spec", "--model", "b0", "--block-diagram", "4", "--out", dir.resolve("x.gif").toString()},
                {"spec", "--model", "b0", "--block-diagram", "4", "--out", out, "--json"},
        };
        for (String[] args : cases) {
            SpecCommandTest.Result r = SpecCommandTest.run(args);
            assertEquals(Cli.EXIT_USAGE, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("error: "), r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        }
        assertFalse(Files.exists(dir.resolve("x.svg")));
    }
}
