package org.scalinglab.app;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.app.MapQualityNumbers.Verdict;

/**
 * The window's reading of quality.json, on a three-model fixture written here whose numbers are chosen so that every
 * verdict can be read off by eye: an interval above zero, below zero, or across it, for measures where higher is
 * better, lower is better, and neither.
 */
public class MapQualityNumbersTest {
    @TempDir Path dir;

    /** Base, Compound, Width only on 20 images; Width only's drop interval has one image (NaN ends, as the bootstrap writes). */
    public static final String FIXTURE = """
            {"settings": {"data": "/d", "classes": ["a", "b"], "models": ["Base", "Compound", "Width only"],
                          "method": "gradcam", "layer": "top_activation", "perClass": 10, "steps": 20, "seed": 1},
             "images": 20,
             "models": [
              {"model": "Base", "images": 20, "correct": 11,
               "deletionAuc": {"mean": 0.20203, "low": 0.15887, "high": 0.24265, "n": 11},
               "insertionAuc": {"mean": 0.46162, "low": 0.31852, "high": 0.62149, "n": 11},
               "averageDropPercent": {"mean": 44.998, "low": 26.597, "high": 63.234, "n": 11},
               "increasePercent": {"mean": 9.09, "low": 0.0, "high": 27.27, "n": 11},
               "topShare": {"mean": 0.35673, "low": 0.32417, "high": 0.39222, "n": 11},
               "topShareWrong": {"mean": 0.589, "low": 0.479, "high": 0.718, "n": 9}},
              {"model": "Compound", "images": 20, "correct": 15,
               "deletionAuc": {"mean": 0.236577, "low": 0.1735, "high": 0.30664, "n": 15},
               "insertionAuc": {"mean": 0.5559, "low": 0.43155, "high": 0.68657, "n": 15},
               "averageDropPercent": {"mean": 38.28, "low": 21.49, "high": 55.83, "n": 15},
               "increasePercent": {"mean": 26.7, "low": 6.7, "high": 53.3, "n": 15},
               "topShare": {"mean": 0.4749, "low": 0.42, "high": 0.5353, "n": 15},
               "topShareWrong": {"mean": 0.659, "low": 0.545, "high": 0.773, "n": 4}},
              {"model": "Width only", "images": 20, "correct": 1,
               "deletionAuc": {"mean": 0.5, "low": NaN, "high": NaN, "n": 1},
               "insertionAuc": {"mean": 0.5, "low": NaN, "high": NaN, "n": 1},
               "averageDropPercent": {"mean": 12.5, "low": NaN, "high": NaN, "n": 1},
               "increasePercent": {"mean": 0, "low": NaN, "high": NaN, "n": 1},
               "topShare": {"mean": 0.3, "low": NaN, "high": NaN, "n": 1},
               "topShareWrong": {"mean": 0.3, "low": 0.2, "high": 0.4, "n": 19}}
             ],
             "compoundMinus": [
              {"minus": "Base",
               "deletionAuc": {"mean": 0.0484, "low": 0.0067, "high": 0.0975, "n": 20},
               "insertionAuc": {"mean": 0.1298, "low": 0.0683, "high": 0.1979, "n": 20},
               "averageDropPercent": {"mean": -2.5586, "low": -12.7995, "high": 7.9752, "n": 20},
               "topShare": {"mean": 0.0807, "low": 0.0331, "high": 0.1338, "n": 19}},
              {"minus": "Width only",
               "deletionAuc": {"mean": -0.04, "low": -0.07, "high": -0.01, "n": 20},
               "insertionAuc": {"mean": 0.01, "low": -0.05, "high": 0.07, "n": 20},
               "averageDropPercent": {"mean": -9.5, "low": -15.2, "high": -3.1, "n": 20},
               "topShare": {"mean": -0.02, "low": -0.06, "high": 0.01, "n": 20}}
             ]}
            """;

    private MapQualityNumbers.View load() throws Exception {
        Path file = dir.resolve("map-quality/quality.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, FIXTURE);
        return MapQualityNumbers.load(file, Path.of("/data/imagenette2-160"));
    }

    @Test
    void modelRowsShowMeansAndIntervalsToThreeDigits() throws Exception {
        MapQualityNumbers.View v = load();
        assertTrue(v.present());
        assertEquals("Compound", v.compound());
        assertEquals(List.of("Base", "Compound", "Width only"), v.models().stream().map(MapQualityNumbers.Row::label).toList());
        assertEquals("15 of 20 right", v.models().get(1).detail());
        List<MapQualityNumbers.Cell> compound = v.models().get(1).cells();
        assertEquals("0.237 [0.174, 0.307]", compound.get(0).text());   // deletion
        assertEquals("0.556 [0.432, 0.687]", compound.get(1).text());   // insertion
        assertEquals("38.3 [21.5, 55.8]", compound.get(2).text());      // average drop, percent
        assertEquals("0.475 [0.420, 0.535]", compound.get(3).text());   // top-20 % share
        assertEquals("45.0 [26.6, 63.2]", v.models().get(0).cells().get(2).text());
        assertEquals("0.500 (one image)", v.models().get(2).cells().get(0).text());
        assertTrue(v.subtitle().startsWith("20 images (10 per class)"), v.subtitle());
        assertTrue(v.title().contains("Grad-CAM at top_activation"), v.title());
    }

    @Test
    void eachDifferenceIsJudgedByWhereItsIntervalLies() throws Exception {
        MapQualityNumbers.View v = load();
        assertEquals(List.of("Compound − Base", "Compound − Width only"), v.differences().stream().map(MapQualityNumbers.Row::label).toList());
        // minus Base: deletion up (lower is better: worse), insertion up (better), drop across zero, share up (more concentrated)
        assertEquals(List.of(Verdict.WORSE, Verdict.BETTER, Verdict.UNCLEAR, Verdict.HIGHER),
                v.differences().get(0).cells().stream().map(MapQualityNumbers.Cell::verdict).toList());
        // minus Width only: deletion down (better), insertion across zero, drop down (better), share across zero
        assertEquals(List.of(Verdict.BETTER, Verdict.UNCLEAR, Verdict.BETTER, Verdict.UNCLEAR),
                v.differences().get(1).cells().stream().map(MapQualityNumbers.Cell::verdict).toList());
        assertEquals("-2.6 [-12.8, 8.0]", v.differences().get(0).cells().get(2).text());
        assertEquals("0.048 [0.007, 0.098]", v.differences().get(0).cells().get(0).text());
    }

    @Test
    void theReadingCountsTheVerdictsAndSaysWhenTheSampleIsSmall() throws Exception {
        assertEquals("Compound against the 2 other models on the same 20 images: clearly more faithful by deletion (1 of 2), "
                + "insertion (1 of 2), average drop (1 of 2); clearly less faithful by deletion (1 of 2); more concentrated than 1; "
                + "every other difference is within chance (few images, so the intervals are wide).", load().reading());
    }

    @Test
    void noClearDifferenceIsSaidPlainly() {
        MapQualityNumbers.Row unclear = new MapQualityNumbers.Row("C − B", "", List.of(
                MapQualityNumbers.cell(new Bootstrap.Interval(0.1, -0.1, 0.3, 500), MapQualityNumbers.Measure.DELETION),
                MapQualityNumbers.cell(new Bootstrap.Interval(0.1, -0.1, 0.3, 500), MapQualityNumbers.Measure.INSERTION),
                MapQualityNumbers.cell(new Bootstrap.Interval(0.1, -0.1, 0.3, 500), MapQualityNumbers.Measure.DROP),
                MapQualityNumbers.cell(new Bootstrap.Interval(0.1, -0.1, 0.3, 500), MapQualityNumbers.Measure.TOP_SHARE)));
        assertEquals("C against the 1 other model on the same 500 images: clearly more faithful by no measure; every other difference"
                + " is within chance.", MapQualityNumbers.reading("C", 500, List.of(unclear)));
    }

    @Test
    void aMissingFileSaysSoAndGivesTheCommand() {
        Path file = dir.resolve("study/map-quality/quality.json");
        MapQualityNumbers.View v = MapQualityNumbers.load(file, Path.of("/data/imagenette2-160"));
        assertFalse(v.present());
        assertTrue(v.missing().contains(file.toString()), v.missing());
        assertEquals("./scaling-lab datasets --download && ./scaling-lab map-quality --data /data/imagenette2-160 --per-class 50 --out "
                + file.getParent(), v.command());
    }

    /**
     * A study of one model in {@code study} whose weights file holds {@code weights}, and a measurement of it in
     * {@code study/map-quality/quality.json} (the fixture) made with weights of SHA-256 {@code measured}.
     */
    public static Path studyWithMeasurement(Path study, String weights, String measured) throws Exception {
        Files.createDirectories(study.resolve("base"));
        Files.writeString(study.resolve("base/model.h5"), weights);
        Files.writeString(study.resolve("report.json"), """
                {"phi": 1, "alpha": 1.2, "beta": 1.1, "gamma": 1.15, "classes": ["a", "b"], "models": [
                  {"kind": "base", "label": "Base", "width": 0.5, "depth": 0.6, "resolution": 160, "classes": 2, "top1": 0.5, "weights": "base/model.h5"}]}
                """);
        Path file = study.resolve("map-quality/quality.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, FIXTURE.replace("\"seed\": 1}", "\"seed\": 1, \"weights\": [\"" + measured + "\"]}"));
        return file;
    }

    /** A measurement of weights the study no longer has says so; one of the study's current weights, or without digests, does not. */
    @Test
    void aMeasurementOfEarlierWeightsSaysSo() throws Exception {
        Path study = dir.resolve("study");
        Path file = studyWithMeasurement(study, "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        MapQualityNumbers.View current = MapQualityNumbers.load(file, Path.of("/data/imagenette2-160"));
        assertTrue(current.present());
        assertEquals("", current.stale());
        assertEquals("./scaling-lab datasets --download && ./scaling-lab map-quality --data /data/imagenette2-160 --per-class 10 --steps 20"
                + " --layer top_activation --out " + file.getParent(), current.command(), "the file's own settings");

        Files.writeString(study.resolve("base/model.h5"), "abd"); // trained again
        MapQualityNumbers.View stale = MapQualityNumbers.load(file, Path.of("/data/imagenette2-160"));
        assertTrue(stale.present(), "the numbers are still shown");
        assertTrue(stale.stale().startsWith("These numbers describe earlier weights of the models"), stale.stale());
        assertTrue(stale.stale().endsWith("The command below measures the models trained again anew and keeps the others' results."),
                stale.stale());

        Files.writeString(file, FIXTURE);
        assertEquals("", MapQualityNumbers.load(file, Path.of("/x")).stale(), "a file without digests cannot be judged");
    }

    @Test
    void aDamagedFileIsAMessageNotAnException() throws Exception {
        Path file = dir.resolve("quality.json");
        Files.writeString(file, "{\"settings\": ");
        MapQualityNumbers.View v = MapQualityNumbers.load(file, Path.of("/x"));
        assertFalse(v.present());
        assertTrue(v.missing().contains("damaged"), v.missing());
    }
}
