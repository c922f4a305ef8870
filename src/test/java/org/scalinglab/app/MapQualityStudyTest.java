package org.scalinglab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.tf.KerasWeights;
import org.scalinglab.tf.ModelOptions;
import org.scalinglab.train.ImageFolder;
import org.scalinglab.train.SyntheticShapes;

class MapQualityStudyTest {
    static final MapQualityStudy.Settings SETTINGS = new MapQualityStudy.Settings("data", List.of("a", "b"), List.of("Base", "Compound"),
            "gradcam", "top_activation", 2, 4, 1, List.of("a1", "b2"));

    private static MapQualityStudy.Record r(String model, String image, int truth, int predicted, double deletion, double share) {
        return new MapQualityStudy.Record(model, image, truth, predicted, deletion, 1 - deletion, 10 * deletion, deletion < 0.3, share);
    }

    /** Means over the images a model gets right, the wrong ones apart; compound minus base image by image over all. */
    @Test
    void summariesByHand() {
        List<MapQualityStudy.Record> records = List.of(
                r("Base", "i1", 0, 0, 0.2, 0.5), r("Base", "i2", 0, 1, 0.6, 0.3), r("Base", "i3", 1, 1, 0.4, 0.7),
                r("Compound", "i1", 0, 0, 0.1, 0.6), r("Compound", "i2", 0, 0, 0.3, 0.4), r("Compound", "i3", 1, 1, 0.2, 0.8));
        MapQualityStudy.Report report = MapQualityStudy.summarize(SETTINGS, List.of("Base", "Compound"), List.of("i1", "i2", "i3"), records);
        MapQualityStudy.ModelSummary base = report.models().get(0);
        assertEquals(3, base.images());
        assertEquals(2, base.correct());
        assertEquals(0.3, base.deletionAuc().mean(), 1e-12, "(0.2 + 0.4) / 2 over the right ones");
        assertEquals(0.6, base.topShare().mean(), 1e-12);
        assertEquals(0.3, base.topShareWrong().mean(), 1e-12, "the one it gets wrong");
        assertEquals(50, base.increasePercent().mean(), 1e-12, "one of two right ones below 0.3");
        MapQualityStudy.Difference d = report.compoundMinus().get(0);
        assertEquals("Base", d.minus());
        // compound - base on i1, i2, i3: -0.1, -0.3, -0.2 -> mean -0.2; every resample lies in [-0.3, -0.1]
        assertEquals(-0.2, d.deletionAuc().mean(), 1e-12);
        assertTrue(d.deletionAuc().low() >= -0.3 - 1e-12 && d.deletionAuc().high() <= -0.1 + 1e-12, d.deletionAuc().toString());
        assertEquals(0.1, d.topShare().mean(), 1e-12);
    }

    @Test
    void theSameImagesForEveryModelAndATornLastRecordIsMeasuredAgain(@TempDir Path dir) throws Exception {
        List<ImageFolder.Item> items = new ArrayList<>();
        for (int c = 0; c < 3; c++) for (int i = 0; i < 10; i++) items.add(new ImageFolder.Item(Path.of("c" + c + "/" + i + ".png"), c));
        List<ImageFolder.Item> a = MapQualityStudy.sample(items, 3, 4, 5);
        assertEquals(12, a.size());
        assertEquals(a, MapQualityStudy.sample(items, 3, 4, 5), "seeded");
        for (int c = 0; c < 3; c++) {
            final int label = c;
            assertEquals(4, a.stream().filter(i -> i.label() == label).count());
        }
        Path f = dir.resolve("records.jsonl");
        Files.writeString(f, "{\"model\":\"Base\",\"image\":\"i1\",\"trueClass\":0,\"predicted\":0,\"deletionAuc\":0.2,\"insertionAuc\":0.8,"
                + "\"averageDropPercent\":3,\"increase\":false,\"topShare\":0.5}\n{\"model\":\"Base\",\"ima");
        List<MapQualityStudy.Record> read = MapQualityStudy.readRecords(f);
        assertEquals(1, read.size());
        assertEquals(0.2, read.get(0).deletionAuc(), 0.0);
    }

    /** Two tiny models on synthetic shapes: a stopped run resumes without measuring anything twice; other settings are refused. */
    @Test
    void aStoppedRunResumes(@TempDir Path dir) throws Exception {
        SyntheticShapes.write(dir.resolve("data"), 2, 3, 48, 3);
        ImageFolder folder = ImageFolder.forEvaluation(dir.resolve("data"));
        NetworkSpec spec = new NetworkSpec("t", 0.25, 0.25, 48, 0.1, 2);
        List<LineupModel> lineup = List.of(new LineupModel("Base", spec, List.of("disc", "square"), KerasWeights.random(spec, 1), null),
                new LineupModel("Compound", spec.withResolution(56), List.of("disc", "square"), KerasWeights.random(spec, 2), null));
        MapQualityStudy.Settings s = new MapQualityStudy.Settings(folder.root().toString(), folder.classes(), List.of("Base", "Compound"),
                "gradcam", "top_activation", 2, 4, 1, List.of("a1", "b2"));
        ModelOptions options = ModelOptions.defaults().withCacheDir(dir.resolve("cache"));
        Path out = dir.resolve("out");
        int[] calls = {0};
        assertThrows(java.util.concurrent.CancellationException.class, () -> MapQualityStudy.run(lineup, folder.classes(), folder, s, options, out,
                (done, total, what) -> calls[0]++, () -> calls[0] >= 3));
        assertEquals(3, MapQualityStudy.records(out).size());
        List<String> measured = new ArrayList<>();
        MapQualityStudy.Report report = MapQualityStudy.run(lineup, folder.classes(), folder, s, options, out,
                (done, total, what) -> measured.add(what), () -> false);
        assertEquals(5, measured.size(), "8 model-and-image pairs, 3 done before: " + measured);
        assertEquals(8, MapQualityStudy.records(out).size());
        assertEquals(4, report.images());
        assertEquals(4, report.models().get(1).images());
        MapQualityStudy.Settings other = new MapQualityStudy.Settings(s.data(), s.classes(), s.models(), "eigencam", s.layer(), 2, 4, 1,
                s.weights());
        var e = assertThrows(IllegalArgumentException.class, () -> MapQualityStudy.run(lineup, folder.classes(), folder, other, options, out,
                (d, t, w) -> { }, () -> false));
        assertTrue(e.getMessage().contains("other settings"), e.getMessage());
        // Compound trained again (another digest): its four records are measured again, Base's four are kept as they were
        MapQualityStudy.Settings retrained = new MapQualityStudy.Settings(s.data(), s.classes(), s.models(), s.method(), s.layer(), 2, 4, 1,
                List.of("a1", "c3"));
        assertEquals(List.of("Compound"), MapQualityStudy.retrained(out, retrained));
        List<MapQualityStudy.Record> before = MapQualityStudy.records(out);
        List<String> remeasured = new ArrayList<>();
        MapQualityStudy.run(lineup, folder.classes(), folder, retrained, options, out, (d, t, w) -> remeasured.add(w), () -> false);
        assertEquals(4, remeasured.size(), remeasured.toString());
        assertTrue(remeasured.stream().allMatch(w -> w.startsWith("Compound on ")), remeasured.toString());
        List<MapQualityStudy.Record> after = MapQualityStudy.records(out);
        assertEquals(8, after.size());
        assertEquals(before.stream().filter(r -> r.model().equals("Base")).toList(), after.stream().filter(r -> r.model().equals("Base")).toList());
        assertEquals(List.of(), MapQualityStudy.retrained(out, retrained), "the settings now hold the weights measured");
    }

    /** Each model's weights file by SHA-256, in the report's order; "abc" has the digest FIPS 180-2 gives for it. */
    @Test
    void weightDigestsNameEachModelsFile(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("base"));
        Files.writeString(dir.resolve("base/model.h5"), "abc");
        Files.writeString(dir.resolve("report.json"), """
                {"phi": 1, "alpha": 1.2, "beta": 1.1, "gamma": 1.15, "classes": ["a", "b"], "models": [
                  {"kind": "base", "label": "Base", "width": 0.5, "depth": 0.6, "resolution": 160, "classes": 2, "top1": 0.5, "weights": "base/model.h5"},
                  {"kind": "compound", "label": "Compound", "width": 0.55, "depth": 0.72, "resolution": 184, "classes": 2, "top1": null, "weights": null}]}
                """);
        assertEquals(List.of("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ""), MapQualityStudy.weightDigests(dir));
    }
}
