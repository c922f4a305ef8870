package org.scalinglab.ui;

import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The JavaFX application. */
public final class DesktopApp extends Application {
    private MainWindow window;

    public static void start(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        StartupProbe probe = StartupProbe.requested() ? StartupProbe.begin() : null;
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        window = new MainWindow();
        if (probe != null) probe.mark("built_ms");
        stage.setTitle("Scaling Lab");
        stage.setScene(window.createScene(Math.min(1500, screen.getWidth()), Math.min(940, screen.getHeight())));
        stage.show();
        window.explorer.controls.phi.slider().requestFocus();
        if (probe != null) probe.follow(stage, window);
    }

    @Override
    public void stop() {
        if (window != null) window.close();
    }
}
