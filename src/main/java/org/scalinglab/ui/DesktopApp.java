package org.scalinglab.ui;

import javafx.application.Application;
import javafx.stage.Stage;
import org.scalinglab.app.UserSettings;

/**
 * The JavaFX application: the window opens where it was last (size, position, maximised) or, the first time, at a size
 * that fits the screen, and remembers it on close (see {@link WindowState}).
 */
public final class DesktopApp extends Application {
    private MainWindow window;
    private WindowState state;

    public static void start(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        StartupProbe probe = StartupProbe.requested() ? StartupProbe.begin() : null;
        UserSettings settings = UserSettings.load(UserSettings.defaultFile());
        Folders.use(settings);
        state = new WindowState(settings);
        UserSettings.WindowBounds bounds = state.place();
        window = new MainWindow();
        if (probe != null) probe.mark("built_ms");
        stage.setTitle("Scaling Lab");
        stage.setMinWidth(640);
        stage.setMinHeight(400);
        stage.setScene(window.createScene(bounds.width(), bounds.height()));
        state.apply(stage, bounds);
        stage.show();
        window.explorer.controls.phi.slider().requestFocus();
        // the comparison's models load and run in the background once the window is up, so the CAM tab is ready when
        // a lecture gets to it
        javafx.application.Platform.runLater(() -> window.camModel().activate());
        if (probe != null) probe.follow(stage, window);
    }

    @Override
    public void stop() {
        if (state != null) state.save();
        if (window != null) window.close();
    }
}
