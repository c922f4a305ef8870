package org.scalinglab.ui;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.scalinglab.app.AppHome;
import org.scalinglab.io.AtomicFiles;

/**
 * Start-up timing for {@code bench-startup}: when the app runs with {@value #PROPERTY}=FILE, it notes the moments of a
 * cold start (milliseconds since the JVM started): the window class reached, the window built, its first frame drawn,
 * then, with the CAM tab opened on a sample photo, the first grid of maps shown; writes them to FILE and quits.
 */
final class StartupProbe {
    static final String PROPERTY = "scalinglab.startup.report";
    /** Milliseconds between the first frame and opening the CAM tab, as a user would take (0: at once). */
    static final String CAM_AFTER = "scalinglab.startup.camAfterMs";
    private static final long JVM_START = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final Map<String, Long> marks = new LinkedHashMap<>();

    private StartupProbe() {
    }

    static boolean requested() {
        return System.getProperty(PROPERTY) != null;
    }

    static StartupProbe begin() {
        StartupProbe p = new StartupProbe();
        p.mark("fx_start_ms");
        return p;
    }

    void mark(String name) {
        marks.put(name, System.currentTimeMillis() - JVM_START);
    }

    /** After the stage is shown: the first frame, then the first CAM grid. */
    void follow(Stage stage, MainWindow window) {
        mark("shown_ms");
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                // the timer runs in the pulse that draws the frame: the second call is after the first frame is on screen
                if (++frames < 2) return;
                stop();
                mark("window_ms");
                javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(
                        javafx.util.Duration.millis(Long.getLong(CAM_AFTER, 0L)));
                wait.setOnFinished(e -> openCamTab(window));
                wait.play();
            }
        }.start();
    }

    private void openCamTab(MainWindow window) {
        mark("cam_opened_ms");
        window.camModel().resultProperty().addListener((o, was, result) -> {
            if (result != null && !result.rows().isEmpty() && !marks.containsKey("cam_grid_ms")) {
                mark("cam_grid_ms");
                finish();
            }
        });
        // a run that ends without a grid (an error, or no line-up to run) ends the probe too, with the message shown,
        // instead of waiting for a grid that will not come
        var vm = window.camModel();
        vm.runningProperty().addListener((o, was, running) -> {
            if (running) return;
            Platform.runLater(() -> { // after the finished run has set its result and message
                var m = vm.messageProperty().get();
                if (vm.resultProperty().get() == null && m != null && !m.text().isEmpty() && !marks.containsKey("cam_grid_ms") && failure == null) {
                    failure = m.text();
                    finish();
                }
            });
        });
        window.tabs.getSelectionModel().select(window.camTab);
        java.util.Optional<Path> samples = AppHome.find(AppHome.SAMPLE_IMAGES);
        if (samples.isEmpty()) {
            failure = "no sample-images folder (" + AppHome.searched(AppHome.SAMPLE_IMAGES) + ")";
            finish();
            return;
        }
        window.camModel().addImages(List.of(samples.get().resolve("china-temple.jpg")));
    }

    /** Why the CAM tab showed no grid, or null. */
    private String failure;

    private void finish() {
        try {
            StringBuilder json = new StringBuilder("{");
            marks.forEach((k, v) -> json.append(json.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
            if (failure != null) json.append(", \"failure\": \"").append(failure.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            AtomicFiles.writeString(Path.of(System.getProperty(PROPERTY)), json.append("}\n").toString());
        } catch (java.io.IOException e) {
            System.err.println("cannot write the start-up report: " + e.getMessage());
        }
        Platform.exit();
    }
}
