package org.scalinglab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchModelCommandTest {

    @Test
    void badArgumentsExitWithTwoAndOneLine() {
        for (String[] args : new String[][] {
            {"bench-model", "--model", "b9"},
            {"bench-model", "--resolution", "16"},
            {"bench-model", "--runs", "0"},
            {"bench-model", "--layer", "block9a_add"},
        }) {
            SpecCommandTest.Result r = SpecCommandTest.run(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertTrue(r.err().startsWith("error: "), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
    }

    @Test
    void logLinesGoToStderrNotIntoTheJson() throws Exception {
        // the first simplelogger.properties on the classpath wins; jHDF's would send logs to System.out
        java.net.URL url = getClass().getClassLoader().getResource("simplelogger.properties");
        try (var in = url.openStream()) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(text.contains("org.slf4j.simpleLogger.logFile=System.err"), url + ": " + text);
        }
    }

    @Test
    void timesB0AtASmallSizeAsJson(@TempDir Path cache) {
        SpecCommandTest.Result r = SpecCommandTest.run("bench-model", "--model", "b0", "--resolution", "32", "--runs", "3",
                "--warmup", "1", "--cache", cache.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("efficientnet-b0", o.get("model").getAsString());
        assertEquals(32, o.get("resolution").getAsInt());
        double min = o.get("min_ms").getAsDouble(), median = o.get("median_ms").getAsDouble(), max = o.get("max_ms").getAsDouble();
        assertTrue(min > 0 && min <= median && median <= max, r.out());
        assertTrue(o.get("gradcam_median_ms").getAsDouble() > 0);
        assertTrue(o.get("gradcam_class_given_median_ms").getAsDouble() > 0);
        assertEquals(o.get("gradcam_median_ms").getAsDouble() / median, o.get("gradcam_ratio").getAsDouble(), 1e-9);
        assertTrue(o.get("device").getAsString().equals("CPU") || o.get("device").getAsString().startsWith("GPU"));
    }
}
