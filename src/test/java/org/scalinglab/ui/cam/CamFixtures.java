package org.scalinglab.ui.cam;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.app.LineupModel;
import org.scalinglab.tf.KerasWeights;
import org.scalinglab.tf.ModelStore;
import org.scalinglab.tf.OfficialWeights;
import org.testfx.util.WaitForAsyncUtils;

/** What the tests of the CAM tab and of the window's scenarios share: a tiny line-up, an offline store, photos. */
public final class CamFixtures {
    public static final List<String> CLASSES = List.of("circle", "square", "triangle", "cross");
    public static final NetworkSpec A = new NetworkSpec("tiny-a", 0.25, 0.25, 64, 0.1, 4);
    public static final NetworkSpec B = new NetworkSpec("tiny-b", 0.25, 0.25, 80, 0.1, 4);
    /** Two tiny random-weight networks and one without weights. */
    public static final List<LineupModel> LINEUP = List.of(
            new LineupModel("Tiny A", A, CLASSES, KerasWeights.random(A, 1), null),
            new LineupModel("Tiny B", B, CLASSES, KerasWeights.random(B, 2), null),
            LineupModel.missing("Width only", A.withName("tiny-w"), "no weights in this test"));

    /** The bundled study's ten classes (Imagenette), in its order. */
    public static final List<String> IMAGENETTE = List.of("tench", "English springer", "cassette player", "chain saw", "church",
            "French horn", "garbage truck", "gas pump", "golf ball", "parachute");
    public static final NetworkSpec A10 = new NetworkSpec("tiny-a10", 0.25, 0.25, 64, 0.1, 10);
    public static final NetworkSpec B10 = new NetworkSpec("tiny-b10", 0.25, 0.25, 80, 0.1, 10);
    /** Five columns as the study has, two with tiny random weights that know the study's ten classes, three without weights. */
    public static final List<LineupModel> STUDY_LIKE = List.of(
            new LineupModel("Base", A10, IMAGENETTE, KerasWeights.random(A10, 3), null),
            new LineupModel("Compound", B10, IMAGENETTE, KerasWeights.random(B10, 4), null),
            LineupModel.missing("Width only", A10.withName("tiny-w"), "not trained yet"),
            LineupModel.missing("Depth only", A10.withName("tiny-d"), "training: epoch 3 of 10"),
            LineupModel.missing("Resolution only", B10.withName("tiny-r"), "not trained yet"));

    private CamFixtures() {
    }

    /** A bundled sample photo (the tests run in the project folder). */
    public static Path sample(String name) {
        return Path.of("sample-images", name).toAbsolutePath().normalize();
    }

    /**
     * The photo of {@link #photo} with stripes of noise over half its pixels: with {@link #LINEUP}'s two networks its
     * Grad-CAM maps peak lower than the plain photo's (ComparisonScalingTest sees 3.7e-5 against 9.0e-5 with the same
     * networks), so a comparison that starts with it is recoloured by the plain photo over a scale shared by all.
     */
    public static Path busyPhoto(Path dir, String name, int w, int h) throws Exception {
        Path p = photo(dir, name, w, h);
        BufferedImage img = ImageIO.read(p.toFile());
        java.util.Random r = new java.util.Random(7);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) if (((x / 3) + (y / 5)) % 2 == 0) img.setRGB(x, y, r.nextInt(0x1000000));
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    /** A comparison on this line-up, offline, on one thread, its SavedModels exported into {@code cache}. */
    public static CamViewModel offlineModel(Path cache, String name, List<LineupModel> lineup) throws java.io.IOException {
        CamViewModel vm = new CamViewModel(offlineStore(java.nio.file.Files.createTempDirectory("cam-store")),
                org.scalinglab.tf.ModelOptions.defaults().withCacheDir(cache).withThreads(1, 1));
        vm.useLineup(name, lineup);
        return vm;
    }

    /** The whole window on the stage at this size, showing the CAM tab. */
    public static org.scalinglab.ui.MainWindow showCamTab(javafx.stage.Stage stage, CamViewModel vm, double width, double height) {
        org.scalinglab.ui.MainWindow window = new org.scalinglab.ui.MainWindow(new org.scalinglab.ui.explorer.ExplorerViewModel(), vm);
        stage.setScene(window.createScene(width, height));
        stage.show();
        org.scalinglab.ui.WindowDriver.showTab(window, "cam-tab", CamView.class);
        return window;
    }

    public static ModelStore offlineStore(Path dir) {
        // port 9 (discard) on the loopback: nothing listens, the connection is refused at once
        return new ModelStore(dir.resolve("models"), URI.create("http://127.0.0.1:9/"), OfficialWeights.md5s());
    }

    public static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A photo-like picture: a gradient with a bright disc, so every pixel differs from any heat colour. */
    public static Path photo(Path dir, String name, int w, int h) throws Exception {
        BufferedImage img = org.scalinglab.app.TestPhotos.gradientWithDisc(w, h);
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }
}
