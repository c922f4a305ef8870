package org.scalinglab.ui.cam;

import static org.junit.jupiter.api.Assertions.*;
import static org.scalinglab.ui.cam.CamFixtures.LINEUP;
import static org.scalinglab.ui.cam.CamFixtures.offlineStore;
import static org.scalinglab.ui.cam.CamFixtures.waitUntil;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.scalinglab.cam.Colormap;
import org.scalinglab.app.ComparisonResult;
import org.scalinglab.tf.ModelOptions;
import org.scalinglab.tf.TfRuntime;
import org.scalinglab.ui.WindowDriver;
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
    @TempDir static Path cache;   // shared: the SavedModel exports are made once for the whole class
    @TempDir Path dir;
    private CamView cam;
    private CamViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        vm = CamFixtures.offlineModel(cache, "Tiny test line-up", LINEUP);
        cam = WindowDriver.showTab(CamFixtures.showCamTab(stage, vm, 1260, 780), "cam-tab", CamView.class);
    }

    @AfterEach
    void close() {
        vm.close();
    }

    @Test
    void droppedImageFillsTheGridAndTheModelWithoutWeightsSaysWhy(FxRobot robot) throws Exception {
        Path png = photo("shapes.png", 96, 64);
        robot.interact(() -> cam.handleDrop(List.of(png.toFile()), null));
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
        assertEquals(TfRuntime.describe(), robot.lookup("#cam-device").queryAs(Label.class).getText(), "where the models run");
    }

    @Test
    void aDroppedNonImageShowsAMessageAndKeepsTheGrid(FxRobot robot) throws Exception {
        Path png = photo("shapes.png", 96, 64);
        robot.interact(() -> cam.handleDrop(List.of(png.toFile()), null));
        waitUntil(() -> vm.resultProperty().get() != null);
        ComparisonResult before = vm.resultProperty().get();

        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not a picture\n", StandardCharsets.UTF_8);
        robot.interact(() -> cam.handleDrop(List.of(text.toFile()), null));
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
            cam.paste(javafx.scene.input.Clipboard.getSystemClipboard());
        });
        waitUntil(() -> vm.resultProperty().get().rows().size() == 2);
        ComparisonResult.Row row = vm.resultProperty().get().rows().get(1);
        assertTrue(row.name().startsWith("pasted-") && row.name().endsWith(".png"), row.name());
        assertEquals(pasted.getRGB(25, 35), row.original().getRGB(25, 35), "the pasted pixels themselves");
    }

    @Test
    void typingPartOfANameFiltersTheClassesAndPicksOne(FxRobot robot) throws Exception {
        Path png = photo("shapes.png", 96, 64);
        robot.interact(() -> cam.handleDrop(List.of(png.toFile()), null));
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
        robot.interact(() -> cam.handleDrop(List.of(png.toFile()), null));
        waitUntil(() -> vm.resultProperty().get() != null);
        BufferedImage original = ImageIO.read(png.toFile());

        ComparisonResult first = vm.resultProperty().get();
        robot.interact(() -> cam.alpha.setValue(0));
        waitUntil(() -> vm.resultProperty().get() != first);
        BufferedImage clear = overlay(robot, 0, 0);
        for (int x = 0; x < 96; x += 5) for (int y = 0; y < 64; y += 5) assertEquals(original.getRGB(x, y), clear.getRGB(x, y));

        ComparisonResult second = vm.resultProperty().get();
        robot.interact(() -> {
            cam.colormap.setValue(Colormap.GRAY);
            cam.alpha.setValue(1);
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
        robot.interact(() -> cam.handleDrop(List.of(png.toFile()), null));
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
    void cancelKeepsTheLastGridAndTheOfflineDownloadSaysSo(FxRobot robot) throws Exception {
        Path one = photo("one.png", 96, 64);
        robot.interact(() -> cam.handleDrop(List.of(one.toFile()), null));
        waitUntil(() -> vm.resultProperty().get() != null);
        ComparisonResult before = vm.resultProperty().get();
        Path two = photo("two.png", 64, 96);
        robot.interact(() -> {
            cam.handleDrop(List.of(two.toFile()), null);
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

    private Path photo(String name, int w, int h) throws Exception {
        return CamFixtures.photo(dir, name, w, h);
    }
}
