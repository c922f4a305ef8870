package org.scalinglab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.Main;
import org.scalinglab.train.SyntheticShapes;

/** The train command as a user runs it: stopped by a signal it says what it kept, and the same command resumes there. */
class TrainCommandTest {

    @Test
    void aStoppedTrainingSaysWhatItKeptAndResumesFromThere(@TempDir Path dir) throws Exception {
        SyntheticShapes.write(dir.resolve("data"), 3, 12, 32, 4);
        List<String> args = List.of("train", "--data", dir.resolve("data").toString(), "--width", "0.25", "--depth", "0.25",
                "--resolution", "32", "--epochs", "40", "--batch", "8", "--loader-threads", "1", "--out", dir.resolve("out").toString());
        Process p = start(dir, args);
        List<String> lines = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = err.readLine()) != null; ) {
                lines.add(line);
                if (line.contains("epoch 2/40") && line.contains("val top-1")) p.toHandle().destroy(); // SIGTERM: as Ctrl+C, a request to stop
            }
        }
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        String all = String.join("\n", lines);
        assertTrue(all.contains("Stopping the training (Ctrl+C)"), all);
        assertTrue(all.matches("(?s).*training stopped; the checkpoint of epoch \\d+ is kept in .*out: run the same command again to resume.*"), all);
        assertTrue(Files.isRegularFile(dir.resolve("out/checkpoint.json")));

        Process again = start(dir, List.of("train", "--data", dir.resolve("data").toString(), "--width", "0.25", "--depth", "0.25",
                "--resolution", "32", "--epochs", "40", "--batch", "16", "--out", dir.resolve("out").toString()));
        String second = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(again.waitFor(2, TimeUnit.MINUTES));
        assertEquals(2, again.exitValue(), second);
        assertTrue(second.contains("error: ") && second.contains("holds a run with other settings (--batch 16 now, 8 there)"), second);
    }

    private static Process start(Path dir, List<String> args) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                Main.class.getName()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("SCALING_LAB_LOG_DIR", dir.resolve("logs").toString());
        return pb.start();
    }
}
