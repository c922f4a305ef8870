package org.scalinglab.app;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder by class as the CAM tab reads it, and the true class an image gets from its folder. */
class ClassFolderTest {
    @TempDir Path dir;

    private Path file(String relative) throws Exception {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "not decoded here");
    }

    @Test
    void aTrainValRootOffersItsValidationImagesByClass() throws Exception {
        file("train/n01440764/t.JPEG");
        file("train/n02102040/u.JPEG");
        Path c = file("val/n01440764/c.JPEG");
        Path d = file("val/n02102040/d.JPEG");
        Path e = file("val/n02102040/e.JPEG");
        ClassFolder f = ClassFolder.open(dir, Map.of("n01440764", "tench"));
        assertEquals(List.of("n01440764", "n02102040"), f.classes());
        assertEquals(List.of("tench (n01440764)", "n02102040"), f.labels());
        assertEquals(List.of(c), f.images().get("n01440764"));
        assertEquals(List.of(d, e), f.images().get("n02102040"));
        assertEquals("2 classes, 3 images in val/", f.describe());
    }

    @Test
    void aFolderWithoutClassesIsRefusedWithAReason() throws Exception {
        file("only/a.png");
        var e = assertThrows(IllegalArgumentException.class, () -> ClassFolder.open(dir, Map.of()));
        assertTrue(e.getMessage().contains("sub-folder per class"), e.getMessage());
    }

    @Test
    void theTrueClassIsTheFolderReadThroughTheStudysNames() {
        Map<String, String> names = Map.of("n01440764", "tench", "n02102040", "English springer");
        List<String> study = List.of("tench", "English springer", "cassette player");
        assertEquals(new TrueClass(1, "English springer"), TrueClass.of(dir.resolve("val/n02102040/d.JPEG"), study, names));
        // ImageNet's names: tench is class 0 there too; a synonym list after the name still matches
        List<String> imagenet = List.of("tench, Tinca tinca", "goldfish");
        assertEquals(new TrueClass(0, "tench, Tinca tinca"), TrueClass.of(dir.resolve("n01440764/x.jpg"), imagenet, names));
        // a folder named after its class needs no table
        assertEquals(new TrueClass(2, "cassette player"), TrueClass.of(dir.resolve("cassette player/x.jpg"), study, Map.of()));
        assertNull(TrueClass.of(dir.resolve("holiday/x.jpg"), study, names), "not a class the models know");
    }

    @Test
    void theTrueClassIsAChoiceOfTheClassChooser() {
        assertEquals(TargetClass.TRUE_CLASS, TargetClass.parse(TargetClass.TRUE, List.of("a", "b")));
        assertEquals(TargetClass.TRUE, TargetClass.describe(TargetClass.TRUE_CLASS, List.of("a", "b")));
        assertEquals(TargetClass.TRUE_CLASS, TargetClass.parse("true class", List.of()));
    }
}
