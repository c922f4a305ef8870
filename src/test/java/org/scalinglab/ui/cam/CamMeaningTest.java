package org.scalinglab.ui.cam;

import static org.junit.jupiter.api.Assertions.*;
import static org.scalinglab.ui.cam.CamFixtures.LINEUP;
import static org.scalinglab.ui.cam.CamFixtures.waitUntil;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.ui.WindowDriver;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What the maps on the CAM tab mean: a photo added leaves the rows shown as they are (one colour scale per image) and
 * the legend names the scale; after a change of method every cell is marked out of date until it is recomputed, so an
 * old map never shows under the new method's name; Eigen-CAM's cells name no class. The assertions use what the
 * window showed before these were fixed (drop, the method property, the grid's cells), so they fail on that code.
 */
@ExtendWith(ApplicationExtension.class)
class CamMeaningTest {
    @TempDir static Path cache;
    @TempDir Path dir;
    private CamView cam;
    private CamViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        vm = CamFixtures.offlineModel(cache, "Tiny test line-up", LINEUP);
        cam = WindowDriver.showTab(CamFixtures.showCamTab(stage, vm, 1260, 780), "cam-tab", CamView.class);
    }

    @AfterEach
    void close() {
        vm.close();
    }

    @Test
    void aPhotoAddedLeavesTheRowsShownAsTheyAreAndTheLegendNamesTheScale(FxRobot robot) throws Exception {
        // the busy photo's Grad-CAM maps peak lower than the plain photo's with these two networks (ComparisonScalingTest
        // measures it: 3.7e-5 against 9.0e-5), so it goes first and the plain photo, whose maps go higher, is added
        Path busy = CamFixtures.busyPhoto(dir, "busy.png", 70, 90);
        robot.interact(() -> cam.handleDrop(List.of(busy.toFile()), null));
        waitUntil(() -> vm.resultProperty().get() != null && !vm.runningProperty().get());
        List<BufferedImage> before = List.of(overlay(robot, 0, 0), overlay(robot, 0, 1));

        // over everything, this photo would recolour the first row
        Path quiet = CamFixtures.photo(dir, "quiet.png", 96, 64);
        robot.interact(() -> cam.handleDrop(List.of(quiet.toFile()), null));
        waitUntil(() -> vm.resultProperty().get().rows().size() == 2 && !vm.runningProperty().get());
        for (int c = 0; c < 2; c++) assertSamePixels(before.get(c), overlay(robot, 0, c), "row 0, model " + c + " after adding a photo");

        String legend = robot.lookup("#cam-legend-title").queryAs(Label.class).getText();
        assertTrue(legend.contains("one colour scale per image"), "the legend names the scale: " + legend);
    }

    @Test
    void afterAMethodChangeEveryCellIsMarkedOutOfDateUntilItIsRecomputed(FxRobot robot) throws Exception {
        Path one = CamFixtures.photo(dir, "one.png", 96, 64);
        Path two = CamFixtures.photo(dir, "two.png", 64, 96);
        robot.interact(() -> cam.handleDrop(List.of(one.toFile(), two.toFile()), null));
        waitUntil(() -> vm.resultProperty().get() != null && vm.resultProperty().get().rows().size() == 2 && !vm.runningProperty().get());

        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            vm.methodProperty().set("eigencam");
            // at once, before any new map exists: no cell shows a map under the new title
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 2; c++) {
                    Node cell = cam.lookup("#cell-" + r + "-" + c);
                    if (cell == null) {
                        problems.add("no cell " + r + "," + c);
                        continue;
                    }
                    if (!cell.getStyleClass().contains("cam-out-of-date")) problems.add("cell " + r + "," + c + " is not marked out of date");
                    if (!cell.lookupAll(".cam-overlay").isEmpty()) problems.add("cell " + r + "," + c + " shows a map as current");
                    if (cell.lookupAll(".label").stream().map(n -> ((Label) n).getText()).noneMatch(t -> t.startsWith("was: Grad-CAM"))) {
                        problems.add("cell " + r + "," + c + " does not say its map is Grad-CAM's");
                    }
                }
                // the model without weights says so whatever the method: nothing there is out of date
                Node none = cam.lookup("#cell-" + r + "-2");
                if (none == null || none.getStyleClass().contains("cam-out-of-date")) problems.add("cell " + r + ",2 without weights is marked");
            }
        });
        assertEquals(List.of(), problems);

        waitUntil(() -> !vm.runningProperty().get() && "eigencam".equals(vm.resultProperty().get().method()));
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                Node cell = robot.lookup("#cell-" + r + "-" + c).query();
                assertFalse(cell.getStyleClass().contains("cam-out-of-date"), "recomputed: cell " + r + "," + c);
            }
            for (int c = 0; c < 2; c++) assertNotNull(overlay(robot, r, c));
        }
    }

    @Test
    void eigenCamCellsNameNoClass(FxRobot robot) throws Exception {
        Path png = CamFixtures.photo(dir, "shapes.png", 96, 64);
        robot.interact(() -> {
            vm.methodProperty().set("eigencam");
            cam.handleDrop(List.of(png.toFile()), null);
        });
        waitUntil(() -> vm.resultProperty().get() != null && "eigencam".equals(vm.resultProperty().get().method()) && !vm.runningProperty().get());
        for (int c = 0; c < 2; c++) {
            List<String> captions = robot.lookup("#cell-0-" + c + " .cam-target").queryAllAs(Label.class).stream().map(Label::getText).toList();
            assertEquals(1, captions.size(), String.valueOf(captions));
            String caption = captions.get(0);
            assertFalse(caption.startsWith("map of"), caption);
            for (String name : CamFixtures.CLASSES) assertFalse(caption.contains(name), "Eigen-CAM names no class: " + caption);
            assertTrue(caption.contains("no class"), caption);
        }
        // and the window says why, next to the layer
        String notes = robot.lookup("#cam-notes").queryAs(Label.class).getText();
        assertTrue(notes.contains("Eigen-CAM") && notes.contains("class"), notes);
        assertTrue(notes.contains("Grad-CAM, XGrad-CAM and CAM give the same map"), notes);
    }

    @Test
    void aLongRunIsEstimatedAndWaitsForTheGo(FxRobot robot) throws Exception {
        Path png = CamFixtures.photo(dir, "one.png", 96, 64);
        robot.interact(() -> cam.handleDrop(List.of(png.toFile()), null));
        waitUntil(() -> vm.resultProperty().get() != null && !vm.runningProperty().get());
        int runs = vm.runs();

        // any Score-CAM run counts as long here, so it must wait; the tiny networks have 320 channels at top_activation
        robot.interact(() -> {
            vm.askAbove(0);
            vm.methodProperty().set("scorecam");
        });
        waitUntil(() -> !vm.confirmationProperty().get().isEmpty() && !vm.runningProperty().get());
        String question = vm.confirmationProperty().get();
        long images = (1 + CamFixtures.A.headFilters()) + (1 + CamFixtures.B.headFilters());
        assertTrue(question.startsWith("Score-CAM on 1 photo × 2 models: about "), question);
        assertTrue(question.contains("(" + images + " images through the networks)"), question);
        assertTrue(robot.lookup("#cam-confirm").query().isVisible());
        assertTrue(vm.statusProperty().get().startsWith("Waiting for your go"), vm.statusProperty().get());
        assertTrue(robot.lookup("#cell-0-0").query().getStyleClass().contains("cam-out-of-date"), "still the old map, marked");
        assertEquals(runs, vm.runs(), "nothing ran");

        // "Don't run": back to the maps on screen, current again
        robot.interact(() -> robot.lookup("#cam-confirm-keep").queryButton().fire());
        assertEquals("gradcam", vm.methodProperty().get());
        assertEquals("", vm.confirmationProperty().get());
        assertFalse(robot.lookup("#cell-0-0").query().getStyleClass().contains("cam-out-of-date"));
        assertNotNull(overlay(robot, 0, 0));
        assertEquals(runs, vm.runs());

        // "Start": it runs, and its maps replace the old ones
        robot.interact(() -> vm.methodProperty().set("scorecam"));
        waitUntil(() -> !vm.confirmationProperty().get().isEmpty() && !vm.runningProperty().get());
        robot.interact(() -> robot.lookup("#cam-confirm-start").queryButton().fire());
        waitUntil(() -> !vm.runningProperty().get() && "scorecam".equals(vm.resultProperty().get().method()));
        assertFalse(robot.lookup("#cell-0-0").query().getStyleClass().contains("cam-out-of-date"));
        assertNotNull(overlay(robot, 0, 0));
    }

    // ---- helpers

    private static BufferedImage overlay(FxRobot robot, int row, int column) {
        ImageView v = robot.lookup("#cell-" + row + "-" + column + " .cam-overlay").queryAs(ImageView.class);
        return javafx.embed.swing.SwingFXUtils.fromFXImage(v.getImage(), null);
    }

    private static void assertSamePixels(BufferedImage a, BufferedImage b, String what) {
        assertEquals(a.getWidth(), b.getWidth(), what);
        assertEquals(a.getHeight(), b.getHeight(), what);
        int differ = 0;
        for (int y = 0; y < a.getHeight(); y++) for (int x = 0; x < a.getWidth(); x++) if (a.getRGB(x, y) != b.getRGB(x, y)) differ++;
        assertEquals(0, differ, what + ": pixels changed");
    }
}
