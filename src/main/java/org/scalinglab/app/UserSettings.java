package org.scalinglab.app;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.scalinglab.io.AtomicFiles;

/**
 * What the window remembers between runs, in a small JSON file: its last size, position and maximised state, and the
 * last folder used per kind of file dialog ("scenario", "export", "report", ...). The file lives at
 * {@code ~/.scaling-lab/settings.json} ({@code %LOCALAPPDATA%\ScalingLab\settings.json} on Windows, or where the
 * system property {@value #PROPERTY} says). A missing or damaged file reads as empty settings: remembering is a
 * convenience and never stops the app.
 */
public final class UserSettings {
    public static final String PROPERTY = "scalinglab.settings";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** A window's normal (not maximised) bounds in screen coordinates, and whether it was maximised. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
        public boolean valid() {
            return Double.isFinite(x) && Double.isFinite(y) && width > 0 && height > 0 && Double.isFinite(width)
                    && Double.isFinite(height);
        }
    }

    /** The file's layout. */
    private static final class Data {
        WindowBounds window;
        Map<String, String> folders = new TreeMap<>();
    }

    private final Path file;
    private final Data data;

    private UserSettings(Path file, Data data) {
        this.file = file;
        this.data = data;
        if (data.folders == null) data.folders = new TreeMap<>();
    }

    /** The settings file of this user (see the class comment). */
    public static Path defaultFile() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) return Path.of(override);
        String home = System.getProperty("user.home", ".");
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
            String local = System.getenv("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : Path.of(home, "AppData", "Local");
            return base.resolve("ScalingLab").resolve("settings.json");
        }
        return Path.of(home, ".scaling-lab", "settings.json");
    }

    /** Reads the file; a missing, unreadable or damaged one gives empty settings that save to the same place. */
    public static UserSettings load(Path file) {
        Data d = null;
        try {
            if (Files.isRegularFile(file) && Files.size(file) < 1_000_000) {
                d = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Data.class);
            }
        } catch (IOException | JsonParseException | NumberFormatException | InvalidPathException e) {
            d = null;
        }
        return new UserSettings(file, d == null ? new Data() : d);
    }

    public Path file() {
        return file;
    }

    /** The remembered window, if any and if it makes sense. */
    public Optional<WindowBounds> window() {
        return Optional.ofNullable(data.window).filter(WindowBounds::valid);
    }

    public void setWindow(WindowBounds bounds) {
        data.window = bounds;
    }

    /** The last folder used for this kind of dialog, if it still exists. */
    public Optional<Path> folder(String kind) {
        String f = data.folders.get(kind);
        if (f == null) return Optional.empty();
        try {
            Path p = Path.of(f);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    public void setFolder(String kind, Path folder) {
        data.folders.put(kind, folder.toAbsolutePath().normalize().toString());
    }

    /** Writes the file (atomically). */
    public void save() throws IOException {
        AtomicFiles.writeString(file, GSON.toJson(data));
    }
}
