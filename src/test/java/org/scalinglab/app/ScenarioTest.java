package org.scalinglab.app;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {

    @Test
    void roundTrips(@TempDir Path dir) throws Exception {
        Scenario s = new Scenario(1, 2.5, 1.3, 1.05, 1.2, 240, "b3", "b0", "gradcampp", "block6a_project_bn", 281,
                "viridis", 0.35, "map", List.of(dir.resolve("a.jpg").toString(), dir.resolve("images/b.png").toString()), "search",
                new Scenario.Search("piecewise", 4e9, -0.07, 0, -1, 0.1, 0.03, dir.resolve("runs/grid.json").toString(), null));
        Path f = dir.resolve("lecture" + Scenario.EXTENSION);
        s.save(f);
        Scenario loaded = Scenario.load(f);
        assertEquals(List.of("a.jpg", "images/b.png"), loaded.images(), "written relative to the scenario's folder");
        assertEquals("runs/grid.json", loaded.search().gridReport());
        assertEquals(s, loaded.resolvedFor(f));
    }

    /**
     * A lecture folder (scenario, images, a grid report) moved elsewhere as a whole, as to another computer: the scenario
     * still finds every file, because it stores them relative to itself; a file outside the folder is found too, and
     * an older scenario with absolute paths still loads.
     */
    @Test
    void relativePathsRoundTripWhenTheScenarioAndImagesMoveTogether(@TempDir Path dir) throws Exception {
        Path lecture = Files.createDirectories(dir.resolve("lecture"));
        Path cat = Files.writeString(Files.createDirectories(lecture.resolve("images")).resolve("cat.png"), "png");
        Path dog = Files.writeString(lecture.resolve("dog.jpg"), "jpg");
        Path shared = Files.writeString(Files.createDirectories(dir.resolve("shared")).resolve("cup.png"), "png");
        Path grid = Files.writeString(lecture.resolve("grid.json"), "{}");
        Scenario s = Scenario.defaults().withImages(List.of(cat.toString(), dog.toString(), shared.toString()));
        s = new Scenario(s.version(), s.phi(), s.alpha(), s.beta(), s.gamma(), s.baseResolution(), s.preset(), s.model(),
                s.method(), s.layer(), s.targetClass(), s.colormap(), s.overlayAlpha(), s.colourScale(), s.images(), "cam",
                new Scenario.Search("efficientnet", 4e8, -0.07, -0.07, -0.07, 0.05, 0.05, grid.toString(), null));
        Path file = lecture.resolve("lesson" + Scenario.EXTENSION);
        s.save(file);
        String json = Files.readString(file);
        assertFalse(json.contains(dir.toString()), "no absolute path in the file:\n" + json);
        assertTrue(json.contains("\"images/cat.png\""), json);
        assertTrue(json.contains("\"../shared/cup.png\""), json);

        // the folder moves (with the shared one beside it), the old place is gone
        Path moved = Files.createDirectories(dir.resolve("elsewhere/term2"));
        Files.move(lecture, moved.resolve("lecture"));
        Files.move(dir.resolve("shared"), moved.resolve("shared"));
        Path movedFile = moved.resolve("lecture/lesson" + Scenario.EXTENSION);
        Scenario back = Scenario.load(movedFile);
        for (String image : back.images()) {
            assertTrue(Files.isRegularFile(beside(movedFile, image)), image + " resolves to a file after the move");
        }
        assertEquals(moved.resolve("lecture/images/cat.png"), beside(movedFile, back.images().get(0)));
        assertEquals(moved.resolve("shared/cup.png"), beside(movedFile, back.images().get(2)));
        assertEquals(moved.resolve("lecture/grid.json"), beside(movedFile, back.search().gridReport()));
        assertEquals(moved.resolve("lecture/dog.jpg"), beside(movedFile, back.images().get(1)));
        assertEquals(Scenario.resolve(movedFile, back.images().get(1)), beside(movedFile, back.images().get(1)));

        // an older file with absolute paths loads as written, and resolves to those paths
        Path old = moved.resolve("old" + Scenario.EXTENSION);
        Files.writeString(old, "{\"phi\": 1, \"images\": [\"" + moved.resolve("lecture/dog.jpg") + "\"]}");
        Scenario older = Scenario.load(old);
        assertEquals(moved.resolve("lecture/dog.jpg"), beside(old, older.images().get(0)));
    }

    @Test
    void missingFieldsTakeDefaults(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("min.sclab");
        Files.writeString(f, "{\"phi\": 3}");
        Scenario s = Scenario.load(f);
        assertEquals(3, s.phi());
        assertEquals(1.2, s.alpha());
        assertEquals(224, s.baseResolution());
        assertEquals("gradcam", s.method());
        assertEquals(List.of(), s.images());
        assertNull(s.view(), "a file from before views were saved leaves the tab as it is");
        assertEquals("image", s.colourScale(), "a file from before the colour scale was saved: one scale per image");
        assertNull(s.search());
    }

    @Test
    void badFilesGiveClearMessages(@TempDir Path dir) throws Exception {
        assertRefused(dir, "{\"phi\": ", "not a valid scenario");
        assertRefused(dir, "{\"phi\": 1, \"alpha\": 0.5}", "alpha must be");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Scenario.load(dir.resolve("none.sclab"))).getMessage().contains("not found"));
        assertRefused(dir, "{\"version\": 9, \"phi\": 1}", "version 9");
        assertRefused(dir, "{\"phi\": 1, \"view\": \"slides\"}", "view must be one of");
        assertRefused(dir, "{\"phi\": 1, \"colourScale\": \"rainbow\"}", "the colour scale must be image, map or all, got 'rainbow'");
        assertRefused(dir, "{\"phi\": 1, \"search\": {\"reward\": \"efficientnet\", \"target\": 1e12}}", "search target must be");
        assertRefused(dir, "{\"phi\": 1, \"search\": {\"gridStep\": 0.9}}", "grid step must be");
    }

    /** The documented reading of a path in a scenario file: absolute as written, relative to the file's folder. */
    private static Path beside(Path scenario, String written) {
        Path p = Path.of(written);
        return (p.isAbsolute() ? p : scenario.toAbsolutePath().getParent().resolve(p)).normalize();
    }

    private static void assertRefused(Path dir, String json, String message) throws Exception {
        Path f = Files.createTempFile(dir, "bad", Scenario.EXTENSION);
        Files.writeString(f, json);
        String got = assertThrows(IllegalArgumentException.class, () -> Scenario.load(f)).getMessage();
        assertTrue(got.contains(message), got);
    }
}
