package org.scalinglab.ui.cam;

import static org.junit.jupiter.api.Assertions.*;
import static org.scalinglab.ui.cam.CamFixtures.STUDY_LIKE;
import static org.scalinglab.ui.cam.CamFixtures.sample;
import static org.scalinglab.ui.cam.CamFixtures.waitUntil;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.ui.MainWindow;
import org.scalinglab.ui.WindowDriver;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The CAM tab on a projector: at 1280×720, 1366×768 and 1920×1080, in normal and presenter mode, with five columns as the study
 * has, no text on the tab is cut (a label, button or cell showing less than its text, or a text field showing less than
 * its value); and photos outside the models' ten classes are marked, in the gallery and in every cell of their row.
 */
@ExtendWith(ApplicationExtension.class)
class CamLayoutTest {
    @TempDir static Path cache;
    @TempDir Path dir;
    private Stage stage;
    private MainWindow window;
    private CamView cam;
    private CamViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        vm = CamFixtures.offlineModel(cache, "Two tiny networks that know the study's ten classes", STUDY_LIKE);
        window = CamFixtures.showCamTab(stage, vm, 1280, 720);
        cam = WindowDriver.showTab(window, "cam-tab", CamView.class);
    }

    @AfterEach
    void close() {
        vm.close();
    }

    @Test
    void noTextOnTheTabIsCutAtProjectorSizesInEitherMode(FxRobot robot) throws Exception {
        Path unknown = CamFixtures.photo(dir, "holiday-photo-from-a-phone-2024-07-14.png", 120, 90);
        robot.interact(() -> cam.handleDrop(List.of(sample("china-temple.jpg").toFile(), sample("flower.jpg").toFile(), unknown.toFile()), null));
        waitUntil(() -> vm.resultProperty().get() != null && vm.resultProperty().get().rows().size() == 3 && !vm.runningProperty().get());

        List<String> problems = new ArrayList<>();
        // the layer box must show a long block name whole at the small size (the tester saw "block5a_project_l"); at
        // top_activation the notes line takes room from the maps
        for (int[] size : new int[][] {{1280, 720, 1}, {1280, 720, 0}, {1366, 768, 0}, {1920, 1080, 0}}) {
            double[] deskSide = {0};
            String layer = size[2] == 1 ? "block5a_project_bn" : "top_activation";
            robot.interact(() -> vm.layerProperty().set(layer));
            waitUntil(() -> !vm.runningProperty().get() && layer.equals(vm.resultProperty().get().layer()));
            for (boolean presenter : new boolean[] {false, true}) {
                String where = size[0] + "×" + size[1] + (presenter ? " presenter" : " normal") + " at " + layer + ": ";
                robot.interact(() -> {
                    // laid out and drawn at this size as the screenshot command draws the window (the headless screen is smaller)
                    Scene old = window.root().getScene();
                    if (old != null) old.setRoot(new Group());
                    Scene scene = window.createScene(size[0], size[1]);
                    window.presenterProperty().set(presenter);
                    for (int pass = 0; pass < 3; pass++) scene.snapshot(null);
                    assertEquals(size[0], cam.getScene().getWidth(), where + "the window's width");
                    problems.addAll(cut(cam).stream().map(p -> where + p).toList());
                    // the maps do not shrink below the minimum when the text grows
                    double side = cam.lookup("#cell-0-0").lookup(".cam-frame").getLayoutBounds().getWidth();
                    if (side < CamGrid.MIN_CELL) problems.add(where + "cells of " + side + " px");
                    // the first row's top prediction is in view without scrolling
                    javafx.scene.Node top1 = cam.lookup("#cell-0-1").lookup(".cam-top1");
                    javafx.scene.control.ScrollPane grid = (javafx.scene.control.ScrollPane) cam.lookup(".cam-grid-scroll");
                    double bottom = top1.localToScene(top1.getLayoutBounds()).getMaxY();
                    double visible = grid.localToScene(grid.getLayoutBounds()).getMaxY();
                    if (bottom > visible) problems.add(where + "the first row's top-1 ends at " + bottom + " px, below the grid's " + visible);
                    // the notes, when left out for room, are in the method's tooltip
                    if (!cam.notes.isVisible() && !cam.method.getTooltip().getText().contains(cam.notes.getText())) {
                        problems.add(where + "the notes are neither shown nor in the method's tooltip");
                    }
                    // larger text never makes smaller maps
                    if (!presenter) deskSide[0] = side;
                    else if (side < deskSide[0]) problems.add(where + "maps of " + side + " px, " + deskSide[0] + " px on a desk");
                });
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void photosOutsideTheModelsClassesAreMarkedInTheGalleryAndInEveryCell(FxRobot robot) throws Exception {
        // the gallery marks each sample for the ten classes: only the temple is one of them (a church)
        Labeled temple = badge(robot, "china-temple");
        Labeled flower = badge(robot, "flower");
        assertTrue(temple.isVisible() && temple.getText().contains("church"), temple.getText());
        assertTrue(flower.isVisible() && flower.getText().startsWith("⚠"), flower.getText());
        for (String other : List.of("astronaut", "cat-chelsea", "coffee-cup", "raccoon", "rocket-launch", "cameraman-gray")) {
            assertTrue(badge(robot, other).getText().startsWith("⚠"), other);
        }

        Path unknown = CamFixtures.photo(dir, "mine.png", 120, 90);
        java.nio.file.Files.createDirectories(dir.resolve("golf ball"));
        Path inFolder = CamFixtures.photo(dir.resolve("golf ball"), "ball.png", 100, 100); // its folder names its class
        robot.interact(() -> cam.handleDrop(List.of(sample("flower.jpg").toFile(), sample("china-temple.jpg").toFile(), unknown.toFile(),
                inFolder.toFile()), null));
        waitUntil(() -> vm.resultProperty().get() != null && vm.resultProperty().get().rows().size() == 4 && !vm.runningProperty().get());
        for (int c = 0; c < 2; c++) {
            // a known class (the temple is a church; the ball's folder says golf ball): the top-1 is marked right or wrong
            for (String[] rowAndClass : new String[][] {{"1", "church"}, {"3", "golf ball"}}) {
                List<String> cell = texts(robot, "#cell-" + rowAndClass[0] + "-" + c);
                String top1 = cell.stream().filter(t -> t.matches("[✓✗] 1\\. .*")).findFirst().orElseThrow(() -> new AssertionError(cell));
                assertEquals(top1.startsWith("✓"), top1.startsWith("✓ 1. " + rowAndClass[1] + "  "), top1);
                assertTrue(cell.stream().noneMatch(t -> t.startsWith("⚠") || t.startsWith("?")), "row " + rowAndClass[0] + ": " + cell);
            }
            assertTrue(texts(robot, "#cell-2-" + c).stream().noneMatch(t -> t.startsWith("✓") || t.startsWith("✗")), "nothing known: no mark");
            assertTrue(texts(robot, "#cell-0-" + c).stream().anyMatch(t -> t.startsWith("⚠") && t.contains("outside the 10 classes")),
                    "the flower's cell " + c + ": " + texts(robot, "#cell-0-" + c));
            assertTrue(texts(robot, "#cell-1-" + c).stream().noneMatch(t -> t.startsWith("⚠") || t.startsWith("?")),
                    "the temple's cell " + c + ": " + texts(robot, "#cell-1-" + c));
            assertTrue(texts(robot, "#cell-2-" + c).stream().anyMatch(t -> t.startsWith("?") && t.contains("10 classes")),
                    "a photo the app knows nothing about: " + texts(robot, "#cell-2-" + c));
        }
        List<String> all = new ArrayList<>();
        robot.interact(() -> walk(cam.grid, n -> {
            if (n instanceof Labeled l && l.getText() != null) all.add(l.getText());
        }));
        assertTrue(all.contains("⚠ a dahlia (a flower): not one of the 10 classes"), String.valueOf(all));
        assertTrue(all.contains("✓ shows church, one of the 10 classes"), String.valueOf(all));
        assertTrue(all.stream().anyMatch(t -> t.startsWith("? unknown photo: the models name one of their 10 classes")), String.valueOf(all));
    }

    // ---- what "cut" means

    /** Every visible text on the node that shows less than it holds. */
    static List<String> cut(Parent root) {
        root.applyCss();
        root.layout();
        List<String> out = new ArrayList<>();
        walk(root, n -> {
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
                Text shown = null;
                for (Node c : l.getChildrenUnmodifiable()) if (c instanceof Text t) shown = t;
                if (shown == null) return;
                String full = l.getText();
                String seen = shown.getText();
                boolean same = seen.equals(full) || (l.isMnemonicParsing() && seen.equals(full.replace("_", "")));
                if (!same) out.add(describe(l) + " shows \"" + seen + "\" of \"" + full + "\"");
            } else if (n instanceof TextField f && f.getText() != null && !f.getText().isEmpty()) {
                Text t = new Text(f.getText());
                t.setFont(f.getFont());
                double room = f.getWidth() - f.snappedLeftInset() - f.snappedRightInset();
                if (t.getLayoutBounds().getWidth() > room + 0.5) {
                    out.add(describe(f) + " shows " + Math.round(room) + " px of \"" + f.getText() + "\" (" + Math.round(t.getLayoutBounds().getWidth()) + " px)");
                }
            }
        });
        return out;
    }

    /** Visits the visible nodes under root (an invisible node hides its children). */
    static void walk(Node n, Consumer<Node> visit) {
        if (!n.isVisible()) return;
        visit.accept(n);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) walk(c, visit);
    }

    private static String describe(Node n) {
        StringBuilder b = new StringBuilder(n.getClass().getSimpleName());
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getId() != null) {
                b.append(" in #").append(p.getId());
                break;
            }
        }
        return b.toString();
    }

    private static Labeled badge(FxRobot robot, String sample) {
        return robot.lookup("#sample-" + sample + " .sample-fit").queryAs(Labeled.class);
    }

    private static List<String> texts(FxRobot robot, String cell) {
        return robot.lookup(cell + " .label").queryAllAs(Labeled.class).stream().map(Labeled::getText).toList();
    }
}
