package org.scalinglab.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.app.UserSettings;
import org.scalinglab.app.UserSettings.WindowBounds;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's size and place between runs: restored when it fits a screen, its position refused when it is off every
 * screen (a projector unplugged since), a first start sized to the screen; and a real (headless) stage gets the
 * remembered size and reports its normal bounds for the next run.
 */
@ExtendWith(ApplicationExtension.class)
class WindowStateTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1920, 1050);          // visual bounds, task bar below
    private static final Rectangle2D PROJECTOR = new Rectangle2D(1920, 0, 1280, 720);
    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 100, 100));
    }

    @Test
    void aRememberedWindowComesBackWhereItWas() {
        WindowBounds saved = new WindowBounds(2000, 40, 1100, 650, false);
        assertEquals(saved, WindowState.place(Optional.of(saved), List.of(LAPTOP, PROJECTOR), LAPTOP), "on the projector");
        WindowBounds maximised = new WindowBounds(100, 60, 1500, 900, true);
        assertEquals(maximised, WindowState.place(Optional.of(maximised), List.of(LAPTOP), LAPTOP));
        // larger than its screen now: shrunk to it and kept on it
        WindowBounds big = WindowState.place(Optional.of(new WindowBounds(1950, 10, 1600, 1000, false)),
                List.of(LAPTOP, PROJECTOR), LAPTOP);
        assertEquals(new WindowBounds(1920, 0, 1280, 720, false), big);
    }

    @Test
    void aPositionOffEveryScreenIsRefused() {
        // saved on the projector, which is gone: the size stays, the window opens centred on the laptop
        WindowBounds saved = new WindowBounds(2000, 40, 1100, 650, false);
        WindowBounds placed = WindowState.place(Optional.of(saved), List.of(LAPTOP), LAPTOP);
        assertEquals(1100, placed.width());
        assertEquals(650, placed.height());
        assertEquals((1920 - 1100) / 2.0, placed.x());
        assertEquals((1050 - 650) / 2.0, placed.y());
        // only a sliver of the title bar on screen counts as off screen too; so does a window above the screen
        assertTrue(LAPTOP.contains(WindowState.place(Optional.of(new WindowBounds(1900, 100, 800, 600, false)), List.of(LAPTOP),
                LAPTOP).x(), 100));
        WindowBounds above = WindowState.place(Optional.of(new WindowBounds(100, -700, 800, 600, false)), List.of(LAPTOP), LAPTOP);
        assertTrue(above.y() >= 0, "the title bar is reachable: " + above);
    }

    @Test
    void aFirstStartFitsTheScreen() {
        WindowBounds desk = WindowState.place(Optional.empty(), List.of(LAPTOP), LAPTOP);
        assertFalse(desk.maximized());
        assertTrue(desk.width() >= 1200 && desk.width() <= 1920 && desk.height() >= 750 && desk.height() <= 1050, desk.toString());
        assertEquals(LAPTOP.getWidth() / 2, desk.x() + desk.width() / 2, 1, "centred");
        Rectangle2D small = new Rectangle2D(0, 0, 1366, 738);
        WindowBounds laptop = WindowState.place(Optional.empty(), List.of(small), small);
        assertTrue(laptop.maximized(), "a small screen opens maximised");
        assertTrue(laptop.width() <= 1366 && laptop.height() <= 738, laptop.toString());
    }

    /** A stage sized by the state: its size as remembered, its normal bounds followed, and written for the next run. */
    @Test
    void theStageGetsTheRememberedSizeAndItIsSavedAgain(FxRobot robot) throws Exception {
        Path file = dir.resolve("settings.json");
        UserSettings settings = UserSettings.load(file);
        settings.setWindow(new WindowBounds(30, 20, 1000, 700, false));
        WindowState state = new WindowState(settings);
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            WindowBounds b = state.place();
            stage[0] = new Stage();
            stage[0].setScene(new Scene(new Pane(), b.width(), b.height()));
            state.apply(stage[0], b);
            stage[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1000, stage[0].getWidth(), 1);
        assertEquals(700, stage[0].getHeight(), 1);
        robot.interact(() -> {
            stage[0].setWidth(900);
            stage[0].setHeight(640);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage[0].setMaximized(true));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            state.save();
            stage[0].close();
        });
        WindowBounds saved = UserSettings.load(file).window().orElseThrow();
        assertEquals(900, saved.width(), 1, "the normal size, not the maximised one");
        assertEquals(640, saved.height(), 1);
        assertTrue(saved.maximized());
    }
}
