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

    /** A real start of the command line in a fresh JVM: --version names the folder, the log lands there, the previous run is kept. */
    @Test
    void commandsLogToTheFolderTheyName(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        String first = runMain(logs, "--version");
        assertTrue(first.contains("Scaling Lab"), first);
        assertTrue(first.contains("Logs: " + logs), first);
        Path log = logs.resolve("scaling-lab-cli.log");
        String firstLog = Files.readString(log);
        assertTrue(firstLog.contains("starting (command)"), firstLog);

        runMain(logs, "--help");
        assertEquals(firstLog, Files.readString(logs.resolve("scaling-lab-cli.previous.log")));
        assertTrue(Files.readString(log).contains("starting (command)"));
        assertFalse(Files.exists(logs.resolve("scaling-lab.log")), "commands must not touch the window's log");
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
