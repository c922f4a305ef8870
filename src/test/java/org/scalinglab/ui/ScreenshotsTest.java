package org.scalinglab.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.train.SyntheticShapes;
import org.testfx.framework.junit5.ApplicationExtension;

/** Screenshots of the window taken headless (the toolkit is up through TestFX). */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {
    @TempDir Path dir;

    /**
     * The README's Train tab picture: a real run drawn during its last epoch. 3 classes × 140 images, 14 held out
     * each: 378 for training, 11 steps of 32 per epoch, so the last epoch reports at its 10th step (step 21 of 22)
     * before it ends. Afterwards the run is stopped and its temporary folder gone.
     */
    @Test
    void trainingScreenshotIsTakenDuringTheLastEpoch() throws Exception {
        SyntheticShapes.write(dir.resolve("shapes"), 3, 140, 64, 11);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        java.util.Set<Path> runsBefore = runFolders(tmp);
        Screenshots.DrawnRun shot = Screenshots.trainingShot(new Screenshots.Request("train", false, 1000, 700, "b0", Double.NaN,
                0, 1, "study", java.util.List.of(), null, new Screenshots.TrainingShot(dir.resolve("shapes"), 0, 2)));
        assertTrue(shot.status().contains("epoch 2/2 step 21/22"), shot.status());
        assertFalse(shot.status().contains("val top-1"), "drawn at an epoch's end: " + shot.status());
        assertEquals(1000, shot.image().getWidth());
        assertEquals(700, shot.image().getHeight());
        assertEquals(runsBefore, runFolders(tmp), "the run's temporary folder is removed");

        assertThrows(IllegalArgumentException.class, () -> new Screenshots.TrainingShot(dir.resolve("missing"), 0, 2));
        assertThrows(IllegalArgumentException.class, () -> new Screenshots.TrainingShot(dir.resolve("shapes"), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Screenshots.Request("cam", false, 1000, 700, "b0", Double.NaN,
                0, 1, "study", java.util.List.of(), null, new Screenshots.TrainingShot(dir.resolve("shapes"), 0, 2)));
    }

    private static java.util.Set<Path> runFolders(Path tmp) throws java.io.IOException {
        try (var s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("scaling-lab-run-")).collect(java.util.stream.Collectors.toSet());
        }
    }
}
