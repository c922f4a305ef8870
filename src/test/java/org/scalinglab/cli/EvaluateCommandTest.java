package org.scalinglab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.train.ImageFolder;
import org.scalinglab.train.SyntheticShapes;
import org.scalinglab.train.Trainer;
import org.scalinglab.train.TrainingConfig;

class EvaluateCommandTest {

    /**
     * The synthetic-shapes fixture model (validation top-1 1.0) on fresh shapes put in folders by hand, three of them
     * in the wrong folder: the confusion matrix is the one written here, and top-1 is 9 of 12.
     */
    @Test
    void theConfusionMatrixOfAFolderWithKnownMistakes(@TempDir Path dir) throws Exception {
        Path weights = dir.resolve("shapes.h5");
        try (InputStream in = EvaluateCommandTest.class.getResourceAsStream("/org/scalinglab/cam/shapes-512.h5")) {
            Files.copy(in, weights);
        }
        // the model's classes are the sorted folder names it was trained on: disc, ring, square, triangle
        List<String> folders = List.of("disc", "ring", "square", "triangle");
        int[][] placed = {
                // shapes drawn of each class (SyntheticShapes order: disc, square, triangle, ring) into each folder
                {3, 0, 0, 0}, // disc/: 3 discs
                {0, 0, 0, 2}, // ring/: 2 rings
                {0, 2, 1, 0}, // square/: 2 squares and a triangle
                {1, 1, 2, 0}, // triangle/: a disc, a square and 2 triangles
        };
        List<SyntheticShapes.Drawn> drawn = SyntheticShapes.draw(4, 3, 512, 99);
        for (int f = 0; f < 4; f++) {
            Path folder = Files.createDirectories(dir.resolve("data").resolve(folders.get(f)));
            for (int shape = 0; shape < 4; shape++) {
                int s = shape;
                List<SyntheticShapes.Drawn> ofShape = drawn.stream().filter(d -> d.label() == s).toList();
                for (int k = 0; k < placed[f][shape]; k++) {
                    ImageIO.write(ofShape.get((k + f) % ofShape.size()).image(), "png", folder.resolve(shape + "-" + k + ".png").toFile());
                }
            }
        }
        SpecCommandTest.Result r = SpecCommandTest.run("evaluate", "--model", "0.1,0.25,512,4", "--weights", weights.toString(),
                "--data", dir.resolve("data").toString(), "--batch", "5", "--json", "--cache-dir", dir.resolve("cache").toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        JsonObject j = new Gson().fromJson(r.out(), JsonObject.class);
        // rows: the folder (true class); columns: the shape drawn, as the model's class (disc 0, ring 1, square 2, triangle 3)
        int[][] expected = {{3, 0, 0, 0}, {0, 2, 0, 0}, {0, 0, 2, 1}, {1, 0, 1, 2}};
        int[][] confusion = new Gson().fromJson(j.get("confusion"), int[][].class);
        for (int i = 0; i < 4; i++) assertArrayEquals(expected[i], confusion[i], "row " + folders.get(i));
        assertEquals(12, j.get("images").getAsInt());
        assertEquals(9, j.get("top1_correct").getAsInt());
        assertEquals(0.75, j.get("top1").getAsDouble(), 1e-12);
        assertEquals(0.5, j.getAsJsonArray("per_class").get(3).getAsJsonObject().get("top1").getAsDouble(), 1e-12, "triangle/");
        String csv = Files.readString(dir.resolve("out/confusion.csv"));
        assertEquals("true\\predicted,disc,ring,square,triangle\ndisc,3,0,0,0\nring,0,2,0,0\nsquare,0,0,2,1\ntriangle,1,0,1,2\n", csv);
        String perClass = Files.readString(dir.resolve("out/per-class.csv"));
        assertTrue(perClass.contains("\ntriangle,class 3,4,0.500000\n"), perClass);
        assertTrue(Files.size(dir.resolve("out/confusion.png")) > 1000);
        assertTrue(Files.readString(dir.resolve("out/confusion.svg")).contains("class 3"), "the class names are drawn as text");
        assertTrue(r.err().contains("12/12 images"), r.err());
    }

    /** A model trained here: evaluate on the same val/ folder gives the trainer's last validation figures exactly. */
    @Test
    void reproducesTheTrainersValidationExactly(@TempDir Path dir) throws Exception {
        SyntheticShapes.write(dir.resolve("data/train"), 3, 30, 48, 5);
        SyntheticShapes.write(dir.resolve("data/val"), 3, 13, 48, 6);
        NetworkSpec spec = new NetworkSpec("tiny", 0.25, 0.25, 48, 0.1, 3);
        Trainer.Result trained = Trainer.train(spec, ImageFolder.open(dir.resolve("data"), 0.2, 0, 1),
                new TrainingConfig(2, 10, 0.1, 1, 0.9, 0.1, 1e-5, 0.9, 3, 2), dir.resolve("run"), p -> { }, () -> false);
        SpecCommandTest.Result r = SpecCommandTest.run("evaluate", "--model", "0.25,0.25,48,3", "--weights", trained.weights().toString(),
                "--data", dir.resolve("data").toString(), "--json", "--batch", "7");
        assertEquals(0, r.code(), r.err());
        JsonObject j = new Gson().fromJson(r.out(), JsonObject.class);
        assertEquals(39, j.get("images").getAsInt());
        assertEquals(trained.top1(), j.get("top1").getAsDouble(), 0.0, "top-1: trainer " + trained.top1());
        assertEquals(trained.top5(), j.get("top5").getAsDouble(), 0.0);
    }

    @Test
    void aFolderWithOtherClassesIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        SyntheticShapes.write(dir.resolve("data"), 2, 2, 48, 1);
        SpecCommandTest.Result r = SpecCommandTest.run("evaluate", "--model", "0.25,0.25,48,3", "--weights", "random",
                "--data", dir.resolve("data").toString());
        assertEquals(Cli.EXIT_USAGE, r.code());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("holds 2 classes, w=0.250 d=0.250 has 3"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        SpecCommandTest.Result missing = SpecCommandTest.run("evaluate", "--model", "b0", "--weights", "random", "--data", dir.resolve("nope").toString());
        assertEquals(Cli.EXIT_USAGE, missing.code());
        assertTrue(missing.err().contains("image folder not found"), missing.err());
    }

    @Test
    void limitSpreadsOverTheClasses() {
        List<ImageFolder.Item> items = List.of(item("a1", 0), item("a2", 0), item("a3", 0), item("b1", 1), item("c1", 2), item("c2", 2));
        assertEquals(List.of("a1", "b1", "c1", "a2"), EvaluateCommand.spread(items, 4, 3).stream()
                .map(i -> i.file().getFileName().toString()).toList());
        assertEquals(6, EvaluateCommand.spread(items, 10, 3).size());
    }

    private static ImageFolder.Item item(String name, int label) {
        return new ImageFolder.Item(Path.of(name), label);
    }

}
