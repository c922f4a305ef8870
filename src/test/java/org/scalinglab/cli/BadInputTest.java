package org.scalinglab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.Main;
import org.scalinglab.tf.KerasH5;
import org.scalinglab.tf.KerasWeights;

/** Accepted but wrong input, as a hostile user types it: one line each, naming the file and the cause, never a trace. */
class BadInputTest {

    private static void oneLine(SpecCommandTest.Result r, int code, String contains) {
        assertEquals(code, r.code(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(contains), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.err().matches("(?s).*\\b(?:java|com|org)\\.[a-z.]+\\.[A-Z]\\w+(Exception|Error).*"), "no exception class: " + r.err());
    }

    @Test
    void weightsThatAreNotNumbersAreRefusedNamingTheLayer(@TempDir Path dir) throws Exception {
        var spec = TinyStudy.spec(64);
        KerasWeights w = KerasWeights.random(spec, 3);
        w.get("block2a_dwconv", "depthwise_kernel")[7] = Float.NaN;
        Path file = dir.resolve("diverged.h5");
        KerasH5.write(file, spec, w);
        SpecCommandTest.Result r = SpecCommandTest.run("predict", "--model", "0.25,0.25,64,4", "--weights", file.toString(),
                "--image", TinyStudy.image(dir.resolve("a.png"), 80, 60).toString(), "--json");
        oneLine(r, 2, "diverged.h5: block2a_dwconv/depthwise_kernel holds 1 values that are not numbers");
        assertEquals("", r.out());
    }

    @Test
    void jsonNeverCarriesNaN() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("top1", Double.NaN);
        m.put("logits", new float[] {1f, Float.POSITIVE_INFINITY});
        String json = Json.write(m);
        assertFalse(json.contains("NaN") || json.contains("Infinity"), json);
        assertTrue(json.replaceAll("\\s", "").equals("{\"top1\":null,\"logits\":[1.0,null]}"), json);
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsRefusedBeforeAnyModelLoads(@TempDir Path dir) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "x");
        long t0 = System.nanoTime();
        SpecCommandTest.Result r = SpecCommandTest.run("cam", "--model", "0.25,0.25,64,4", "--weights", "random",
                "--image", TinyStudy.image(dir.resolve("a.png"), 80, 60).toString(), "--out", notes.resolve("keep.png").toString());
        oneLine(r, 2, "cannot write into " + notes);
        assertTrue((System.nanoTime() - t0) / 1e9 < 5, "refused before loading TensorFlow");
        SpecCommandTest.Result spec = SpecCommandTest.run("spec", "--model", "b0", "--block-diagram", "3", "--out", notes.resolve("b.svg").toString());
        oneLine(spec, 2, "cannot write into " + notes);
    }

    @Test
    void aDamagedReportSaysWhereNotWhatLibrary(@TempDir Path dir) throws Exception {
        Path study = TinyStudy.study(dir.resolve("study"));
        Files.writeString(study.resolve("report.json"), "{\"phi\": 1, \"models\": [ {\"kind\": ");
        SpecCommandTest.Result r = SpecCommandTest.run("predict", "--model", "study:base", "--study-dir", study.toString(),
                "--image", TinyStudy.image(dir.resolve("a.png"), 80, 60).toString());
        oneLine(r, 1, study.resolve("report.json") + " is damaged: not valid JSON");
        assertFalse(r.err().contains("http") || r.err().contains("gson"), r.err());
    }

    @Test
    void smallerCases(@TempDir Path dir) throws Exception {
        oneLine(SpecCommandTest.run("nosuchcmd"), 2, "unknown command 'nosuchcmd'");
        oneLine(SpecCommandTest.run("spec", "--phi", "1", "--model", "b0"), 2, "--phi and --model cannot be used together");
        SpecCommandTest.Result help = SpecCommandTest.run("weights", "--help");
        assertEquals(0, help.code());
        assertFalse(help.out().contains("picocli WARN") || help.err().contains("picocli WARN"), help.err());
        assertTrue(help.out().contains("%LOCALAPPDATA%"), help.out());
        Path image = TinyStudy.image(dir.resolve("a.png"), 80, 60);
        oneLine(SpecCommandTest.run("predict", "--model", "0.25,0.25,64,4", "--weights", "random", "--image", image.toString(),
                "--labels", dir.resolve("missing.txt").toString()), 2, "labels file not found: " + dir.resolve("missing.txt"));
        // a class the line-up's models do not have: refused, as cam refuses it
        Path study = TinyStudy.study(dir.resolve("study"));
        oneLine(SpecCommandTest.run("figure", "--lineup", "study", "--study-dir", study.toString(), "--images", image.toString(),
                "--class", "4", "--out", dir.resolve("f.png").toString()), 2, "--class must be between 0 and 3, got 4");
        // a repeat with the study's own seed would only train the same run again
        oneLine(SpecCommandTest.run("study", "--phi", "1", "--base", "0.25,0.25,64", "--data", dir.toString(), "--epochs", "1",
                "--seed", "42", "--repeat-base", "42", "--out", dir.resolve("s").toString()), 2,
                "--repeat-base 42 is the study's own --seed: give another seed, whose run shows the spread");
    }

    /** A name the system's character set cannot hold (LANG=C): one line saying what to change. */
    @Test
    void aFileNameOutsideTheCharacterSet(@TempDir Path dir) throws Exception {
        Path photo = TinyStudy.image(dir.resolve("blüte.png"), 80, 60);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                Main.class.getName(), "predict", "--model", "b0", "--weights", "random", "--image", photo.toString()).redirectErrorStream(true);
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("SCALING_LAB_LOG_DIR", dir.resolve("logs").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        assertEquals(2, p.exitValue(), out);
        List<String> lines = out.strip().lines().filter(l -> l.startsWith("error")).toList();
        assertEquals(1, lines.size(), out);
        assertTrue(lines.get(0).contains("cannot be read in this system's character set") && lines.get(0).contains("LANG=C.UTF-8"), out);
        assertFalse(out.contains("InvalidPathException"), out);
    }
}
