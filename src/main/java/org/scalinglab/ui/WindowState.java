package org.scalinglab.ui;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.scalinglab.app.UserSettings;
import org.scalinglab.app.UserSettings.WindowBounds;

/**
 * The main window's size and place: the last ones (from {@link UserSettings}) when they still fit a screen, otherwise a
 * size that fits the primary screen's visual bounds (maximised on a small screen such as a 1366×768 laptop or a 720p
 * projector). A remembered position that is off every current screen (a projector unplugged since) is not restored:
 * the window keeps its size and opens centred on the primary screen. While the window is in normal state its bounds
 * are followed, so what is saved on close is the normal size even when it closes maximised.
 */
public final class WindowState {
    /** At least this much of the title bar must lie on one screen for a remembered position to be used. */
    static final double MIN_VISIBLE_WIDTH = 120;
    static final double MIN_VISIBLE_HEIGHT = 24;
    /** A window manager gets this long after showing the window to settle its size (see {@link #apply}). */
    private static final Duration SETTLE = Duration.millis(2000);

    private final UserSettings settings;
    private WindowBounds normal;
    private boolean maximized;

    public WindowState(UserSettings settings) {
        this.settings = settings;
    }

    /**
     * Where the window goes: the remembered bounds if their title bar is on one of {@code screens} (visual bounds),
     * shrunk to that screen if larger; else the remembered size (or a size fitting {@code primary}) centred on
     * {@code primary}.
     */
    static WindowBounds place(Optional<WindowBounds> saved, List<Rectangle2D> screens, Rectangle2D primary) {
        if (saved.isPresent() && saved.get().valid()) {
            WindowBounds s = saved.get();
            Rectangle2D titleBar = new Rectangle2D(s.x(), s.y(), s.width(), Math.min(s.height(), 32));
            for (Rectangle2D screen : screens) {
                if (overlap(titleBar, screen, MIN_VISIBLE_WIDTH, MIN_VISIBLE_HEIGHT)) {
                    double w = Math.min(s.width(), screen.getWidth());
                    double h = Math.min(s.height(), screen.getHeight());
                    double x = Math.max(screen.getMinX(), Math.min(s.x(), screen.getMaxX() - w));
                    double y = Math.max(screen.getMinY(), Math.min(s.y(), screen.getMaxY() - h));
                    return new WindowBounds(x, y, w, h, s.maximized());
                }
            }
            // off every screen: keep the size, not the place
            double w = Math.min(s.width(), primary.getWidth());
            double h = Math.min(s.height(), primary.getHeight());
            return centred(primary, w, h, s.maximized());
        }
        double w = Math.min(primary.getWidth(), Math.max(Math.min(1200, primary.getWidth()), Math.min(1800, 0.85 * primary.getWidth())));
        double h = Math.min(primary.getHeight(), Math.max(Math.min(750, primary.getHeight()), Math.min(1100, 0.85 * primary.getHeight())));
        boolean small = primary.getWidth() < 1400 || primary.getHeight() < 850;
        return centred(primary, w, h, small);
    }

    private static WindowBounds centred(Rectangle2D screen, double w, double h, boolean maximized) {
        return new WindowBounds(screen.getMinX() + (screen.getWidth() - w) / 2, screen.getMinY() + (screen.getHeight() - h) / 2,
                w, h, maximized);
    }

    private static boolean overlap(Rectangle2D a, Rectangle2D b, double minW, double minH) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w >= Math.min(minW, a.getWidth()) && h >= Math.min(minH, a.getHeight());
    }

    /** The bounds for this session's screens. */
    public WindowBounds place() {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        return place(settings.window(), screens, Screen.getPrimary().getVisualBounds());
    }

    /**
     * Sizes and places the stage (call before {@code show()}), follows its normal bounds from then on, and after it is
     * shown holds the size for a moment: some window managers (openbox, seen here three times out of three) first map
     * a JavaFX window at 200×200, and the requested size has to be applied again once the window is up.
     */
    public void apply(Stage stage, WindowBounds b) {
        normal = b;
        maximized = b.maximized();
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        InvalidationListener follow = o -> {
            if (stage.isShowing() && !stage.isMaximized() && !stage.isFullScreen() && !stage.isIconified()
                    && stage.getWidth() > 0 && stage.getHeight() > 0) {
                normal = new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            }
            if (stage.isShowing() && !stage.isIconified()) maximized = stage.isMaximized();
        };
        InvalidationListener hold = o -> {
            if (!stage.isShowing() || stage.isMaximized() || stage.isFullScreen()) return;
            if (stage.getWidth() < 0.6 * b.width() || stage.getHeight() < 0.6 * b.height()) {
                Platform.runLater(() -> resize(stage, b));
            }
        };
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> {
            Platform.runLater(() -> {
                if (b.maximized()) stage.setMaximized(true);
                else resize(stage, b);
            });
            stage.widthProperty().addListener(hold);
            stage.heightProperty().addListener(hold);
            PauseTransition settle = new PauseTransition(SETTLE);
            settle.setOnFinished(x -> {
                stage.widthProperty().removeListener(hold);
                stage.heightProperty().removeListener(hold);
            });
            settle.play();
            for (var p : List.of(stage.xProperty(), stage.yProperty(), stage.widthProperty(), stage.heightProperty(),
                    stage.maximizedProperty())) {
                p.addListener(follow);
            }
        });
        if (b.maximized()) stage.setMaximized(true);
    }

    private void resize(Stage stage, WindowBounds b) {
        if (stage.isMaximized() || stage.isFullScreen()) return;
        if (Math.abs(stage.getWidth() - b.width()) > 1 || Math.abs(stage.getHeight() - b.height()) > 1) {
            stage.setWidth(b.width());
            stage.setHeight(b.height());
        }
    }

    /** The bounds to remember now: the last normal ones, and whether the window is maximised. */
    public WindowBounds current() {
        return normal == null ? null : new WindowBounds(normal.x(), normal.y(), normal.width(), normal.height(), maximized);
    }

    /** Remembers the window in the settings file; a failure to write is printed, not thrown. */
    public void save() {
        WindowBounds b = current();
        if (b == null) return;
        settings.setWindow(b);
        try {
            settings.save();
        } catch (IOException | RuntimeException e) {
            System.err.println("warning: could not remember the window's size in " + settings.file() + ": " + e.getMessage());
        }
    }
}
