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
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.app.Lineups;
import org.scalinglab.scaling.CompoundScaling;
import org.scalinglab.scaling.OfficialModel;
import org.scalinglab.tf.SavedModelCache;
import org.scalinglab.train.TrainingProgress;
import org.scalinglab.ui.cam.CamViewModel;
import org.scalinglab.ui.cam.SampleGallery;
import org.scalinglab.ui.explorer.ExplorerViewModel;
import org.scalinglab.ui.train.TrainViewModel;
import org.scalinglab.io.AtomicFiles;

/**
 * Renders the window offscreen to a PNG (Scene.snapshot, no window is shown), for the README and for checking the
 * layout by eye. Needs a JavaFX graphics pipeline: a display, Xvfb ({@code xvfb-run -a}), or Monocle's headless
 * platform when it is on the classpath (the tests); with no display and Monocle present it switches to Monocle.
 */
public final class Screenshots {
    /**
     * What the picture shows: the explorer with one of its lower tabs in front, or the CAM tab. "explorer" is the cost
     * chart under the table, or in presenter mode (where the table is a tab of its own) the table. "train" is the Train
     * tab with its defaults, no training running, or with a data folder a real run in progress.
     */
    public static final List<String> VIEWS = List.of("explorer", "cost", "paper", "scaling", "block", "cam", "reward", "grid",
            "sweep", "train", "cam-numbers", "cam-agreement", "cam-difference", "cam-folder", "cam-study");

    /**
     * @param view      one of {@link #VIEWS}
     * @param model     "b0".."b7" for an official model, or null for the formula at {@code phi}
     * @param phi       φ for the formula (ignored with a model); NaN keeps 0
     * @param stage     MBConv stage 2..8 to select in the table (and show in the block view), or 0 for none
     * @param block     which block of that stage the block view shows, 1 = the first (past the last: the last)
     * @param camLineup the CAM view's models: "study", "b1".."b7" (the official line-up), or "untrained" (the study's
     *                  line-up with random weights: the maps mean nothing, it shows the grid at work)
     * @param images    the CAM view's photos; empty for three of the bundled sample images
     * @param report    the grid or sweep view's grid.json / sweep.json; null for the bundled one (assets/search/)
     * @param training  the train view with a real run in progress, or null for the tab with its defaults
     */
    public record Request(String view, boolean presenter, int width, int height, String model, double phi, int stage,
                          int block, String camLineup, List<Path> images, Path report, TrainingShot training) {
        public Request(String view, boolean presenter, int width, int height, String model, double phi, int stage, int block) {
            this(view, presenter, width, height, model, phi, stage, block, "study", List.of(), null, null);
        }

        public Request(String view, boolean presenter, int width, int height, String model, double phi, int stage, int block,
                       String camLineup, List<Path> images, Path report) {
            this(view, presenter, width, height, model, phi, stage, block, camLineup, images, report, null);
        }

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
            camLineup = camLineup == null ? "study" : camLineup.toLowerCase(Locale.ROOT);
            if (!camLineup.equals("study") && !camLineup.equals("untrained")) {
                OfficialModel m;
                try {
                    m = OfficialModel.parse(camLineup);
                } catch (IllegalArgumentException e) {
                    m = null;
                }
                if (m == null || m == OfficialModel.B0) {
                    throw new IllegalArgumentException("the CAM line-up must be study, untrained or b1..b7, got " + camLineup);
                }
            }
            images = List.copyOf(images);
            for (Path p : images) if (!Files.isRegularFile(p) && !(view.equals("cam-folder") && Files.isDirectory(p))) throw new IllegalArgumentException("no such image: " + p);
            if (report != null && !view.equals("grid") && !view.equals("sweep")) {
                throw new IllegalArgumentException("a report file goes with --view grid or sweep, not " + view);
            }
            if (report != null && !Files.isRegularFile(report)) throw new IllegalArgumentException("no such report: " + report);
            if (training != null && !view.equals("train")) {
                throw new IllegalArgumentException("a training data folder goes with --view train, not " + view);
            }
        }
    }

    /**
     * The Train tab trains on {@code data} for real ({@code perClass} images per class, {@code epochs} epochs, the tab's
     * other defaults, into a temporary folder) and is drawn during the last epoch, after all the others have ended.
     */
    public record TrainingShot(Path data, int perClass, int epochs) {
        public TrainingShot {
            if (data == null || !Files.isDirectory(data)) throw new IllegalArgumentException("no such folder: " + data);
            if (perClass < 0) throw new IllegalArgumentException("images per class must be 0 (all) or more, got " + perClass);
            if (epochs < 2 || epochs > 50) throw new IllegalArgumentException("epochs must be 2..50 for a training shot, got " + epochs);
        }
    }

    private Screenshots() {
    }

    /** The CAM view waits this long for its models before it is drawn as it is. */
    static final long CAM_TIMEOUT_SECONDS = 900;
    /** A training shot waits this long for its run to reach the last epoch. */
    static final long TRAIN_TIMEOUT_SECONDS = 3600;

    /** Renders and writes the PNG; returns nothing until the file is complete. */
    public static void write(Path out, Request request) throws IOException {
        startToolkit();
        BufferedImage img;
        if (request.view().startsWith("cam")) {
            MainWindow w = onFx(() -> openWindow(request), 120);
            waitForCam(w.camModel());
            if (!request.view().equals("cam")) {
                // the agreement and the numbers are made off the FX thread
                poll(() -> w.cam().agreement().ready() ? Boolean.TRUE : null, 120, "the agreement between the maps");
                pause(1500);
            }
            img = onFx(() -> {
                BufferedImage i = snapshot(w);
                w.close();
                return i;
            }, 120);
        } else if (request.training() != null) {
            img = trainingShot(request).image();
        } else {
            img = onFx(() -> render(request), 120);
        }
        BufferedImage shot = img;
        AtomicFiles.write(out, o -> {
            if (!ImageIO.write(shot, "png", o)) throw new IOException("no PNG writer available");
        });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work, long seconds) throws IOException {
        CompletableFuture<T> future = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                future.complete(work.call());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        });
        try {
            return future.get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering", e);
        } catch (ExecutionException e) {
            throw new IOException("rendering failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("rendering took over " + seconds + " s", e);
        }
    }

    /**
     * Asks {@code check} on the FX thread every 250 ms (the first time after 500 ms) until it answers something other
     * than null, and returns that answer.
     */
    private static <T> T poll(java.util.concurrent.Callable<T> check, long timeoutSeconds, String what) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try {
            Thread.sleep(250);
            while (System.nanoTime() < deadline) {
                Thread.sleep(250);
                T answer = onFx(check, 30);
                if (answer != null) return answer;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + what + " ran", e);
        }
        throw new IOException(what + " took over " + timeoutSeconds + " s");
    }

    /** Waits (off the FX thread) until the comparison has finished and its device is known. */
    private static void waitForCam(CamViewModel vm) throws IOException {
        poll(() -> vm.runningProperty().get() || vm.deviceProperty().get().startsWith("detecting") ? null : Boolean.TRUE,
                CAM_TIMEOUT_SECONDS, "the comparison");
        pause(300); // let a redraw and the image views settle
    }

    /** A training shot's picture and the tab's status line in it. */
    record DrawnRun(BufferedImage image, String status) {
    }

    /** The Train tab during a real run (see {@link TrainingShot}); afterwards the run is cancelled and its folder removed. */
    static DrawnRun trainingShot(Request request) throws IOException {
        TrainingShot shot = request.training();
        Path out = Files.createTempDirectory("scaling-lab-run-");
        MainWindow w = onFx(() -> {
            MainWindow mw = openWindow(request);
            TrainViewModel vm = mw.trainModel();
            vm.dataProperty().set(shot.data().toString());
            vm.outProperty().set(out.toString());
            vm.perClassProperty().set(Integer.toString(shot.perClass()));
            vm.epochsProperty().set(Integer.toString(shot.epochs()));
            if (!vm.start()) throw new IllegalStateException("the Train tab did not start: " + vm.messageProperty().get().text());
            return mw;
        }, 120);
        try {
            waitForLastEpoch(w.trainModel(), shot.epochs());
            return onFx(() -> new DrawnRun(snapshot(w), w.trainModel().statusProperty().get()), 120);
        } finally {
            onFx(() -> {
                w.close();
                return null;
            }, 60);
            SavedModelCache.deleteRecursively(out);
        }
    }

    /**
     * Until the last epoch has trained a few steps (its first progress report), so the tab shows a run in progress; or,
     * when its epochs are too short for a report before their end, until the run has finished.
     */
    private static void waitForLastEpoch(TrainViewModel vm, int epochs) throws IOException {
        boolean drawable = poll(() -> {
            List<TrainingProgress> r = vm.reports();
            TrainingProgress last = r.isEmpty() ? null : r.get(r.size() - 1);
            boolean inLastEpoch = last != null && !last.epochEnd() && last.epoch() == epochs - 1;
            if (inLastEpoch) return true;
            if (vm.runningProperty().get()) return null;
            return r.stream().filter(TrainingProgress::epochEnd).count() >= epochs;
        }, TRAIN_TIMEOUT_SECONDS, "the training");
        if (!drawable) {
            String why = onFx(() -> vm.messageProperty().get().text() + " " + vm.statusProperty().get(), 30);
            throw new IOException("the training stopped before its last epoch: " + why.strip());
        }
        pause(500); // the chart's redraw
    }

    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** On the FX thread: a window of the request's size, arranged as it asks. */
    private static MainWindow openWindow(Request r) {
        MainWindow w = new MainWindow();
        w.createScene(r.width(), r.height());
        arrange(w, r);
        return w;
    }

    /**
     * On the FX thread. A few CSS and layout passes first: split panes, tables and charts take their final sizes, the
     * views pick their arrangement for the size, and fitted tables settle their fonts (each settles one pass later).
     */
    static BufferedImage snapshot(MainWindow w) {
        Scene scene = w.root().getScene();
        settle(scene);
        return SwingFXUtils.fromFXImage(scene.snapshot(null), null);
    }

    /** On the FX thread: CSS and layout passes until the scene stops changing (at most eight). */
    public static void settle(Scene scene) {
        for (int i = 0; i < 8; i++) {
            scene.snapshot(null);
        }
    }

    /** Builds the window for a request, on the FX thread, and snapshots it. */
    static BufferedImage render(Request r) {
        return snapshot(openWindow(r));
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
        switch (r.view()) {
            case "cam", "cam-numbers", "cam-agreement", "cam-difference", "cam-folder", "cam-study" -> arrangeCam(w, r);
            case "paper", "scaling", "cost" -> w.explorer.showChart(r.view());
            case "block" -> {
                if (r.stage() == 0) w.explorer.showStage(4);
                w.explorer.showChart("block");
            }
            case "reward", "grid", "sweep" -> {
                w.tabs.getSelectionModel().select(w.methodTab);
                w.method().show(r.view(), r.report());
            }
            case "train" -> w.tabs.getSelectionModel().select(w.trainTab);
            default -> {
                w.explorer.showChart("cost");
                w.explorer.showArchitecture();
            }
        }
    }

    /** The study's classes, in the order of their folders (the line-up's class indices). */
    static final List<String> IMAGENETTE = List.of("tench", "English springer", "cassette player", "chain saw", "church",
            "French horn", "garbage truck", "gas pump", "golf ball", "parachute");

    private static void arrangeCam(MainWindow w, Request r) {
        CamViewModel vm = w.camModel();
        switch (r.camLineup()) {
            case "study" -> vm.sourceProperty().set(CamViewModel.Source.STUDY);
            case "untrained" -> vm.useLineup("Untrained line-up (random weights: the maps mean nothing)", Lineups.untrained(new NetworkSpec("base", 0.5, 0.6, 160, 0.2, 10),
                    new CompoundScaling(1, CompoundScaling.PAPER_ALPHA, CompoundScaling.PAPER_BETA, CompoundScaling.PAPER_GAMMA),
                    IMAGENETTE, 1));
            default -> {
                vm.officialProperty().set(OfficialModel.parse(r.camLineup()));
                vm.sourceProperty().set(CamViewModel.Source.OFFICIAL);
            }
        }
        w.tabs.getSelectionModel().select(w.camTab);
        List<Path> images = r.images();
        switch (r.view()) {
            case "cam-numbers" -> w.cam().showTab("cam-numbers-tab");
            case "cam-agreement" -> w.cam().showTab("cam-agreement-tab");
            case "cam-study" -> w.cam().showTab("cam-study-tab");
            case "cam-difference" -> {
                w.cam().agreement().minusIndexProperty().set(2); // the width-only model
                w.cam().agreement().differenceInGridProperty().set(true);
            }
            case "cam-folder" -> images = folderShot(w, images);
            default -> { }
        }
        if (images.isEmpty()) {
            List<Path> samples = SampleGallery.samples();
            List<Path> chosen = new java.util.ArrayList<>();
            // the temple first: a church is one of the study's ten classes, so its maps mean something
            for (String name : List.of("china-temple.jpg", "cat-chelsea.jpg", "coffee-cup.jpg")) {
                samples.stream().filter(p -> p.getFileName().toString().equals(name)).findFirst().ifPresent(chosen::add);
            }
            images = chosen.isEmpty() ? samples.stream().limit(3).toList() : chosen;
        }
        if (!images.isEmpty()) vm.addImages(images);
    }

    /** With a folder by class among the images: it opens as the source, and the first photo of three classes is explained for its true class. */
    private static List<Path> folderShot(MainWindow w, List<Path> images) {
        Path dir = images.stream().filter(java.nio.file.Files::isDirectory).findFirst().orElse(null);
        if (dir == null) return images;
        w.cam().openFolder(dir);
        org.scalinglab.app.ClassFolder f = org.scalinglab.app.ClassFolder.open(dir, java.util.Map.of());
        List<Path> chosen = new java.util.ArrayList<>();
        for (int c : new int[] {0, 4, 7}) {
            if (c < f.classes().size() && !f.images().get(f.classes().get(c)).isEmpty()) chosen.add(f.images().get(f.classes().get(c)).get(0));
        }
        w.camModel().targetClassProperty().set(org.scalinglab.app.TargetClass.TRUE_CLASS);
        return chosen;
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
