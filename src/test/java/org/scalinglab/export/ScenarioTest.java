package org.scalinglab.export;

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
                "viridis", 0.35, List.of("/tmp/a.jpg", "relative/b.png"));
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
    }

    @Test
    void badFilesGiveClearMessages(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.sclab");
        Files.writeString(broken, "{\"phi\": ");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Scenario.load(broken)).getMessage().contains("not a valid scenario"));
        Path range = dir.resolve("range.sclab");
        Files.writeString(range, "{\"phi\": 1, \"alpha\": 0.5}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Scenario.load(range)).getMessage().contains("alpha must be"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Scenario.load(dir.resolve("none.sclab"))).getMessage().contains("not found"));
        Path future = dir.resolve("future.sclab");
        Files.writeString(future, "{\"version\": 9, \"phi\": 1}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Scenario.load(future)).getMessage().contains("version 9"));
    }
}
