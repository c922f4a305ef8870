package org.scalinglab.ui.explorer;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
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
    private Stage stage;
    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
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
        // presenter fonts follow the window: 18 px at this size (20 px at 1920×1080), 13 px on a desk
        assertTrue(big >= 1.38 * normal, big + " vs " + normal);

        Path shot = dir.resolve("block.png");
        Screenshots.write(shot, new Screenshots.Request("block", false, 1000, 700, "b2", Double.NaN, 5, 2));
        BufferedImage img = ImageIO.read(shot.toFile());
        assertEquals(1000, img.getWidth());
        assertEquals(700, img.getHeight());
    }

    /**
     * α = 1.5 at φ = 5.04 gives no network (1.5^5.04 = 7.7 > 6.5 layers per stage): nothing derived from the last valid
     * network may look current. The cost line shows no number and says why, the limit on φ follows α (4.62, not the 8
     * of α = 1.2), the charts mark no network, the table, comparison and totals are greyed out under a note naming the
     * network they still show; back to a valid α, everything returns.
     */
    @Test
    void anInvalidCombinationClearsOrGreysEverythingDerivedAndSaysWhy(FxRobot robot) {
        ExplorerViewModel vm = window.explorerModel();
        robot.interact(() -> {
            vm.useFormula();
            vm.phiProperty().set(5.04);
        });
        WaitForAsyncUtils.waitForFxEvents();
        String valid = text(robot, "#cost-multiplier");
        assertTrue(valid.contains("26.8"), valid);                       // 1.92^5.04
        assertTrue(marked(), "the charts mark the network");

        robot.interact(() -> vm.alphaProperty().set(1.5));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#explorer-message").contains("depth multiplier"), text(robot, "#explorer-message"));
        String cost = text(robot, "#cost-multiplier");
        assertFalse(cost.matches(".*\\d\\.\\d\\d×.*"), "no cost multiplier from the last valid network: " + cost);
        assertTrue(cost.contains("no network"), cost);
        String limit = text(robot, "#phi-limit");
        assertTrue(limit.contains("4.62"), "the limit for α = 1.5: " + limit);
        assertFalse(limit.contains("8.00"), limit);
        assertFalse(marked(), "the charts mark no network while there is none");
        Label stale = robot.lookup("#explorer-stale").queryAs(Label.class);
        assertTrue(stale.isVisible());
        assertTrue(stale.getText().contains("last valid network (φ=5.04)"), stale.getText());
        robot.interact(() -> explorer.showArchitecture());
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : new String[] {"#architecture-table", "#comparison"}) {
            assertTrue(robot.lookup(id).query().getOpacity() < 0.5, id + " is greyed out");
        }
        assertTrue(robot.lookup("#total-params").query().getParent().getOpacity() < 0.5, "the totals are greyed out");

        robot.interact(() -> vm.alphaProperty().set(1.2));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#cost-multiplier").contains("26.8"));
        assertTrue(marked());
        assertFalse(robot.lookup("#explorer-stale").query().isVisible());
        assertEquals(1.0, robot.lookup("#comparison").query().getOpacity());
    }

    /** On B3 the two cost multipliers belong to two networks, and each line says which. */
    @Test
    void costLinesNameTheirNetwork(FxRobot robot) {
        robot.type(KeyCode.DIGIT3);
        WaitForAsyncUtils.waitForFxEvents();
        String formula = text(robot, "#cost-multiplier");
        assertTrue(formula.startsWith("Formula network at φ = 3"), formula);
        assertTrue(formula.contains("7.08× B0"), formula);           // 1.92^3, the formula's prediction
        String official = text(robot, "#official-cost");
        assertTrue(official.startsWith("Official B3"), official);
        assertTrue(official.contains("4.74× B0"), official);         // counted for the published B3
        assertTrue(text(robot, "#total-network").startsWith("Official B3"), "the totals name their network");
        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#cost-multiplier").startsWith("Cost of this formula network"));
        assertFalse(robot.lookup("#official-cost").query().isVisible());
        assertTrue(text(robot, "#total-network").startsWith("Formula network"));
    }

    /**
     * A window that first appears tiny (200×200, as a window manager may map it) and is then enlarged shows the whole
     * table: all nine rows, not a strip of three.
     */
    @Test
    void enlargingATinyWindowShowsTheWholeTable(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(200);
            stage.setHeight(200);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            stage.setWidth(1260);
            stage.setHeight(780);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> explorer.showArchitecture());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#architecture-table").queryAs(TableView.class);
        javafx.geometry.Bounds shown = visibleBounds(table);
        double row = table.getFixedCellSize();
        assertTrue(shown.getHeight() >= 10 * row, "the table shows " + shown.getHeight() / row + " rows' height, want 9 and the header");
        int rows = 0;
        for (javafx.scene.Node n : table.lookupAll(".table-row-cell")) {
            javafx.scene.control.TableRow<?> r = (javafx.scene.control.TableRow<?>) n;
            if (r.getItem() == null || !r.isVisible()) continue;
            javafx.geometry.Bounds b = r.localToScene(r.getLayoutBounds());
            if (b.getMinY() >= shown.getMinY() - 1 && b.getMaxY() <= shown.getMaxY() + 1) rows++;
        }
        assertEquals(9, rows, "rows wholly in view");
    }

    /** The part of a node on screen: its bounds in the scene cut by every scroll pane's viewport above it. */
    private static javafx.geometry.Bounds visibleBounds(javafx.scene.Node n) {
        javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
        double minX = b.getMinX(), minY = b.getMinY(), maxX = b.getMaxX(), maxY = b.getMaxY();
        for (javafx.scene.Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane || p.getStyleClass().contains("viewport")
                    || p instanceof javafx.scene.control.SplitPane || p.getParent() == null) {
                javafx.geometry.Bounds v = p.localToScene(p.getLayoutBounds());
                minX = Math.max(minX, v.getMinX());
                minY = Math.max(minY, v.getMinY());
                maxX = Math.min(maxX, v.getMaxX());
                maxY = Math.min(maxY, v.getMaxY());
            }
        }
        return new javafx.geometry.BoundingBox(minX, minY, Math.max(0, maxX - minX), Math.max(0, maxY - minY));
    }

    /** Whether any explorer chart marks a network as the one on screen. */
    private boolean marked() {
        boolean any = false;
        org.jfree.chart.plot.Plot cost = explorer.charts.costBox.viewer().getChart().getPlot();
        List<org.jfree.chart.plot.XYPlot> plots = new java.util.ArrayList<>();
        if (cost instanceof org.jfree.chart.plot.CombinedDomainXYPlot c) plots.addAll(c.getSubplots());
        else plots.add((org.jfree.chart.plot.XYPlot) cost);
        plots.add(explorer.charts.paramsBox.viewer().getChart().getXYPlot());
        plots.add(explorer.charts.flopsBox.viewer().getChart().getXYPlot());
        for (org.jfree.chart.plot.XYPlot p : plots) {
            for (int d = 0; d < p.getDatasetCount(); d++) {
                org.jfree.data.xy.XYDataset ds = p.getDataset(d);
                if (ds == null) continue;
                for (int i = 0; i < ds.getSeriesCount(); i++) {
                    if (String.valueOf(ds.getSeriesKey(i)).startsWith("this network") && ds.getItemCount(i) > 0) any = true;
                }
            }
            java.util.Collection<?> markers = p.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
            if (markers != null) {
                for (Object m : markers) {
                    if (m instanceof org.jfree.chart.plot.ValueMarker v && Double.isFinite(v.getValue()) && v.getLabel() != null) any = true;
                }
            }
        }
        return any;
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

