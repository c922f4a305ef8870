package org.scalinglab.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.cam.Colormap;
import org.scalinglab.app.ComparisonResult;
import org.scalinglab.app.LineupModel;
import org.scalinglab.scaling.OfficialModel;
import org.scalinglab.tf.KerasWeights;
import org.scalinglab.tf.ModelOptions;
import org.scalinglab.tf.ModelStore;
import org.scalinglab.tf.OfficialWeights;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The CAM tab headless, with a line-up of two tiny random-weight networks and one without weights. The checks do not
 * trust the grid's own numbers: pixels outside the model's crop must be the photo's, opacity 0 must give the photo
 * back, gray at full opacity must be gray, the top-k must add up to the softmax's 100%.
 */
@ExtendWith(ApplicationExtension.class)
class CamViewTest {
    private static final List<String> CLASSES = List.of("circle", "square", "triangle", "cross");
    private static final NetworkSpec A = new NetworkSpec("tiny-a", 0.25, 0.25, 64, 0.1, 4);
    private static final NetworkSpec B = new NetworkSpec("tiny-b", 0.25, 0.25, 80, 0.1, 4);
    private static final List<LineupModel> LINEUP = List.of(
            new LineupModel("Tiny A", A, CLASSES, KerasWeights.random(A, 1), null),
            new LineupModel("Tiny B", B, CLASSES, KerasWeights.random(B, 2), null),
            LineupModel.missing("Width only", A.withName("tiny-w"), "no weights in this test"));

    @TempDir static Path cache;   // shared: the SavedModel exports are made once for the whole class
    @TempDir Path dir;
    private MainWindow window;
    private CamViewModel vm;

    static ModelStore offlineStore(Path dir) {
        // port 9 (discard) on the loopback: nothing listens, the connection is refused at once
        return new ModelStore(dir.resolve("models"), URI.create("http://127.0.0.1:9/"), OfficialWeights.md5s());
    }

    @Start
    void start(Stage stage) throws Exception {
        vm = new CamViewModel(offlineStore(Files.createTempDirectory("cam-store")), ModelOptions.defaults().withCacheDir(cache).withThreads(1, 1));
        vm.useLineup("Tiny test line-up", LINEUP);
        window = new MainWindow(new ExplorerViewModel(), vm);
        stage.setScene(window.createScene(1260, 780));
        stage.show();
        window.tabs.getSelectionModel().select(window.camTab);
    }

    @AfterEach
    void close() {
        vm.close();
    }

    @Test
    void droppedImageFillsTheGridAndTheModelWithoutWeightsSaysWhy(FxRobot robot) throws Exception {
        Path png = photo("shapes.png", 96, 64);
        robot.interact(() -> window.cam.handleDrop(List.of(png.toFile()), null));
        waitUntil(() -> vm.resultProperty().get() != null);

        for (int c = 0; c < 2; c++) {
            BufferedImage overlay = overlay(robot, 0, c);
            BufferedImage original = ImageIO.read(png.toFile());
            assertEquals(96, overlay.getWidth());
            // the model saw the centred 64x64 square (x 16..79): outside it the photo is untouched, inside it is tinted
            assertEquals(original.getRGB(3, 30), overlay.getRGB(3, 30), "left of the crop");
            assertEquals(original.getRGB(92, 30), overlay.getRGB(92, 30), "right of the crop");
            int tinted = 0;
            for (int x = 16; x < 80; x += 4) for (int y = 0; y < 64; y += 4) if (overlay.getRGB(x, y) != original.getRGB(x, y)) tinted++;
            assertTrue(tinted > 200, "most of the crop is coloured: " + tinted + " of 256");

            double sum = 0;
            List<Label> predictions = robot.lookup("#cell-0-" + c + " .label").queryAllAs(Label.class).stream()
                    .filter(l -> l.getText().matches("\\d\\. .*%")).toList();
            assertEquals(4, predictions.size(), "four classes, so four guesses");
            for (Label l : predictions) sum += Double.parseDouble(l.getText().replaceAll(".*\\s([0-9.]+)%$", "$1"));
            assertEquals(100, sum, 0.3, "the softmax of all four classes adds up to 100%");
        }
        Node missing = robot.lookup("#cell-0-2").query();
        assertTrue(robot.from(missing).lookup(".cam-note").queryAs(Label.class).getText().equals("no weights in this test"));
        assertTrue(robot.from(missing).lookup(".cam-overlay").queryAll().isEmpty());
        assertTrue(vm.statusProperty().get().startsWith("1 image × 3 models"), vm.statusProperty().get());
        assertEquals(org.scalinglab.tf.TfRuntime.describe(), robot.lookup("#cam-device").queryAs(Label.class).getText());
    }

    @Test
    void aDroppedNonImageShowsAMessageAndKeepsTheGrid(FxRobot robot) throws Exception {
        Path png = photo("shapes.png", 96, 64);
        robot.interact(() -> window.cam.handleDrop(List.of(png.toFile()), null));
        waitUntil(() -> vm.resultProperty().get() != null);
        ComparisonResult before = vm.resultProperty().get();

        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not a picture\n", StandardCharsets.UTF_8);
        robot.interact(() -> window.cam.handleDrop(List.of(text.toFile()), null));
        waitUntil(() -> !vm.runningProperty().get() && !vm.messageProperty().get().text().isEmpty());

        Label message = robot.lookup("#cam-message").queryAs(Label.class);
        assertTrue(message.isVisible());
        assertTrue(message.getStyleClass().contains("error"));
        assertTrue(message.getText().startsWith("notes.txt is not an image"), message.getText());
        assertSame(before, vm.resultProperty().get(), "the grid keeps the last comparison");
        assertEquals(List.of(png.toAbsolutePath()), vm.images());
        assertEquals(1, vm.runs(), "the models did not run again");
        assertNotNull(overlay(robot, 0, 0));

        // an image pasted from the clipboard becomes a temporary PNG and a second row
        BufferedImage pasted = ImageIO.read(photo("clip.png", 50, 70).toFile());
        robot.interact(() -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putImage(javafx.embed.swing.SwingFXUtils.toFXImage(pasted, null));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            window.cam.paste(javafx.scene.input.Clipboard.getSystemClipboard());
        });
        waitUntil(() -> vm.resultProperty().get().rows().size() == 2);
        ComparisonResult.Row row = vm.resultProperty().get().rows().get(1);
        assertTrue(row.name().startsWith("pasted-") && row.name().endsWith(".png"), row.name());
        assertEquals(pasted.getRGB(25, 35), row.original().getRGB(25, 35), "the pasted pixels themselves");
    }

    @Test
    void typingPartOfANameFiltersTheClassesAndPicksOne(FxRobot robot) throws Exception {
        Path png = photo("shapes.png", 96, 64);
        robot.interact(() -> window.cam.handleDrop(List.of(png.toFile()), null));
        waitUntil(() -> vm.resultProperty().get() != null);
        assertNull(vm.targetClassProperty().get(), "each model's own top-1 by default");

        robot.clickOn("#cam-class");
        robot.write("triang");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> Integer.valueOf(2).equals(vm.targetClassProperty().get()));
        waitUntil(() -> vm.resultProperty().get().rows().get(0).cells().get(0).targetClass() == 2);
        assertEquals(2, vm.resultProperty().get().rows().get(0).cells().get(1).targetClass(), "every model explains the chosen class");
    }

    @Test
    void opacityAndColormapRedrawWithoutRunningTheModels(FxRobot robot) throws Exception {
        Path png = photo("shapes.png", 96, 64);
        robot.interact(() -> window.cam.handleDrop(List.of(png.toFile()), null));
        waitUntil(() -> vm.resultProperty().get() != null);
        BufferedImage original = ImageIO.read(png.toFile());

        ComparisonResult first = vm.resultProperty().get();
        robot.interact(() -> window.cam.alpha.setValue(0));
        waitUntil(() -> vm.resultProperty().get() != first);
        BufferedImage clear = overlay(robot, 0, 0);
        for (int x = 0; x < 96; x += 5) for (int y = 0; y < 64; y += 5) assertEquals(original.getRGB(x, y), clear.getRGB(x, y));

        ComparisonResult second = vm.resultProperty().get();
        robot.interact(() -> {
            window.cam.colormap.setValue(Colormap.GRAY);
            window.cam.alpha.setValue(1);
        });
        waitUntil(() -> vm.resultProperty().get() != second && vm.alphaProperty().get() == 1
                && overlay(robot, 0, 1).getRGB(48, 32) != original.getRGB(48, 32));
        BufferedImage gray = overlay(robot, 0, 1);
        for (int x = 16; x < 80; x += 3) {
            Color c = new Color(gray.getRGB(x, 32));
            assertTrue(c.getRed() == c.getGreen() && c.getGreen() == c.getBlue(), "gray at full opacity at x=" + x + ": " + c);
        }
        assertEquals(1, vm.runs(), "the models ran once; colour and opacity only redraw");
    }

    @Test
    void exportWritesPngSvgAndPdf(FxRobot robot) throws Exception {
        Path png = photo("shapes.png", 96, 64);
        robot.interact(() -> window.cam.handleDrop(List.of(png.toFile()), null));
        waitUntil(() -> vm.resultProperty().get() != null);

        BufferedImage at150 = ImageIO.read(export(robot, "fig150.png", 150).toFile());
        BufferedImage at300 = ImageIO.read(export(robot, "fig300.png", 300).toFile());
        assertEquals(2.0, at300.getWidth() / (double) at150.getWidth(), 0.01, "twice the dots per inch, twice the pixels");
        assertEquals(2.0, at300.getHeight() / (double) at150.getHeight(), 0.01);

        Path svg = export(robot, "fig.svg", 150);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        assertEquals("svg", f.newDocumentBuilder().parse(svg.toFile()).getDocumentElement().getNodeName());
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.contains("Tiny B") && text.contains("no weights in this test") && text.contains("Grad-CAM"));

        byte[] pdf = Files.readAllBytes(export(robot, "fig.pdf", 150));
        assertTrue(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        assertTrue(new String(pdf, StandardCharsets.ISO_8859_1).stripTrailing().endsWith("%%EOF"));
        assertTrue(robot.lookup("#cam-message").queryAs(Label.class).getText().startsWith("Wrote fig.pdf"));
    }

    @Test
    void aScenarioRoundTripsThroughTheWindow(FxRobot robot) throws Exception {
        Path png = photo("shapes.png", 96, 64);
        ExplorerViewModel explorer = window.explorerModel();
        robot.interact(() -> {
            explorer.useFormula();
            explorer.alphaProperty().set(1.25);
            explorer.phiProperty().set(2.5);
            vm.methodProperty().set("gradcampp");
            vm.colormapProperty().set(Colormap.VIRIDIS);
            vm.alphaProperty().set(0.7);
            window.cam.handleDrop(List.of(png.toFile()), null);
            window.method.reward.vm.mnasHard();
            window.method.reward.vm.setTarget(4e9);
            window.method.grid.vm.stepProperty().set(0.1);
            window.method.grid.vm.toleranceProperty().set(0.03);
        });
        waitUntil(() -> vm.resultProperty().get() != null && !vm.runningProperty().get());
        robot.interact(() -> window.tabs.getSelectionModel().select(window.methodTab));
        Path file = dir.resolve("lesson.sclab");
        robot.interact(() -> window.saveScenario(file));
        assertTrue(Files.readString(file).contains("\"gradcampp\""));

        robot.interact(() -> {
            explorer.selectPreset(OfficialModel.B3);
            vm.methodProperty().set("eigencam");
            vm.colormapProperty().set(Colormap.JET);
            vm.clearImages();
            window.method.reward.vm.efficientNet();
            window.method.reward.vm.setTarget(4e8);
            window.method.grid.vm.stepProperty().set(0.05);
            window.tabs.getSelectionModel().select(window.explorerTab);
        });
        assertTrue(vm.images().isEmpty());
        robot.interact(() -> window.openScenario(file));
        waitUntil(() -> vm.resultProperty().get() != null && !vm.runningProperty().get());

        assertSame(window.methodTab, window.tabs.getSelectionModel().getSelectedItem(), "the scenario opens on its tab");
        assertEquals(RewardViewModel.Form.PIECEWISE, window.method.reward.vm.formProperty().get());
        assertEquals(-1, window.method.reward.vm.aboveProperty().get());
        assertEquals(4e9, window.method.reward.vm.target(), 1e3);
        assertEquals(0.1, window.method.grid.vm.step());
        assertEquals(0.03, window.method.grid.vm.tolerance());

        assertNull(explorer.presetProperty().get());
        assertEquals(2.5, explorer.phiProperty().get());
        assertEquals(1.25, explorer.alphaProperty().get());
        assertEquals("gradcampp", vm.methodProperty().get());
        assertEquals("gradcampp", vm.resultProperty().get().method());
        assertEquals(Colormap.VIRIDIS, vm.colormapProperty().get());
        assertEquals(0.7, vm.alphaProperty().get());
        assertEquals(List.of(png.toAbsolutePath()), vm.images());
        assertEquals(1, vm.resultProperty().get().rows().size());

        // a scenario that names a grid report that is gone: the rest loads, and the message names the file
        Files.writeString(file, Files.readString(file).replace("\"gridStep\"", "\"gridReport\": \"gone/grid.json\", \"gridStep\""));
        robot.interact(() -> window.openScenario(file));
        waitUntil(() -> !vm.runningProperty().get());
        assertTrue(window.explorerModel().noticeProperty().get().contains("these files are missing: gone/grid.json"),
                window.explorerModel().noticeProperty().get());
    }

    @Test
    void cancelKeepsTheLastGridAndTheOfflineDownloadSaysSo(FxRobot robot) throws Exception {
        Path one = photo("one.png", 96, 64);
        robot.interact(() -> window.cam.handleDrop(List.of(one.toFile()), null));
        waitUntil(() -> vm.resultProperty().get() != null);
        ComparisonResult before = vm.resultProperty().get();
        Path two = photo("two.png", 64, 96);
        robot.interact(() -> {
            window.cam.handleDrop(List.of(two.toFile()), null);
            robot.lookup("#cam-cancel").queryButton().fire();
        });
        waitUntil(() -> !vm.runningProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Cancelled"), vm.statusProperty().get());
        assertSame(before, vm.resultProperty().get());
        assertEquals(List.of(one.toAbsolutePath()), vm.images());

        // a model store that cannot reach its server: the download ends in one plain line
        CamViewModel official = new CamViewModel(offlineStore(dir), ModelOptions.defaults().withCacheDir(cache));
        try {
            robot.interact(() -> official.sourceProperty().set(CamViewModel.Source.OFFICIAL));
            assertTrue(official.weightsMissingProperty().get());
            assertEquals("B0 + B1", official.missingWeightsLabel());
            robot.interact(official::downloadWeights);
            waitUntil(() -> !official.downloadingProperty().get() && !official.messageProperty().get().text().isEmpty());
            String m = official.messageProperty().get().text();
            assertTrue(m.startsWith("Offline — cannot reach 127.0.0.1."), m);
            assertTrue(m.contains("efficientnetb0.h5, efficientnetb1.h5"), m);
        } finally {
            official.close();
        }
    }

    // ---- helpers

    private Path export(FxRobot robot, String name, int dpi) throws Exception {
        Path out = dir.resolve(name);
        javafx.concurrent.Task<Path> t = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> vm.exportFigure(out, dpi)).get(10, TimeUnit.SECONDS);
        assertNotNull(t, "export refused: " + vm.messageProperty().get().text());
        t.get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return out;
    }

    private static BufferedImage overlay(FxRobot robot, int row, int column) {
        ImageView v = robot.lookup("#cell-" + row + "-" + column + " .cam-overlay").queryAs(ImageView.class);
        return javafx.embed.swing.SwingFXUtils.fromFXImage(v.getImage(), null);
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A photo-like picture: a gradient with a bright disc, so every pixel differs from any heat colour. */
    private Path photo(String name, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int x = 0; x < w; x++) {
            g.setColor(new Color(40 + x * 150 / w, 90, 160 - x * 100 / w));
            g.drawLine(x, 0, x, h);
        }
        g.setColor(new Color(250, 230, 60));
        g.fillOval(w / 3, h / 3, w / 3, h / 3);
        g.dispose();
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }
}
