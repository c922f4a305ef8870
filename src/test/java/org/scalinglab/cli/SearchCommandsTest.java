package org.scalinglab.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.train.SweepReport;
import org.scalinglab.train.SyntheticShapes;
import picocli.CommandLine;

class SearchCommandsTest {
    @TempDir Path dir;

    @Test
    void badArgumentsGiveOneLineAndExitCodeTwo() throws Exception {
        SyntheticShapes.write(dir.resolve("data"), 2, 4, 32, 1);
        String data = dir.resolve("data").toString();
        String out = dir.resolve("out").toString();
        assertUsage("dataset folder not found", "grid-search", "--data", dir.resolve("nope").toString(), "--base", "0.25,0.25,32",
                "--step", "0.1", "--epochs", "1", "--out", out);
        assertUsage("step must be between 0.01 and 0.5", "grid-search", "--data", data, "--base", "0.25,0.25,32", "--step", "0.7",
                "--epochs", "1", "--out", out);
        assertUsage("raise --tolerance", "grid-search", "--data", data, "--base", "0.25,0.25,32", "--step", "0.3", "--tolerance", "0",
                "--epochs", "1", "--out", out);
        assertUsage("epochs must be between", "grid-search", "--data", data, "--base", "0.25,0.25,32", "--step", "0.1", "--epochs", "0",
                "--out", out);
        assertUsage("phi must be", "sweep", "--data", data, "--base", "0.25,0.25,32", "--phis", "0,-1", "--epochs", "1", "--out", out);
        assertUsage("--base must be", "sweep", "--data", data, "--base", "0.25,x,32", "--epochs", "1", "--out", out);
        assertFalse(Files.exists(dir.resolve("out")), "nothing written for bad arguments");
    }

    @Test
    void includePaperIsOnUnlessTurnedOff() {
        String[] common = {"--data", "d", "--base", "0.25,0.25,32", "--step", "0.1", "--epochs", "1", "--out", "o"};
        assertTrue(parse(common).includePaper);
        assertTrue(parse(concat(common, "--include-paper")).includePaper);
        assertFalse(parse(concat(common, "--no-include-paper")).includePaper);
    }

    /** The smallest real sweep: phi 0 only, the base trained once; the report, the table and both charts appear. */
    @Test
    void sweepOfTheBaseAloneWritesReportTableAndCharts() throws Exception {
        SyntheticShapes.write(dir.resolve("data"), 2, 8, 40, 3);
        Path out = dir.resolve("sweep");
        SpecCommandTest.Result r = SpecCommandTest.run("sweep", "--data", dir.resolve("data").toString(), "--base", "0.25,0.25,32",
                "--phis", "0", "--epochs", "1", "--batch", "4", "--lr", "0.01", "--warmup", "0", "--held-out", "0.25", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1 networks"), r.out());
        assertTrue(r.err().contains("== network 1 of 1: base-phi0"), r.err());
        assertTrue(r.err().contains("all 1 trained"), r.err());
        SweepReport report = SweepReport.read(out.resolve("sweep.json"));
        assertTrue(report.points().get(0).trained());
        String percent = PlanConsole.percent(report.points().get(0).top1());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("base") && l.contains(percent)), r.out());
        assertTrue(Files.size(out.resolve("sweep.png")) > 1000);
        assertTrue(Files.readString(out.resolve("sweep.svg")).contains("1 of 1 networks trained"));
    }

    @Test
    void remainingTimeScalesWithMultiplyAdds() {
        // 100 s for 1 M multiply-adds measured; 3 M left: about 300 s = 5 min
        assertEquals("2 of 3 to train, about 5 min (from the speed so far)",
                PlanConsole.remaining(java.util.List.of(1_000_000L, 1_000_000L, 2_000_000L), java.util.Arrays.asList(100.0, null, null)));
        assertEquals("3 of 3 to train; a time estimate follows the first one",
                PlanConsole.remaining(java.util.List.of(1L, 2L, 3L), java.util.Arrays.asList(null, null, null)));
    }

    private static void assertUsage(String message, String... args) {
        SpecCommandTest.Result r = SpecCommandTest.run(args);
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    private static GridSearchCommand parse(String... args) {
        GridSearchCommand c = new GridSearchCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }
}
