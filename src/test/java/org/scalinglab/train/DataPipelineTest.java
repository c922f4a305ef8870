package org.scalinglab.train;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataPipelineTest {

    @Test
    void imageFolderSplitsPerClassAndSortsClasses(@TempDir Path dir) throws Exception {
        SyntheticShapes.write(dir, 3, 10, 32, 1);
        Files.writeString(dir.resolve("disc").resolve("notes.txt"), "not an image");
        ImageFolder f = ImageFolder.open(dir, 0.2, 0, 7);
        assertEquals(List.of("disc", "square", "triangle"), f.classes());
        assertEquals(6, f.validation().size());
        assertEquals(24, f.train().size());
        for (int c = 0; c < 3; c++) {
            final int label = c;
            assertEquals(2, f.validation().stream().filter(i -> i.label() == label).count());
        }
        assertTrue(f.train().stream().noneMatch(f.validation()::contains));
        ImageFolder limited = ImageFolder.open(dir, 0.2, 3, 7);
        assertEquals(9, limited.train().size());
    }

    @Test
    void trainValLayoutIsUsedAsIs(@TempDir Path dir) throws Exception {
        SyntheticShapes.write(dir.resolve("train"), 2, 4, 32, 1);
        SyntheticShapes.write(dir.resolve("val"), 2, 2, 32, 2);
        ImageFolder f = ImageFolder.open(dir, 0.5, 0, 7);
        assertEquals(8, f.train().size());
        assertEquals(4, f.validation().size());
        assertEquals(dir.resolve("train"), ImageFolder.classesFolder(dir));
        assertEquals(dir.resolve("train"), ImageFolder.classesFolder(dir.resolve("train")), "a folder of class folders is its own");
    }

    @Test
    void clearErrorsForBadFolders(@TempDir Path dir) throws Exception {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImageFolder.open(dir.resolve("nope"), 0.2, 0, 1))
                .getMessage().contains("not found"));
        Files.createDirectories(dir.resolve("only"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImageFolder.open(dir, 0.2, 0, 1))
                .getMessage().contains("one sub-folder per class"));
    }

    @Test
    void evaluationCropIsTheCentreSquare() {
        // 30x10 image: left third red, middle third green, right third blue; the centre 10x10 is all green
        BufferedImage img = new BufferedImage(30, 10, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 10; y++) for (int x = 0; x < 30; x++) img.setRGB(x, y, x < 10 ? 0xff0000 : x < 20 ? 0x00ff00 : 0x0000ff);
        float[] t = Augmentation.evaluation(img, 10);
        for (int i = 0; i < 100; i++) {
            assertEquals(0, t[3 * i], 1e-6);
            assertEquals(255, t[3 * i + 1], 1e-6);
            assertEquals(0, t[3 * i + 2], 1e-6);
        }
    }

    @Test
    void flipMirrorsTheImage() {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) for (int x = 0; x < 8; x++) img.setRGB(x, y, x < 4 ? 0xff0000 : 0x0000ff);
        float[] flipped = Augmentation.toTensor(img, 0, 0, 8, 8, 8, true);
        assertEquals(0, flipped[0], 1e-6);          // top-left now blue
        assertEquals(255, flipped[2], 1e-6);
        assertEquals(255, flipped[3 * 7], 1e-6);     // top-right now red
    }

    @Test
    void loaderDeliversEveryImageOnceWithItsLabelAndSkipsBrokenFiles(@TempDir Path dir) throws Exception {
        List<SyntheticShapes.Sample> samples = SyntheticShapes.write(dir, 2, 5, 32, 3);
        Files.write(dir.resolve("disc").resolve("broken.png"), new byte[] {1, 2, 3});
        List<ImageFolder.Item> items = new ArrayList<>();
        for (SyntheticShapes.Sample s : samples) items.add(new ImageFolder.Item(s.file(), s.label()));
        items.add(new ImageFolder.Item(dir.resolve("disc").resolve("broken.png"), 0));
        try (BatchLoader loader = new BatchLoader(16, 4, 2)) {
            int seen = 0;
            int discs = 0;
            for (BatchLoader.Batch b : loader.epoch(items, false, 1, 0)) {
                assertEquals(b.count() * 16 * 16 * 3, b.pixels().length);
                for (int l : b.labels()) if (l == 0) discs++;
                seen += b.count();
            }
            assertEquals(10, seen);
            assertEquals(5, discs);
            assertEquals(1, loader.skipped());
            // training: 11 items / 4 = 2 full batches, same shuffled order for the same seed and epoch
            List<Integer> a = labels(loader.epoch(items, true, 5, 1));
            List<Integer> b = labels(loader.epoch(items, true, 5, 1));
            assertEquals(a, b);
            assertEquals(1, loader.skipped(), "one broken file, however often it is met");
            String note = loader.skippedNote();
            assertTrue(note.startsWith("1 unreadable image skipped (") && note.contains("broken.png"), note);
        }
    }

    private static List<Integer> labels(Iterable<BatchLoader.Batch> batches) {
        List<Integer> out = new ArrayList<>();
        for (BatchLoader.Batch b : batches) for (int l : b.labels()) out.add(l);
        return out;
    }

    @Test
    void randomCropsStayInsideTheImage() {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(1);
        for (int i = 0; i < 50; i++) assertEquals(12 * 12 * 3, Augmentation.train(img, 12, r).length);
    }
}
