package org.scalinglab.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.scalinglab.scaling.OfficialModel;

/**
 * Renders the window offscreen to a PNG (Scene.snapshot, no window is shown), for the README and for checking the
 * layout by eye. Needs a JavaFX graphics pipeline: a display, Xvfb ({@code xvfb-run -a}), or Monocle's headless
 * platform when it is on the classpath (the tests); with no display and Monocle present it switches to Monocle.
 */
public final class Screenshots {
    /**
     * What the picture shows: the explorer with one of its lower tabs in front, or the CAM tab. "explorer" is the cost
     * chart under the table, or in presenter mode (where the table is a tab of its own) the table.
     */
    public static final List<String> VIEWS = List.of("explorer", "cost", "paper", "scaling", "block", "cam");

    /**
     * @param view      one of {@link #VIEWS}
     * @param model     "b0".."b7" for an official model, or null for the formula at {@code phi}
     * @param phi       φ for the formula (ignored with a model); NaN keeps 0
     * @param stage     MBConv stage 2..8 to select in the table (and show in the block view), or 0 for none
     * @param block     which block of that stage the block view shows, 1 = the first (past the last: the last)
     */
    public record Request(String view, boolean presenter, int width, int height, String model, double phi, int stage,
                          int block) {
        public Request {
            if (view == null || !VIEWS.contains(view.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("view must be one of " + String.join(", ", VIEWS) + ", got " + view);
            }
            view = view.toLowerCase(Locale.ROOT);
            if (width < 640 || height < 400 || width > 4000 || height > 3000) {
                throw new IllegalArgumentException("size must be between 640x400 and 4000x3000, got " + width + "x" + height);
            }
            if (model != null) OfficialModel.parse(model);
            if (stage != 0 && (stage < 1 || stage > 9)) throw new IllegalArgumentException("stage must be 1..9, got " + stage);
            if (!Double.isNaN(phi) && !(phi >= 0 && phi <= ExplorerViewModel.MAX_PHI)) {
                throw new IllegalArgumentException("phi must be between 0 and " + Fmt.plain(ExplorerViewModel.MAX_PHI) + ", got " + phi);
            }
            if (block < 1 || block > 26) throw new IllegalArgumentException("block must be 1..26, got " + block);
        }
    }

    private Screenshots() {
    }

    /** Renders and writes the PNG; returns nothing until the file is complete. */
    public static void write(Path out, Request request) throws IOException {
        startToolkit();
        CompletableFuture<BufferedImage> image = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                image.complete(render(request));
            } catch (Throwable t) {
                image.completeExceptionally(t);
            }
        });
        BufferedImage img;
        try {
            img = image.get(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering", e);
        } catch (ExecutionException e) {
            throw new IOException("rendering failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("rendering took over 120 s", e);
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        if (!ImageIO.write(img, "png", out.toFile())) throw new IOException("no PNG writer available");
    }

    /** Builds the window for a request, on the FX thread, and snapshots it. */
    static BufferedImage render(Request r) {
        MainWindow w = new MainWindow();
        Scene scene = w.createScene(r.width(), r.height());
        arrange(w, r);
        scene.snapshot(null);  // a first pass lays out split panes, tables and charts at their final sizes
        return SwingFXUtils.fromFXImage(scene.snapshot(null), null);
    }

    static void arrange(MainWindow w, Request r) {
        ExplorerViewModel vm = w.explorerModel();
        if (r.model() != null) {
            vm.selectPreset(OfficialModel.parse(r.model()));
        } else if (Double.isFinite(r.phi())) {
            vm.phiProperty().set(r.phi());
        }
        w.presenterProperty().set(r.presenter());
        if (r.stage() != 0) w.explorer.showStage(r.stage());
        vm.selectedBlockProperty().set(r.block() - 1);
        ChartsPane charts = w.explorer.charts;
        switch (r.view()) {
            case "cam" -> w.tabs.getSelectionModel().select(w.camTab);
            case "paper" -> charts.getSelectionModel().select(charts.paperTab);
            case "scaling" -> charts.getSelectionModel().select(charts.scalingTab);
            case "block" -> {
                if (r.stage() == 0) w.explorer.showStage(4);
                charts.getSelectionModel().select(charts.blockTab);
            }
            case "cost" -> charts.getSelectionModel().select(charts.costTab);
            default -> {
                charts.getSelectionModel().select(charts.costTab);
                w.explorer.showArchitecture();
            }
        }
    }

    private static void startToolkit() {
        if (System.getenv("DISPLAY") == null && System.getProperty("glass.platform") == null && monoclePresent()) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // the toolkit is up (a test or the app started it)
        } catch (RuntimeException noGraphics) {
            throw new IllegalStateException("JavaFX cannot start (" + noGraphics.getMessage() + "); on a machine without a "
                    + "display run it under Xvfb: xvfb-run -a ./scaling-lab screenshot ...", noGraphics);
        }
        Platform.setImplicitExit(false);
    }

    private static boolean monoclePresent() {
        try {
            Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory", false, Screenshots.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
