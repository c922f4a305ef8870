package org.scalinglab.app;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled-study line-up read from a hand-written report: untrained models say why, with a training's progress. */
class StudyLineupTest {

    @Test
    void untrainedModelsSayHowFarTheirTrainingHasCome(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("report.json"), """
                {"phi": 1, "alpha": 1.2, "beta": 1.1, "gamma": 1.15, "classes": ["n01", "n02"],
                 "models": [
                  {"kind": "base", "label": "Base", "width": 0.25, "depth": 0.25, "resolution": 64, "classes": 2, "top1": null, "weights": null},
                  {"kind": "depth", "label": "Depth only", "width": 0.25, "depth": 0.5, "resolution": 64, "classes": 2, "top1": null, "weights": null},
                  {"kind": "width", "label": "Width only", "width": 0.5, "depth": 0.25, "resolution": 64, "classes": 2, "top1": null, "weights": "width/model.h5"}
                 ]}""");
        Files.createDirectories(dir.resolve("depth"));
        Files.writeString(dir.resolve("depth/checkpoint.json"), """
                {"width": 0.25, "depth": 0.5, "resolution": 64, "classes": 2, "epochsDone": 3, "step": 30, "seconds": 12.5,
                 "history": [
                  {"epoch": 1, "step": 10, "loss": 1.1, "accuracy": 0.4, "validationTop1": 0.2, "validationTop5": 1, "seconds": 4, "imagesPerSecond": 9},
                  {"epoch": 3, "step": 30, "loss": 0.7, "accuracy": 0.6, "validationTop1": 0.4583, "validationTop5": 1, "seconds": 4, "imagesPerSecond": 9}
                 ]}""");

        List<LineupModel> lineup = Lineups.study(dir);
        assertEquals(List.of("Base", "Depth only", "Width only"), lineup.stream().map(LineupModel::label).toList());
        assertEquals("not trained yet", lineup.get(0).missingReason());
        assertEquals("training: 3 epochs done, validation top-1 45.8 %", lineup.get(1).missingReason());
        assertEquals("not trained yet", lineup.get(2).missingReason(), "a report naming weights that are not there");

        Files.writeString(dir.resolve("depth/checkpoint.json"), "{ damaged");
        assertEquals("not trained yet", Lineups.study(dir).get(1).missingReason());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Lineups.study(dir.resolve("none"))).getMessage()
                .contains("report.json is missing"));
    }
}
