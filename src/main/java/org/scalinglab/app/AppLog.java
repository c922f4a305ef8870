package org.scalinglab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

/**
 * The per-user log folder and the slf4j-simple settings that send the app's (and DJL's) logging there.
 * The window logs to {@code scaling-lab.log}, commands to {@code scaling-lab-cli.log}, so a command run
 * beside an open window does not overwrite the window's log; each start keeps the previous run's log as
 * {@code *.previous.log} (slf4j-simple truncates its file on open).
 */
public final class AppLog {
    /** Set this environment variable to a folder to log there instead. */
    public static final String DIR_ENV = "SCALING_LAB_LOG_DIR";
    static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";

    private AppLog() {
    }

    /**
     * Linux and others: ~/.scaling-lab/logs; Windows: %LOCALAPPDATA%\ScalingLab\logs;
     * macOS: ~/Library/Logs/ScalingLab; {@value #DIR_ENV} overrides all three.
     */
    public static Path logDir(String osName, Map<String, String> env, String userHome) {
        String override = env.get(DIR_ENV);
        if (override != null && !override.isBlank()) return Path.of(override);
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : Path.of(userHome, "AppData", "Local");
            return base.resolve("ScalingLab").resolve("logs");
        }
        if (os.startsWith("mac")) return Path.of(userHome, "Library", "Logs", "ScalingLab");
        return Path.of(userHome, ".scaling-lab", "logs");
    }

    /** This user's log folder on this machine. */
    public static Path logDir() {
        return logDir(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", "."));
    }

    /**
     * Points slf4j-simple at {@code scaling-lab.log} (window) or {@code scaling-lab-cli.log} (commands) in
     * {@link #logDir()}, unless {@value #LOG_FILE_PROPERTY} is already set. Must run before the first logger
     * is created. Falls back to stderr when the folder cannot be made.
     */
    public static void configure(boolean window) {
        String chosen = System.getProperty(LOG_FILE_PROPERTY);
        if (chosen == null) {
            Path dir = logDir();
            Path file = dir.resolve(window ? "scaling-lab.log" : "scaling-lab-cli.log");
            try {
                Files.createDirectories(dir);
                if (Files.exists(file)) {
                    String previous = file.getFileName().toString().replace(".log", ".previous.log");
                    Files.move(file, dir.resolve(previous), StandardCopyOption.REPLACE_EXISTING);
                }
                chosen = file.toString();
            } catch (IOException | RuntimeException e) {
                // a read-only home must not stop the app; say so on stderr, where the log then goes
                System.err.println("warning: cannot write logs to " + dir + " (" + e + "); logging to stderr");
                chosen = "System.err";
            }
            System.setProperty(LOG_FILE_PROPERTY, chosen);
        }
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
