package org.scalinglab.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. */
public final class DesktopApp extends Application {

    public static void start(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Scaling Lab");
        stage.setScene(new Scene(new Label("Scaling Lab"), 1280, 800));
        stage.show();
    }
}
