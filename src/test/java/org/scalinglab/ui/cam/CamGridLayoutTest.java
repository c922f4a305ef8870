package org.scalinglab.ui.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.app.LineupModel;

class CamGridLayoutTest {
    @Test
    void cellsShrinkToFitTheWidthBetweenTheMinimumAndThePreferredSize() {
        // presenter, six columns in 1300 px: (1300 - 36 padding - 5 gaps x 10) / 6 = 202.3 -> 202
        assertEquals(202, CamGrid.cellSize(true, 1300, 6));
        // plenty of room: the preferred sizes
        assertEquals(CamGrid.PRESENTER_CELL, CamGrid.cellSize(true, 3000, 6));
        assertEquals(CamGrid.CELL, CamGrid.cellSize(false, 3000, 6));
        // too narrow: never below the minimum (a scroll bar appears instead)
        assertEquals(CamGrid.MIN_CELL, CamGrid.cellSize(false, 500, 6));
        // not laid out yet: the preferred size
        assertEquals(CamGrid.CELL, CamGrid.cellSize(false, 0, 6));
    }

    @Test
    void aSmallLineUpSaysWhichClassesItKnows() {
        NetworkSpec spec = new NetworkSpec("s", 0.25, 0.25, 64, 0.1, 3);
        List<LineupModel> three = List.of(LineupModel.missing("x", spec, "none"),
                new LineupModel("a", spec, List.of("tench", "church", "parachute"), null, null));
        String text = CamView.knownClassesText(three);
        assertTrue(text.startsWith("These models know only 3 classes: tench, church, parachute."), text);
        NetworkSpec imagenet = new NetworkSpec("i", 0.25, 0.25, 64, 0.1, 1000);
        List<String> many = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "c" + i).toList();
        assertEquals("", CamView.knownClassesText(List.of(new LineupModel("b0", imagenet, many, null, null))));
    }
}
