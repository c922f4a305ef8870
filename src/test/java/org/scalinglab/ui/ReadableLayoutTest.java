package org.scalinglab.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Ready for a lecture hall: at a 720p projector, a 1366×768 laptop and 1920×1080, on a desk and in presenter mode, every
 * view of the explorer, "How it was found" and Train is laid out (offscreen, as the screenshot command does) and its
 * scene graph walked: no label, button or table cell may be cut to "…", no tab pushed out of its strip, no table
 * scrolling sideways, no content wider than the window ({@link Readability}).
 */
@ExtendWith(ApplicationExtension.class)
class ReadableLayoutTest {
    /** Each explorer view, with the official models whose numbers are widest (B3's bold highlighted cells, B7's). */
    private static final List<String[]> EXPLORER = List.of(
            new String[] {"explorer", "b0"}, new String[] {"explorer", "b3"}, new String[] {"explorer", "b7"},
            new String[] {"explorer", "phi=6.5"}, new String[] {"cost", "b3"}, new String[] {"paper", "b3"},
            new String[] {"scaling", "b3"}, new String[] {"block", "b7"});
    private static final List<String> OTHERS = List.of("reward", "grid", "sweep", "train");

    @Start
    void start(Stage stage) {
        // the toolkit only: each case lays out a window of its own size offscreen
    }

    @ParameterizedTest(name = "{0}×{1}, presenter {2}")
    @CsvSource({"1280, 720, false", "1280, 720, true", "1366, 768, false", "1366, 768, true", "1920, 1080, false",
            "1920, 1080, true"})
    void nothingOnTheExplorerIsCut(int width, int height, boolean presenter) throws Exception {
        List<String> problems = new ArrayList<>();
        for (String[] c : EXPLORER) {
            String model = c[1].startsWith("phi=") ? null : c[1];
            double phi = model == null ? Double.parseDouble(c[1].substring(4)) : Double.NaN;
            Screenshots.Request r = new Screenshots.Request(c[0], presenter, width, height, model, phi, c[0].equals("block") ? 6 : 0, 1);
            for (String p : problemsOf(r)) problems.add(c[0] + " " + c[1] + ": " + p);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @ParameterizedTest(name = "{0}×{1}, presenter {2}")
    @CsvSource({"1280, 720, false", "1280, 720, true", "1366, 768, false", "1366, 768, true", "1920, 1080, false",
            "1920, 1080, true"})
    void nothingOnHowItWasFoundOrTrainIsCut(int width, int height, boolean presenter) throws Exception {
        List<String> problems = new ArrayList<>();
        for (String view : OTHERS) {
            Screenshots.Request r = new Screenshots.Request(view, presenter, width, height, "b0", Double.NaN, 0, 1);
            for (String p : problemsOf(r)) problems.add(view + ": " + p);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Lays the window out as the request asks, offscreen, and lists what cannot be read. */
    private static List<String> problemsOf(Screenshots.Request r) throws Exception {
        CompletableFuture<List<String>> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            MainWindow w = new MainWindow();
            try {
                Scene scene = w.createScene(r.width(), r.height());
                Screenshots.arrange(w, r);
                // CSS and layout passes until the views have settled on their arrangement and fonts
                for (int i = 0; i < 8; i++) scene.snapshot(null);
                f.complete(Readability.problems(scene));
            } catch (Throwable t) {
                f.completeExceptionally(t);
            } finally {
                w.close();
            }
        });
        return f.get(120, TimeUnit.SECONDS);
    }
}
