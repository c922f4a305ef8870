package org.scalinglab.app;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.Main;

class AppLogTest {

    @Test
    void folderPerOperatingSystem() {
        assertEquals(Path.of("/home/ada", ".scaling-lab", "logs"), AppLog.logDir("Linux", Map.of(), "/home/ada"));
        assertEquals(Path.of("/Users/ada", "Library", "Logs", "ScalingLab"), AppLog.logDir("Mac OS X", Map.of(), "/Users/ada"));
        assertEquals(Path.of("C:/Users/ada/AppData/Local", "ScalingLab", "logs"),
                AppLog.logDir("Windows 11", Map.of("LOCALAPPDATA", "C:/Users/ada/AppData/Local"), "C:/Users/ada"));
        // no LOCALAPPDATA (a stripped environment): the same folder, derived from the home
        assertEquals(Path.of("C:/Users/ada", "AppData", "Local", "ScalingLab", "logs"),
                AppLog.logDir("Windows 10", Map.of(), "C:/Users/ada"));
    }

    @Test
    void environmentOverridesTheFolder() {
        assertEquals(Path.of("/tmp/x"), AppLog.logDir("Linux", Map.of(AppLog.DIR_ENV, "/tmp/x"), "/home/ada"));
        assertEquals(Path.of("/home/ada", ".scaling-lab", "logs"), AppLog.logDir("Linux", Map.of(AppLog.DIR_ENV, " "), "/home/ada"));
    }

    /** Real starts of the command line in fresh JVMs: --version names the folder, each run logs to a file of its own. */
    @Test
    void eachRunLogsToAFileOfItsOwn(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        String first = runMain(logs, "--version");
        assertTrue(first.contains("Scaling Lab"), first);
        assertTrue(first.contains("Logs: " + logs), first);
        runMain(logs, "--help");
        List<Path> files;
        try (var s = Files.list(logs)) {
            files = s.sorted().toList();
        }
        assertEquals(2, files.size(), String.valueOf(files));
        for (Path f : files) {
            assertTrue(f.getFileName().toString().matches("cli-\\d{8}-\\d{6}-\\d+\\.log"), f.toString());
            assertTrue(Files.readString(f).contains("starting (command)"), f.toString());
        }
    }

    @Test
    void onlyTheNewestLogsOfAKindAreKept(@TempDir Path dir) throws Exception {
        for (int i = 10; i < 30; i++) Files.writeString(dir.resolve("cli-202612" + i + "-000000-1.log"), "x");
        Files.writeString(dir.resolve("window-20261201-000000-1.log"), "x");
        AppLog.prune(dir, "cli-", 5);
        try (var s = Files.list(dir)) {
            assertEquals(List.of("cli-20261225-000000-1.log", "cli-20261226-000000-1.log", "cli-20261227-000000-1.log",
                    "cli-20261228-000000-1.log", "cli-20261229-000000-1.log", "window-20261201-000000-1.log"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static String runMain(Path logs, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put(AppLog.DIR_ENV, logs.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
