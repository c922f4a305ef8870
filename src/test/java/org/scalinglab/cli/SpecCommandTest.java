package org.scalinglab.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SpecCommandTest {

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void jsonOfB0() {
        Result r = run("spec", "--model", "b0", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(5_330_571, o.get("params_total").getAsLong());
        assertEquals(5_288_548, o.get("params_trainable").getAsLong());
        assertEquals(385_814_752L, o.get("macs").getAsLong());
        assertEquals(224, o.get("resolution").getAsInt());
        assertEquals(9, o.getAsJsonArray("stages").size());
        JsonObject stage4 = o.getAsJsonArray("stages").get(3).getAsJsonObject();
        assertEquals("MBConv6, k5x5", stage4.get("operator").getAsString());
        assertEquals(56, stage4.get("resolution").getAsInt());
        assertEquals(40, stage4.get("channels").getAsInt());
    }

    @Test
    void jsonOfFormula() {
        Result r = run("spec", "--phi", "2", "--alpha", "1.2", "--beta", "1.1", "--gamma", "1.15", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(1.44, o.get("depth").getAsDouble(), 1e-12);
        assertEquals(1.21, o.get("width").getAsDouble(), 1e-12);
        assertEquals(1.3225, o.get("resolution_multiplier").getAsDouble(), 1e-12);
        assertEquals(296, o.get("resolution").getAsInt()); // 224 * 1.3225 = 296.24
        assertEquals(1.92027, o.get("constraint").getAsDouble(), 1e-9);
    }

    @Test
    void humanTableIsAligned() {
        Result r = run("spec", "--model", "b0");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("5,330,571 total, 5,288,548 trainable"));
        assertTrue(r.out().contains("MBConv6, k5x5"));
    }

    @Test
    void badArgumentsAreOneLineWithExitCode2() {
        Result r = run("spec", "--phi", "1", "--alpha", "0.5");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("alpha must be a number between 1 and 3"), r.err());

        Result unknown = run("spec", "--model", "b9");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("b0..b7"), unknown.err());

        Result notNumber = run("spec", "--phi", "abc");
        assertEquals(2, notNumber.code());
        assertTrue(notNumber.err().contains("--phi"), notNumber.err());
        assertFalse(notNumber.err().contains("Exception"));

        Result both = run("spec", "--phi", "1", "--model", "b1");
        assertEquals(2, both.code());
    }

    @Test
    void variantsJsonAndBadBase() {
        Result r = run("variants", "--phi", "1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(5, o.getAsJsonArray("variants").size());
        JsonObject width = o.getAsJsonArray("variants").get(2).getAsJsonObject();
        assertEquals("width", width.get("kind").getAsString());
        assertEquals(224, width.get("resolution").getAsInt());
        assertTrue(Math.abs(width.get("macs_difference").getAsDouble()) <= 0.05);

        Result bad = run("variants", "--phi", "1", "--base", "0.5,x,160");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--base"), bad.err());
    }
}
