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
                "viridis", 0.35, List.of("/tmp/a.jpg", "relative/b.png"), "search",
                new Scenario.Search("piecewise", 4e9, -0.07, 0, -1, 0.1, 0.03, "/tmp/grid.json", null));
        Path f = dir.resolve("lecture" + Scenario.EXTENSION);
        s.save(f);
        assertEquals(s, Scenario.load(f));
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
        assertNull(s.search());
    }

    @Test
    void badFilesGiveClearMessages(@TempDir Path dir) throws Exception {
        assertRefused(dir, "{\"phi\": ", "not a valid scenario");
        assertRefused(dir, "{\"phi\": 1, \"alpha\": 0.5}", "alpha must be");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Scenario.load(dir.resolve("none.sclab"))).getMessage().contains("not found"));
        assertRefused(dir, "{\"version\": 9, \"phi\": 1}", "version 9");
        assertRefused(dir, "{\"phi\": 1, \"view\": \"slides\"}", "view must be one of");
        assertRefused(dir, "{\"phi\": 1, \"search\": {\"reward\": \"efficientnet\", \"target\": 1e12}}", "search target must be");
        assertRefused(dir, "{\"phi\": 1, \"search\": {\"gridStep\": 0.9}}", "grid step must be");
    }

    private static void assertRefused(Path dir, String json, String message) throws Exception {
        Path f = Files.createTempFile(dir, "bad", Scenario.EXTENSION);
        Files.writeString(f, json);
        String got = assertThrows(IllegalArgumentException.class, () -> Scenario.load(f)).getMessage();
        assertTrue(got.contains(message), got);
    }
}
