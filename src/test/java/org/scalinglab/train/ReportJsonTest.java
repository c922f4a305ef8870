package org.scalinglab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {
    @TempDir Path dir;

    @Test
    void gridReportRoundTripsWithUntrainedCandidatesAsNull() throws IOException {
        var trained = new GridSearchReport.Candidate(1.2, 1.1, 1.15, 0.55, 0.72, 184, 1000, 2000, 0.61, 0.9, 12.5, "c1/model.h5");
        var better = new GridSearchReport.Candidate(1.4, 1.05, 1.1, 0.52, 0.84, 176, 1000, 1900, 0.64, 0.91, 11, "c2/model.h5");
        var untrained = new GridSearchReport.Candidate(1.0, 1.2, 1.15, 0.6, 0.6, 184, 1100, 2100, null, null, 0, null);
        var report = new GridSearchReport(new BaseSize(0.5, 0.6, 160), 0.05, 0.05, 2, 100, List.of("a", "b"),
                List.of(trained, better, untrained));
        Path file = dir.resolve("grid.json");
        report.write(file);
        String text = Files.readString(file);
        assertTrue(text.contains("\"top1\": null") && text.contains("\"weights\": null") && !text.contains("NaN"), text);
        GridSearchReport back = GridSearchReport.read(file);
        assertEquals(report, back);
        assertFalse(back.candidates().get(2).trained());
        assertEquals(better, back.best().orElseThrow());
        assertFalse(Files.exists(dir.resolve("grid.json.tmp")));
    }

    @Test
    void studyReportWrittenBeforeThisFormatWithNaNReadsAsUntrained() throws IOException {
        Path file = dir.resolve("report.json");
        Files.writeString(file, """
                {"phi": 1.0, "alpha": 1.2, "beta": 1.1, "gamma": 1.15, "classes": ["a"], "models": [
                 {"kind": "base", "label": "Base", "width": 0.5, "depth": 0.6, "resolution": 160, "classes": 1,
                  "params": 1, "macs": 2, "macsDifference": 0.0, "top1": 0.63, "top5": 0.94, "trainingSeconds": 1,
                  "imagesPerSecond": 1, "epochs": 10, "weights": "base/model.h5"},
                 {"kind": "width", "label": "Width only", "width": 0.7, "depth": 0.6, "resolution": 160, "classes": 1,
                  "params": 1, "macs": 2, "macsDifference": 0.0, "top1": NaN, "top5": NaN, "trainingSeconds": 0,
                  "imagesPerSecond": 0, "epochs": 0}]}
                """);
        ScalingStudy.Report r = ScalingStudy.read(file);
        assertTrue(r.models().get(0).trained());
        assertFalse(r.models().get(1).trained());
        assertNull(r.models().get(1).weights());
    }

    @Test
    void malformedOrMissingReportsNameTheFile() throws IOException {
        Path bad = dir.resolve("grid.json");
        Files.writeString(bad, "{\"candidates\": [ {\"alpha\": ");
        IOException e = assertThrows(IOException.class, () -> GridSearchReport.read(bad));
        assertTrue(e.getMessage().contains("grid.json"), e.getMessage());
        Files.writeString(bad, "{}");
        assertThrows(IOException.class, () -> GridSearchReport.read(bad));
        IOException missing = assertThrows(IOException.class, () -> SweepReport.read(dir.resolve("nope.json")));
        assertTrue(missing.getMessage().contains("nope.json"));
    }
}
