package org.scalinglab.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.scalinglab.app.UserSettings;

/**
 * File dialogs open in the last folder used for their kind ("scenario", "export", "report", "train-data", ...), remembered
 * between runs in {@link UserSettings}; a kind never used yet opens where the dialog likes. The settings are read once,
 * on first use, from {@link UserSettings#defaultFile()} unless the app hands others in ({@link #use}).
 */
public final class Folders {
    public static final String SCENARIO = "scenario";
    public static final String EXPORT = "export";
    public static final String REPORT = "report";
    public static final String TRAIN_DATA = "train-data";
    public static final String TRAIN_OUT = "train-out";

    private static UserSettings settings;

    private Folders() {
    }

    /** The settings the dialogs read and write (the app passes the ones it loaded; tests their own). */
    public static synchronized void use(UserSettings s) {
        settings = s;
    }

    static synchronized UserSettings settings() {
        if (settings == null) settings = UserSettings.load(UserSettings.defaultFile());
        return settings;
    }

    /** Starts the chooser in the last folder of this kind, if there is one. */
    public static void prepare(FileChooser chooser, String kind) {
        settings().folder(kind).ifPresent(p -> chooser.setInitialDirectory(p.toFile()));
    }

    /** Starts the chooser in the last folder of this kind, if there is one. */
    public static void prepare(DirectoryChooser chooser, String kind) {
        settings().folder(kind).ifPresent(p -> chooser.setInitialDirectory(p.toFile()));
    }

    /** The last folder of this kind, if any. */
    public static java.util.Optional<Path> last(String kind) {
        return settings().folder(kind);
    }

    /**
     * Remembers the folder of what the user chose (a file's folder, or the folder itself) for this kind; returns
     * {@code chosen} so a call can wrap the dialog. A settings file that cannot be written is only printed.
     */
    public static File remember(String kind, File chosen) {
        if (chosen == null) return null;
        Path p = chosen.toPath().toAbsolutePath();
        Path folder = Files.isDirectory(p) ? p : p.getParent();
        if (folder == null) return chosen;
        UserSettings s = settings();
        synchronized (Folders.class) {
            s.setFolder(kind, folder);
            try {
                s.save();
            } catch (IOException | RuntimeException e) {
                System.err.println("warning: could not remember the folder in " + s.file() + ": " + e.getMessage());
            }
        }
        return chosen;
    }
}
