package org.scalinglab.ui.cam;

import static org.junit.jupiter.api.Assertions.*;
import static org.scalinglab.ui.cam.CamFixtures.waitUntil;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.app.ComparisonResult;
import org.scalinglab.app.LineupModel;
import org.scalinglab.app.MapQualityNumbers;
import org.scalinglab.app.MapQualityNumbersTest;
import org.scalinglab.cam.DivergingColors;
import org.scalinglab.cam.Heatmap;
import org.scalinglab.tf.ModelStore;
import org.scalinglab.train.Imagenette;
import org.scalinglab.train.ImagenetteTest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The CAM tab's numbers, agreement and folder views on their own, headless, without TensorFlow: a hand-made
 * quality.json, synthetic maps, a folder of little PNGs, and an Imagenette archive served from this machine.
 */
@ExtendWith(ApplicationExtension.class)
class CamNumbersPanesTest {
    @TempDir Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 1280, 720));
        stage.show();
    }

    private void showInStage(FxRobot robot, javafx.scene.Parent p) {
        robot.interact(() -> stage.getScene().setRoot(p));
    }

    private static <T extends Node> List<T> all(FxRobot robot, String query, Class<T> type) {
        return new ArrayList<>(robot.lookup(query).queryAllAs(type));
    }

    @Test
    void theNumbersShowTheReadingTheDifferencesAndTheModels(FxRobot robot) throws Exception {
        Path file = dir.resolve("quality.json");
        Files.writeString(file, MapQualityNumbersTest.FIXTURE);
        MapNumbersPane pane = new MapNumbersPane(() -> file, Path.of("/data/imagenette2-160"));
        showInStage(robot, pane);
        waitUntil(() -> pane.view() != null);
        MapQualityNumbers.View v = pane.view();
        assertTrue(v.present());
        assertEquals(v.reading(), robot.lookup("#cam-numbers-reading").queryAs(Label.class).getText());
        List<String> texts = all(robot, "#cam-numbers-differences .label", Label.class).stream().map(Label::getText).toList();
        assertTrue(texts.contains("Compound − Base"), texts.toString());
        assertTrue(texts.contains("compound worse") && texts.contains("compound better") && texts.contains("no clear difference"), texts.toString());
        List<String> models = all(robot, "#cam-numbers-models .label", Label.class).stream().map(Label::getText).toList();
        assertTrue(models.contains("0.237 [0.174, 0.307]") && models.contains("15 of 20 right"), models.toString());
        assertTrue(robot.lookup("#cam-numbers-stale").tryQuery().isEmpty(), "no digests in the fixture: nothing to warn of");
    }

    @Test
    void aMeasurementOfEarlierWeightsIsShownWithAWarning(FxRobot robot) throws Exception {
        Path file = MapQualityNumbersTest.studyWithMeasurement(dir.resolve("study"), "retrained", "0123");
        MapNumbersPane pane = new MapNumbersPane(() -> file, Path.of("/data/imagenette2-160"));
        showInStage(robot, pane);
        waitUntil(() -> pane.view() != null);
        String warning = robot.lookup("#cam-numbers-stale").queryAs(Label.class).getText();
        assertTrue(warning.startsWith("⚠ These numbers describe earlier weights of the models"), warning);
        assertTrue(robot.lookup("#cam-numbers-reading").tryQuery().isPresent(), "the numbers are still shown");
    }

    @Test
    void withoutTheFileTheNumbersGiveTheCommandThatMakesIt(FxRobot robot) throws Exception {
        Path file = dir.resolve("study/map-quality/quality.json");
        MapNumbersPane pane = new MapNumbersPane(() -> file, Path.of("/data/imagenette2-160"));
        showInStage(robot, pane);
        waitUntil(() -> pane.view() != null);
        assertTrue(robot.lookup("#cam-numbers-missing").queryAs(Label.class).getText().contains(file.toString()));
        String command = robot.lookup("#cam-numbers-command").queryAs(TextField.class).getText();
        assertTrue(command.contains("map-quality --data /data/imagenette2-160 --per-class 50 --out " + file.getParent()), command);
        // the lead's run lands: Read again shows it
        Files.createDirectories(file.getParent());
        Files.writeString(file, MapQualityNumbersTest.FIXTURE);
        robot.clickOn("#cam-numbers-reload");
        waitUntil(() -> pane.view() != null && pane.view().present());
        assertTrue(robot.lookup("#cam-numbers-reading").tryQuery().isPresent());
    }

    /** A map that is one bright cell at (row, col) on a 7×7 layer. */
    private static Heatmap spot(int row, int col) {
        float[][] v = new float[7][7];
        for (int i = 0; i < 7; i++) for (int j = 0; j < 7; j++) v[i][j] = (float) Math.exp(-((i - row) * (i - row) + (j - col) * (j - col)) / 2.0);
        return new Heatmap(v, Heatmap.Scaling.PER_MAP, 0, 1);
    }

    private static ComparisonResult result() {
        var spec = CamFixtures.A;
        List<LineupModel> models = List.of(LineupModel.missing("Base", spec, ""), LineupModel.missing("Compound", spec, ""),
                LineupModel.missing("Width only", spec, ""));
        List<ComparisonResult.Row> rows = new ArrayList<>();
        // image 0: compound and base look at the same place, width-only elsewhere; image 1 the same
        for (int r = 0; r < 2; r++) {
            List<ComparisonResult.Cell> cells = new ArrayList<>();
            for (Heatmap h : List.of(spot(2, 2), spot(2, 2), spot(5, 5))) cells.add(new ComparisonResult.Cell(List.of(), 0, null, h, null, null, ""));
            rows.add(new ComparisonResult.Row("image " + r, new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), cells));
        }
        return new ComparisonResult(models, rows, "gradcam", "top_activation", org.scalinglab.cam.Heatmap.Scaling.SHARED);
    }

    @Test
    void theAgreementShowsBothMatricesAndTheGridGetsTheDifferenceColumnOnRequest(FxRobot robot) throws Exception {
        ReadOnlyObjectWrapper<ComparisonResult> result = new ReadOnlyObjectWrapper<>();
        boolean[] gridShown = {false};
        AgreementPane pane = new AgreementPane(result.getReadOnlyProperty(), () -> gridShown[0] = true);
        showInStage(robot, pane);
        assertTrue(robot.lookup("#cam-agreement-empty").tryQuery().isPresent(), "no maps yet: it says so");
        ComparisonResult r = result();
        robot.interact(() -> result.set(r));
        waitUntil(() -> pane.agreement() != null && robot.lookup("#cam-agreement-rho").tryQuery().isPresent());
        List<String> rho = all(robot, "#cam-agreement-rho .agreement-value", Label.class).stream().map(Label::getText).toList();
        assertEquals(9, rho.size());
        assertEquals(List.of("1.00", "1.00", "1.00"), List.of(rho.get(0), rho.get(4), rho.get(8)), "the diagonal");
        assertEquals("1.00", rho.get(1), "base and compound: the same map");
        List<String> iou = all(robot, "#cam-agreement-iou .agreement-value", Label.class).stream().map(Label::getText).toList();
        assertEquals(iou.get(2), iou.get(6), "symmetric");

        // compound minus base: identical maps, a neutral square
        robot.interact(() -> pane.minusIndexProperty().set(0));
        robot.clickOn("#cam-agreement-show");
        assertTrue(gridShown[0] && pane.differenceInGridProperty().get());
        CamGrid grid = new CamGrid(p -> { });
        robot.interact(() -> {
            grid.setExtraColumns(pane.columnsInGrid(r));
            grid.show(r.models(), r, List.of(), false, 1200, "", p -> null);
            pane.addDifferenceColumn(grid, r);
            stage.getScene().setRoot(new StackPane(grid));
        });
        assertEquals(1, grid.extraColumns());
        ImageView view = (ImageView) ((StackPane) grid.lookup("#difference-0")).getChildren().get(0);
        BufferedImage img = SwingFXUtils.fromFXImage(view.getImage(), null);
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) assertEquals(DivergingColors.NEUTRAL, img.getRGB(x, y) & 0xffffff);
        }
        robot.interact(() -> pane.differenceInGridProperty().set(false));
        assertEquals(0, pane.columnsInGrid(r));
    }

    private static Path png(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        javax.imageio.ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        return file;
    }

    @Test
    void aFolderByClassListsItsImagesByClassAndAddsTheChosenOnes(FxRobot robot) throws Exception {
        png(dir.resolve("shapes/circle/a.png"));
        Path b = png(dir.resolve("shapes/square/b.png"));
        Path c = png(dir.resolve("shapes/square/c.png"));
        List<List<Path>> added = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        FolderSource source = new FolderSource(added::add, problems::add, () -> null);
        showInStage(robot, source);
        assertFalse(source.images.isVisible(), "no list before a folder");
        robot.interact(() -> source.open(dir.resolve("shapes")));
        waitUntil(() -> source.current() != null);
        assertEquals(List.of("circle", "square"), source.classChoice.getItems());
        robot.interact(() -> source.classChoice.getSelectionModel().select(1));
        assertEquals(List.of(b, c), source.images.getItems());
        robot.interact(() -> {
            source.images.getSelectionModel().selectAll();
            source.addSelected.fire();
        });
        assertEquals(List.of(List.of(b, c)), added);

        robot.interact(() -> source.open(dir.resolve("shapes/circle")));
        waitUntil(() -> !problems.isEmpty());
        assertTrue(problems.get(0).contains("sub-folder per class"), problems.get(0));
    }

    @Test
    void imagenetteDownloadsWithProgressAndOpensTheFolder(FxRobot robot) throws Exception {
        byte[] tgz = ImagenetteTest.archive(ImagenetteTest.LAYOUT);
        String md5 = ImagenetteTest.md5(tgz);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(200, tgz.length);
            ex.getResponseBody().write(tgz);
            ex.close();
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            Imagenette imagenette = new Imagenette(new ModelStore(dir.resolve("datasets"), base, Map.of(Imagenette.FILE, md5)));
            List<Path> opened = new ArrayList<>();
            ImagenetteDialog dialog = new ImagenetteDialog(imagenette, opened::add);
            showInStage(robot, dialog);
            assertEquals("Not downloaded yet.", dialog.status.getText());
            assertTrue(dialog.open.isDisabled());
            robot.clickOn("#imagenette-download");
            waitUntil(() -> !opened.isEmpty());
            assertEquals(dir.resolve("datasets/imagenette2-160"), opened.get(0));
            assertTrue(dialog.status.getText().startsWith("Imagenette is here"), dialog.status.getText());
            assertEquals(1.0, dialog.bar.getProgress(), 1e-9);
            assertFalse(dialog.open.isDisabled());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void offlineItSaysSoAndALocalCopyIsImported(FxRobot robot) throws Exception {
        byte[] tgz = ImagenetteTest.archive(ImagenetteTest.LAYOUT);
        String md5 = ImagenetteTest.md5(tgz);
        // port 9 on the loopback: nothing listens, the connection is refused at once
        Imagenette imagenette = new Imagenette(new ModelStore(dir.resolve("datasets"), URI.create("http://127.0.0.1:9/"), Map.of(Imagenette.FILE, md5)));
        List<Path> opened = new ArrayList<>();
        ImagenetteDialog dialog = new ImagenetteDialog(imagenette, opened::add);
        showInStage(robot, dialog);
        robot.clickOn("#imagenette-download");
        waitUntil(() -> !dialog.runningProperty().get() && dialog.status.getText().startsWith("Offline"));
        assertTrue(dialog.status.getText().contains("import it"), dialog.status.getText());
        assertTrue(opened.isEmpty());

        Path copy = Files.write(dir.resolve("imagenette2-160.tgz"), tgz);
        robot.interact(() -> dialog.start(true, copy));
        waitUntil(() -> !opened.isEmpty());
        assertTrue(Files.isDirectory(opened.get(0).resolve("val/n02102040")));

        Path wrong = Files.write(dir.resolve("other.tgz"), ImagenetteTest.archive(List.of("x/y.JPEG")));
        Imagenette fresh = new Imagenette(new ModelStore(dir.resolve("fresh"), URI.create("http://127.0.0.1:9/"), Map.of(Imagenette.FILE, md5)));
        ImagenetteDialog second = new ImagenetteDialog(fresh, opened::add);
        showInStage(robot, second);
        robot.interact(() -> second.start(true, wrong));
        waitUntil(() -> !second.runningProperty().get() && second.status.getText().startsWith("Could not"));
        assertFalse(second.status.getText().contains("Exception"), second.status.getText());
    }
}
