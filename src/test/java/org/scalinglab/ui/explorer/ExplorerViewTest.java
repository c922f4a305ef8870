package org.scalinglab.ui.explorer;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.arch.CostModel;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.arch.StageCost;
import org.scalinglab.scaling.CompoundScaling;
import org.scalinglab.ui.ChartBox;
import org.scalinglab.ui.MainWindow;
import org.scalinglab.ui.Screenshots;
import org.scalinglab.ui.WindowDriver;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window driven by keyboard and mouse, headless (Monocle). Few tests, each a whole user story. */
@ExtendWith(ApplicationExtension.class)
class ExplorerViewTest {
    private MainWindow window;
    private ExplorerView explorer;
    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        window = new MainWindow();
        // within Monocle's headless screen (1280x800 unless headless.geometry says otherwise): larger windows overflow it
        stage.setScene(window.createScene(1260, 780));
        stage.show();
        explorer = WindowDriver.showTab(window, "explorer-tab", ExplorerView.class);
    }

    @Test
    void sliderMovesUpdateTableAndTotals(FxRobot robot) {
        assertTrue(text(robot, "#total-params").startsWith("Parameters: 5,330,571 total, 5,288,548 trainable"));
        assertEquals("224×224", cell(robot, 0, "Resolution"));

        robot.interact(() -> explorer.controls.phi.slider().requestFocus());
        for (int i = 0; i < 5; i++) robot.type(KeyCode.RIGHT);   // the slider's own keys: +0.1 each
        assertEquals(0.5, window.explorerModel().phiProperty().get(), 1e-9);

        CostModel expected = CostModel.of(NetworkSpec.compound(new CompoundScaling(0.5, 1.2, 1.1, 1.15), 224));
        Map<String, String> shown = cells(robot);
        for (int i = 0; i < 9; i++) {
            StageCost s = expected.stages().get(i);
            assertEquals(s.resolution() + "×" + s.resolution(), shown.get(i + "/Resolution"), "stage " + (i + 1));
            assertEquals(String.valueOf(s.channels()), shown.get(i + "/Channels"), "stage " + (i + 1));
            assertEquals(String.valueOf(s.layers()), shown.get(i + "/Layers"), "stage " + (i + 1));
            assertEquals(String.format(java.util.Locale.ROOT, "%,d", s.params()), shown.get(i + "/Params"), "stage " + (i + 1));
        }
        assertEquals("240×240", cell(robot, 0, "Resolution"));   // round(224 * 1.15^0.5) = 240
        assertTrue(text(robot, "#total-params").startsWith(String.format(java.util.Locale.ROOT, "Parameters: %,d total",
                expected.params())));
        assertTrue(changed(robot, 0, "Resolution"), "a resolution other than B0's is highlighted");
        assertFalse(changed(robot, 0, "Layers"), "the stem keeps its one layer");
    }

    @Test
    void digitSevenSelectsTheOfficialB7(FxRobot robot) {
        robot.type(KeyCode.DIGIT7);
        assertEquals(org.scalinglab.scaling.OfficialModel.B7, window.explorerModel().presetProperty().get());
        assertEquals("600×600", cell(robot, 0, "Resolution"));
        assertEquals("7.00", robot.lookup("#compound-coefficient-spinner .text-field")
                .queryAs(javafx.scene.control.TextField.class).getText());
        assertEquals("3.1", text(robot, "#official-depth"));
        assertEquals("3.583", text(robot, "#formula-depth"));    // 1.2^7 beside it
        assertTrue(text(robot, "#total-params").startsWith("Parameters: 66,658,687 total"));
        assertTrue(robot.lookup("#preset-b7").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
    }

    @Test
    void invalidInputShowsAMessageInsteadOfCrashing(FxRobot robot) {
        Label message = robot.lookup("#explorer-message").queryAs(Label.class);
        assertFalse(message.isVisible());
        robot.type(KeyCode.F);                                   // formula mode: whole φ no longer picks a B-model
        WindowDriver.typeInto(robot, "#compound-coefficient-spinner", "3");
        assertNull(window.explorerModel().presetProperty().get(), "digits typed into a field are not preset keys");
        assertEquals(3.0, window.explorerModel().phiProperty().get());
        WindowDriver.typeInto(robot, "#depth-base-spinner", "2");              // 2^3 = 8 > 6.5: no such network
        assertTrue(message.isVisible());
        assertTrue(message.getText().contains("depth multiplier"), message.getText());
        assertTrue(message.getStyleClass().contains("error"));
        assertEquals(3.0, window.explorerModel().snapshot().scaling().phi());  // the last valid network stays

        WindowDriver.typeInto(robot, "#depth-base-spinner", "1.2");
        assertFalse(message.isVisible());
        WindowDriver.typeInto(robot, "#width-base-spinner", "abc");
        assertTrue(message.isVisible());
        assertTrue(message.getText().contains("not a number"), message.getText());
        assertEquals(1.1, window.explorerModel().betaProperty().get());
        WindowDriver.typeInto(robot, "#width-base-spinner", "9");               // clamped to the range, and said so
        assertEquals(2.0, window.explorerModel().betaProperty().get());
        assertTrue(message.getText().contains("was set to 2.00"), message.getText());
    }

    @Test
    void clickingAStageShowsItsBlockAndChartsExport(FxRobot robot) throws Exception {
        robot.type(KeyCode.DIGIT2);
        robot.clickOn(cellNode(robot, 3, "Operator"));
        assertSame(explorer.charts.blockTab, explorer.charts.getSelectionModel().getSelectedItem());
        assertTrue(text(robot, "#block-heading").startsWith("Stage 4, block 1 of 3 (Keras block3a)"), text(robot, "#block-heading"));

        // the chart viewer carries the numbers as tooltips: the official B2 point of the cost chart
        org.jfree.chart.fx.ChartCanvas canvas = explorer.charts.costBox.viewer().getCanvas();
        assertTrue(canvas.isTooltipEnabled());
        boolean b2 = false;
        for (Object e : canvas.getRenderingInfo().getEntityCollection().getEntities()) {
            String tip = ((org.jfree.chart.entity.ChartEntity) e).getToolTipText();
            b2 |= tip != null && tip.startsWith("EfficientNet-B2: 0.994 G multiply-adds (paper Table 2: 1 B FLOPs)");
        }
        assertTrue(b2, "tooltip of the official B2 point");

        Path png = dir.resolve("cost.png");
        robot.interact(() -> {
            try {
                explorer.charts.costBox.export(png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(2 * ChartBox.EXPORT_WIDTH, img.getWidth());
        assertEquals(2 * ChartBox.EXPORT_HEIGHT, img.getHeight());
    }

    @Test
    void presenterModeAndScreenshot(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        assertTrue(window.root().getStyleClass().contains("presenter"));
        double big = robot.lookup("#total-params").queryAs(Label.class).getFont().getSize();
        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        double normal = robot.lookup("#total-params").queryAs(Label.class).getFont().getSize();
        assertTrue(big > 1.4 * normal, big + " vs " + normal);

        Path shot = dir.resolve("block.png");
        Screenshots.write(shot, new Screenshots.Request("block", false, 1000, 700, "b2", Double.NaN, 5, 2));
        BufferedImage img = ImageIO.read(shot.toFile());
        assertEquals(1000, img.getWidth());
        assertEquals(700, img.getHeight());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private String cell(FxRobot robot, int row, String column) {
        return cellNode(robot, row, column).getText();
    }

    /** All cells of the table, by row and column title, read once. */
    @SuppressWarnings("unchecked")
    private Map<String, String> cells(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, String> out = new HashMap<>();
        for (javafx.scene.Node n : robot.lookup("#architecture-table .table-cell").queryAll()) {
            TableCell<StageRow, StageRow> c = (TableCell<StageRow, StageRow>) n;
            if (c.getTableColumn() != null && c.getIndex() >= 0) out.put(c.getIndex() + "/" + c.getTableColumn().getText(), c.getText());
        }
        return out;
    }

    private boolean changed(FxRobot robot, int row, String column) {
        return cellNode(robot, row, column).getStyleClass().contains("changed");
    }

    @SuppressWarnings("unchecked")
    private TableCell<StageRow, StageRow> cellNode(FxRobot robot, int row, String column) {
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, TableCell<StageRow, StageRow>> found = new HashMap<>();
        for (javafx.scene.Node n : robot.lookup("#architecture-table .table-cell").queryAll()) {
            TableCell<StageRow, StageRow> c = (TableCell<StageRow, StageRow>) n;
            if (c.getTableRow() != null && c.getIndex() == row && c.getTableColumn() != null) {
                found.put(c.getTableColumn().getText(), c);
            }
        }
        TableCell<StageRow, StageRow> c = found.get(column);
        assertNotNull(c, "no cell " + column + " in row " + row);
        return c;
    }

    @SuppressWarnings("unused")
    private TableView<StageRow> table(FxRobot robot) {
        return robot.lookup("#architecture-table").queryAs(TableView.class);
    }
}

