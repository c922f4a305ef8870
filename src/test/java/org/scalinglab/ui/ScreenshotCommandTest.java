package org.scalinglab.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalinglab.cli.Cli;

/** Bad arguments are refused with one line and exit code 2, before any window is built. */
class ScreenshotCommandTest {

    @Test
    void badArgumentsExitWithTwo() {
        String[][] cases = {
                {"screenshot", "--out", "x.gif"},
                {"screenshot", "--out", "x.png", "--view", "nowhere"},
                {"screenshot", "--out", "x.png", "--size", "10x10"},
                {"screenshot", "--out", "x.png", "--size", "big"},
                {"screenshot", "--out", "x.png", "--model", "b9"},
                {"screenshot", "--out", "x.png", "--phi", "9"},
                {"screenshot", "--out", "x.png", "--model", "b1", "--phi", "1"},
                {"screenshot", "--out", "x.png", "--stage", "12"},
                {"screenshot", "--out", "x.png", "--view", "cam", "--cam-lineup", "b0"},
                {"screenshot", "--out", "x.png", "--view", "cam", "--cam-lineup", "everything"},
                {"screenshot", "--out", "x.png", "--view", "cam", "--images", "no-such-photo.jpg"},
                {"screenshot", "--out", "x.png", "--view", "grid", "--report", "no-such-grid.json"},
                {"screenshot", "--out", "x.png", "--view", "reward", "--report", "pom.xml"},
        };
        for (String[] args : cases) {
            StringWriter out = new StringWriter(), err = new StringWriter();
            int code = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), List.of(new ScreenshotCommand()), args);
            record Result(int code, String err) { }
            Result r = new Result(code, err.toString());
            assertEquals(Cli.EXIT_USAGE, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("error: "), r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        }
    }
}
