package org.scalinglab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The per-user log folder and the slf4j-simple settings that send the app's (and DJL's) logging there, one file
 * per process (see {@link #configure}).
 */
public final class AppLog {
    /** Set this environment variable to a folder to log there instead. */
    public static final String DIR_ENV = "SCALING_LAB_LOG_DIR";
    static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";
    static final int KEEP = 20;
    private static volatile Path logFile;

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
     * Points slf4j-simple at a log file of this process's own in {@link #logDir()}, {@code window-<time>-<pid>.log}
     * or {@code cli-<time>-<pid>.log}, unless {@value #LOG_FILE_PROPERTY} is already set, and keeps the newest
     * {@value #KEEP} of each kind. Concurrent runs never share or overwrite a log. Must run before the first logger is
     * created. Falls back to stderr when the folder cannot be made.
     */
    public static void configure(boolean window) {
        String chosen = System.getProperty(LOG_FILE_PROPERTY);
        if (chosen == null) {
            Path dir = logDir();
            String kind = window ? "window" : "cli";
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
            Path file = dir.resolve(kind + "-" + stamp + "-" + ProcessHandle.current().pid() + ".log");
            try {
                Files.createDirectories(dir);
                prune(dir, kind + "-", KEEP - 1);
                chosen = file.toString();
                logFile = file;
            } catch (IOException | RuntimeException e) {
                // a read-only home must not stop the app; say so on stderr, where the log then goes
                System.err.println("warning: cannot write logs to " + dir + " (" + e + "); logging to stderr");
                chosen = "System.err";
            }
            System.setProperty(LOG_FILE_PROPERTY, chosen);
        } else if (!chosen.equals("System.err") && !chosen.equals("System.out")) {
            logFile = Path.of(chosen);
        }
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
    }

    /** This process's log file, or null when it logs to the console. */
    public static Path logFile() {
        return logFile;
    }

    /** Deletes all but the newest {@code keep} logs starting with {@code prefix} (names sort by time). */
    static void prune(Path dir, String prefix, int keep) throws IOException {
        List<Path> logs;
        try (Stream<Path> s = Files.list(dir)) {
            logs = s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".log"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
        for (Path old : logs.subList(Math.min(keep, logs.size()), logs.size())) Files.deleteIfExists(old);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
