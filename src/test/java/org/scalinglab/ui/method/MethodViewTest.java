package org.scalinglab.ui.method;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.scaling.GridCandidates;
import org.scalinglab.ui.MainWindow;
import org.scalinglab.ui.Screenshots;
import org.scalinglab.ui.WindowDriver;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The "How it was found" tab driven as a teacher would, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class MethodViewTest {
    static final Path GRID = resource("synthetic-grid.json");
    static final Path SWEEP = resource("synthetic-sweep.json");

    private MethodView method;
    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        // the tab alone, with nothing bundled loaded: the whole window is built once, by the screenshot test
        method = new MethodView(new RewardViewModel(), new GridViewModel(), new SimpleBooleanProperty(false));
        javafx.scene.Scene scene = new javafx.scene.Scene(method, 1260, 780);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    /**
     * The step and tolerance controls rebuild the table from GridCandidates. Step 0.05, tolerance 5 %: the count is
     * checked against exact integer arithmetic (α = a/20 etc.: |a·b²·g² − 2·20⁵| ≤ 0.1·20⁵). Step 0.1, tolerance 5 %,
     * by hand, α·β²·γ² in [1.9, 2.1]: (1, 1, 1.4) 1.96, (1, 1.1, 1.3) 2.045, (1, 1.2, 1.2) 2.074, (1, 1.3, 1.1) 2.045,
     * (1, 1.4, 1) 1.96, (1.1, 1.1, 1.2) 1.917, (1.1, 1.2, 1.1) 1.917, (1.2, 1, 1.3) 2.028, (1.2, 1.1, 1.2) 2.091,
     * (1.2, 1.2, 1.1) 2.091, (1.2, 1.3, 1) 2.028, (1.3, 1.1, 1.1) 1.903, (1.4, 1, 1.2) 2.016, (1.4, 1.1, 1.1) 2.050,
     * (1.4, 1.2, 1) 2.016, (1.6, 1, 1.1) 1.936, (1.6, 1.1, 1) 1.936, (1.7, 1, 1.1) 2.057, (1.7, 1.1, 1) 2.057,
     * (1.9, 1, 1) 1.9, (2, 1, 1) 2, (2.1, 1, 1) 2.1: 22, without (1.2, 1.1, 1.15). Tolerance 4 % ([1.92, 2.08]) drops
     * 1.9, 1.903, 1.917 twice, 2.091 twice and 2.1: 15.
     */
    @Test
    void gridControlsRebuildTheCandidateTable(FxRobot robot) {
        robot.interact(() -> method.tabs.getSelectionModel().select(method.gridTab));
        GridPanel grid = method.grid;
        int exact = 0;
        for (int a = 20; a <= 42; a++) for (int b = 20; b <= 42; b++) for (int g = 20; g <= 42; g++) {
            if (Math.abs((long) a * b * b * g * g - 2L * 3_200_000) <= 320_000) exact++;
        }
        assertEquals(exact, grid.table.getItems().size());
        assertEquals(GridCandidates.enumerate(0.05, 0.05).size(), exact);
        WaitForAsyncUtils.waitForFxEvents();
        TableRow<?> paperRow = robot.lookup("#grid-table .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() != null && ((GridViewModel.Row) r.getItem()).candidate().isPaperChoice()).findFirst()
                .orElseThrow(() -> new AssertionError("the paper's row is scrolled into view"));
        assertTrue(paperRow.getStyleClass().contains("paper-choice"));
        assertTrue(text(robot, "#grid-count").endsWith("the paper's choice is among them (highlighted)"));

        WindowDriver.typeInto(robot, "#grid-step-spinner", "0.1");
        assertEquals(22, grid.table.getItems().size());
        assertTrue(grid.table.getItems().stream().noneMatch(r -> r.candidate().isPaperChoice()));
        assertTrue(text(robot, "#grid-count").startsWith("22 candidates at step 0.1, tolerance 0.05"), text(robot, "#grid-count"));
        assertTrue(text(robot, "#grid-count").endsWith("not among them"));

        robot.interact(() -> grid.tolerance.slider().requestFocus());
        robot.type(KeyCode.LEFT);
        assertEquals(0.04, grid.vm.tolerance(), 1e-12);
        assertEquals(15, grid.table.getItems().size());
        grid.redrawNow();
        assertEquals(15, grid.candidatesBox.viewer().getChart().getXYPlot().getDataset().getItemCount(0), "the plot follows");
    }

    /** The best reward at 400 M and 4 B under both forms, as computed by hand in RewardLandscapeChartTest. */
    @Test
    void rewardPanelFollowsTargetAndPresets(FxRobot robot) {
        RewardPanel p = method.reward;
        assertEquals("Best reward: EfficientNet-B0 (0.772)", text(robot, "#reward-best"));
        assertEquals("Target T = 400 M FLOPs", text(robot, "#reward-target-value"));
        robot.clickOn("#reward-target-4B");
        assertEquals(4e9, p.vm.target(), 1);
        assertEquals("Best reward: EfficientNet-B0 (0.907)", text(robot, "#reward-best"));
        assertTrue(text(robot, "#reward-insight").contains("never the order"));
        assertTrue(p.w.isVisible());

        robot.clickOn("#reward-preset-hard");
        assertEquals("Best reward: EfficientNet-B3 (0.816)", text(robot, "#reward-best"));
        assertFalse(p.w.isVisible());
        assertTrue(p.below.isVisible() && p.above.isVisible());
        assertTrue(text(robot, "#reward-insight").contains("T can change the winner"));
        robot.clickOn("#reward-target-400M");
        assertEquals("Best reward: EfficientNet-B0 (0.771)", text(robot, "#reward-best"));

        // a drag is many changes: the chart redraws after a short pause, with the last one
        robot.interact(() -> {
            for (int i = 0; i <= 40; i++) p.vm.logTargetProperty().set(9 + i / 40.0);
        });
        WaitForAsyncUtils.sleep(400, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(p.vm.objective(), p.landscape.objective());
        assertEquals(1e10, p.landscape.objective().target(), 1);
        assertEquals(p.vm.best().model(), p.landscape.ranked().get(0).model());
    }

    /** Nothing loaded: each step says what it is and which command produces it; bad files are a message, not an exception. */
    @Test
    void reportsLoadOrSayWhyNot(FxRobot robot) throws Exception {
        GridPanel grid = method.grid;
        SweepPanel sweep = method.sweep;
        assertSame(sweep.results.emptyState(), sweep.results.getCenter());
        assertSame(grid.results.emptyState(), grid.results.getCenter());
        assertFalse(sweep.results.summary().isVisible());
        assertFalse(sweep.table.isVisible());
        assertEquals(SweepPanel.COMMAND, robot.lookup("#sweep-results-command").queryAs(Label.class).getText());

        Path broken = dir.resolve("grid.json");
        Files.writeString(broken, "{ this is not json", StandardCharsets.UTF_8);
        robot.interact(() -> grid.vm.load(broken));
        Label message = robot.lookup("#grid-results-message").queryAs(Label.class);
        assertTrue(message.isVisible());
        assertTrue(message.getText().startsWith("Could not read grid.json: "), message.getText());
        robot.interact(() -> grid.vm.load(dir.resolve("missing.json")));
        assertTrue(message.getText().contains("does not exist"), message.getText());
        robot.interact(() -> grid.vm.load(SWEEP));
        assertTrue(message.getText().contains("not a grid-search report"), message.getText());
        assertFalse(grid.table.getItems().isEmpty(), "the candidates stay");

        robot.interact(() -> grid.vm.load(GRID));
        assertFalse(message.isVisible());
        Label source = robot.lookup("#grid-results-source").queryAs(Label.class);
        assertEquals("from " + GRID.toAbsolutePath().normalize(), source.getText());
        // the expected line from the fixture read independently (plain JSON, no report classes)
        JsonObject json = JsonParser.parseString(Files.readString(GRID)).getAsJsonObject();
        double best = -1;
        double paper = -1;
        String bestName = null;
        int trained = 0;
        for (JsonElement e : json.getAsJsonArray("candidates")) {
            JsonObject c = e.getAsJsonObject();
            if (c.get("top1").isJsonNull()) continue;
            trained++;
            double t = c.get("top1").getAsDouble();
            String name = GridViewModel.num(c.get("alpha").getAsDouble()) + ", " + GridViewModel.num(c.get("beta").getAsDouble()) + ", "
                    + GridViewModel.num(c.get("gamma").getAsDouble());
            if (t > best) {
                best = t;
                bestName = name;
            }
            if (name.equals("1.2, 1.1, 1.15")) paper = t;
        }
        String summary = grid.results.summary().getText();
        assertTrue(summary.startsWith(String.format(Locale.ROOT, "Best: (%s) %.1f%% top-1; the paper's choice (1.2, 1.1, 1.15) %.1f%% (rank ",
                bestName, 100 * best, 100 * paper)), summary);
        assertTrue(summary.contains("the " + trained + " trained: "), summary);
        assertTrue(grid.table.getItems().stream().filter(r -> r.top1() != null).count() == trained);
        assertHighlightedRowsShowWholeNumbers(robot);

        robot.interact(() -> sweep.report.load(broken));
        Label sweepMessage = robot.lookup("#sweep-results-message").queryAs(Label.class);
        assertTrue(sweepMessage.getText().startsWith("Could not read grid.json"), sweepMessage.getText());
        robot.interact(() -> sweep.report.load(SWEEP));
        assertFalse(sweepMessage.isVisible());
        assertEquals("from " + SWEEP.toAbsolutePath().normalize(), robot.lookup("#sweep-results-source").queryAs(Label.class).getText());
        assertEquals(9, sweep.table.getItems().size());
        assertTrue(sweep.results.summary().getText().startsWith("8 of 9 networks trained; at φ = 2: compound 37.7%"),
                sweep.results.summary().getText());
    }

    /** The bundled report is named as such (its absolute path means nothing in a lecture); a file opened keeps its path. */
    @Test
    void theBundledReportIsNamedNotShownByPath(FxRobot robot) {
        GridPanel grid = method.grid;
        robot.interact(() -> grid.vm.loadBundled());
        Label source = robot.lookup("#grid-results-source").queryAs(Label.class);
        assertEquals("from the bundled search, assets/search/grid.json", source.getText());
        assertNull(grid.vm.scenarioSource(), "a scenario stores no path for the bundled copy");
        robot.interact(() -> grid.vm.load(GRID));
        assertEquals("from " + GRID.toAbsolutePath().normalize(), source.getText());
        assertEquals(GRID.toAbsolutePath().normalize().toString(), grid.vm.scenarioSource());
    }

    @Test
    void screenshotOfTheGridView() throws Exception {
        Path shot = dir.resolve("grid.png");
        Screenshots.write(shot, new Screenshots.Request("grid", false, 1000, 700, "b0", Double.NaN, 0, 1, "study", List.of(), GRID));
        BufferedImage img = ImageIO.read(shot.toFile());
        assertEquals(1000, img.getWidth());
        assertEquals(700, img.getHeight());
        assertThrows(IllegalArgumentException.class,
                () -> new Screenshots.Request("reward", false, 1000, 700, "b0", Double.NaN, 0, 1, "study", List.of(), GRID));
    }

    /** The bold highlighted rows (best, paper's choice) fit their numbers: no cell is cut to "1...". */
    private static void assertHighlightedRowsShowWholeNumbers(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        int checked = 0;
        for (TableRow<?> row : robot.lookup("#grid-table .table-row-cell").queryAllAs(TableRow.class)) {
            if (!row.getStyleClass().contains("best-row") && !row.getStyleClass().contains("paper-choice")) continue;
            for (javafx.scene.Node n : row.lookupAll(".table-cell")) {
                javafx.scene.control.TableCell<?, ?> cell = (javafx.scene.control.TableCell<?, ?>) n;
                if (cell.getText() == null || !cell.isVisible()) continue;
                javafx.scene.text.Text shown = (javafx.scene.text.Text) cell.lookup(".text");
                assertEquals(cell.getText(), shown.getText(), "column " + cell.getTableColumn().getId());
                checked++;
            }
        }
        assertTrue(checked >= 8, "highlighted cells checked: " + checked);
    }

    private static String text(FxRobot robot, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static Path resource(String name) {
        try {
            return Path.of(MethodViewTest.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
