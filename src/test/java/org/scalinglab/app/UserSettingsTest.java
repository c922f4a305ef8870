package org.scalinglab.app;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.app.UserSettings.WindowBounds;

class UserSettingsTest {
    @TempDir Path dir;

    @Test
    void windowAndFoldersRoundTrip() throws Exception {
        Path file = dir.resolve("home/.scaling-lab/settings.json");
        UserSettings s = UserSettings.load(file);
        assertTrue(s.window().isEmpty());
        assertTrue(s.folder("scenario").isEmpty());
        Path lectures = Files.createDirectories(dir.resolve("lectures"));
        s.setWindow(new WindowBounds(120, 80, 1400, 900, true));
        s.setFolder("scenario", lectures);
        s.save();

        UserSettings back = UserSettings.load(file);
        assertEquals(new WindowBounds(120, 80, 1400, 900, true), back.window().orElseThrow());
        assertEquals(lectures.toAbsolutePath(), back.folder("scenario").orElseThrow());
        assertTrue(back.folder("export").isEmpty(), "each kind of dialog has its own folder");

        // a folder that is gone since is not offered
        Files.delete(lectures);
        assertTrue(UserSettings.load(file).folder("scenario").isEmpty());
    }

    @Test
    void aDamagedOrOddFileReadsAsEmptySettings() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"window\": {\"x\": 1, ");
        assertTrue(UserSettings.load(file).window().isEmpty());
        Files.writeString(file, "{\"window\": {\"x\": 1, \"y\": 2, \"width\": -5, \"height\": 300}}");
        assertTrue(UserSettings.load(file).window().isEmpty(), "a negative width is no window");
        Files.writeString(file, "[]");
        assertTrue(UserSettings.load(file).window().isEmpty());
        UserSettings s = UserSettings.load(file);
        s.setWindow(new WindowBounds(0, 0, 800, 600, false));
        s.save();
        assertEquals(800, UserSettings.load(file).window().orElseThrow().width());
    }
}
