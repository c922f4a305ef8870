package org.scalinglab.ui.cam;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.train.Checkpoint;
import org.scalinglab.train.ReportJson;
import org.scalinglab.train.ScalingStudy;
import org.scalinglab.ui.ChartBox;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The CAM tab's Study view: read from a hand-made report.json, both charts, side by side when wide, stacked when narrow. */
@ExtendWith(ApplicationExtension.class)
class StudyPaneTest {
    @TempDir Path dir;
    private Stage stage;
    private final List<String> errors = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 1280, 720));
        stage.show();
    }

    private static ScalingStudy.Entry entry(String kind, String label, Double top1, double... curve) {
        List<Checkpoint.EpochRecord> history = new ArrayList<>();
        for (int e = 0; e < curve.length; e++) history.add(new Checkpoint.EpochRecord(e, 10L * (e + 1), 1, 0.5, curve[e], 0.9, 10, 50));
        return new ScalingStudy.Entry(kind, label, 0.5, 0.6, 160, 2, 1000, 90_000_000, 0, top1, top1 == null ? null : 0.95, 60, 10,
                history.size(), top1 == null ? null : kind + "/model.h5", history);
    }

    private StudyPane show(FxRobot robot, double width) {
        StudyPane[] pane = new StudyPane[1];
        robot.interact(() -> {
            pane[0] = new StudyPane(dir, new SimpleBooleanProperty(false), errors::add);
            stage.setWidth(width);
            stage.getScene().setRoot(pane[0]);
        });
        robot.interact(() -> { }); // one more pulse: the charts follow the pane's width
        return pane[0];
    }

    @Test
    void showsTheStudysAccuracyAndTrainingCurves(FxRobot robot) throws Exception {
        ReportJson.write(dir.resolve("report.json"), new ScalingStudy.Report(1, 1.2, 1.1, 1.15, List.of("a", "b"), List.of(
                entry("base", "Base", 0.70, 0.5, 0.6, 0.70), entry("compound", "Compound", 0.80, 0.55, 0.7, 0.80),
                entry("width", "Width only", 0.75, 0.5, 0.65, 0.75), entry("depth", "Depth only", null, 0.4, 0.5),
                entry("resolution", "Resolution only", 0.72, 0.5, 0.6, 0.72))));
        show(robot, 1280);
        String summary = robot.lookup("#cam-study-summary").queryAs(Label.class).getText();
        assertTrue(summary.contains("5 networks trained with one recipe on the same 2 classes (4 of them trained so far)"), summary);
        assertTrue(summary.contains("Compound scaling reaches 80.0 % top-1; the best single-dimension model, width only, 75.0 %"), summary);
        ChartBox curves = robot.lookup("#cam-study-curves").queryAs(ChartBox.class);
        XYSeriesCollection data = (XYSeriesCollection) curves.viewer().getChart().getXYPlot().getDataset();
        assertEquals(5, data.getSeriesCount());
        assertEquals("Compound (80.0 %)", data.getSeries(1).getKey());
        assertEquals(2, data.getSeries(3).getItemCount(), "depth only: the two epochs it has");
        assertEquals(3, data.getSeries(1).getX(2).doubleValue(), 0, "epochs count from 1");
        assertEquals(80, data.getSeries(1).getY(2).doubleValue(), 1e-9);
        var range = curves.viewer().getChart().getXYPlot().getRangeAxis().getRange();
        assertEquals(40, range.getLowerBound(), 1e-9, "from the lowest point's ten (depth only's 40 %)");
        assertEquals(100, range.getUpperBound(), 1e-9);
        ChartBox accuracy = robot.lookup("#cam-study-accuracy").queryAs(ChartBox.class);
        assertEquals(accuracy.getBoundsInParent().getMinY(), curves.getBoundsInParent().getMinY(), 1, "side by side at 1280 px");
        assertTrue(errors.isEmpty(), errors.toString());

        show(robot, 800);
        accuracy = robot.lookup("#cam-study-accuracy").queryAs(ChartBox.class);
        curves = robot.lookup("#cam-study-curves").queryAs(ChartBox.class);
        assertTrue(curves.getBoundsInParent().getMinY() >= accuracy.getBoundsInParent().getMaxY(), "one above the other at 800 px");
    }

    @Test
    void theBaseTrainedAgainWithAnotherSeedGivesTheNoiseTheDifferencesAreReadAgainst(FxRobot robot) throws Exception {
        List<ScalingStudy.Entry> models = List.of(entry("base", "Base", 0.827, 0.5, 0.827), entry("compound", "Compound", 0.8515, 0.6, 0.8515),
                entry("width", "Width only", 0.8456, 0.6, 0.8456), entry("depth", "Depth only", 0.797, 0.4, 0.797),
                entry("resolution", "Resolution only", 0.80, 0.5, 0.80));
        List<Checkpoint.EpochRecord> history = List.of(new Checkpoint.EpochRecord(0, 10, 1, 0.5, 0.45, 0.9, 10, 50),
                new Checkpoint.EpochRecord(1, 20, 1, 0.5, 0.818, 0.9, 10, 50));
        ScalingStudy.Repeat seven = new ScalingStudy.Repeat("base", 7, 0.818, 0.98, 60, "base-seed7/model.h5", history);
        ReportJson.write(dir.resolve("report.json"), new ScalingStudy.Report(1, 1.2, 1.1, 1.15, List.of("a", "b"), models, 42L, List.of(seven)));
        show(robot, 1280);
        String summary = robot.lookup("#cam-study-summary").queryAs(Label.class).getText();
        // 82.7 - 81.8 = 0.9 points apart; compound 85.15 - width 84.56 = 0.59 points
        assertTrue(summary.contains("Run-to-run noise: the base trained again with seed 7 reaches 81.8 % (seed 42: 82.7 %), 0.9 points apart; "
                + "compound's lead over width only, 0.6 points, is no larger than that."), summary);
        XYSeriesCollection data = (XYSeriesCollection) robot.lookup("#cam-study-curves").queryAs(ChartBox.class).viewer().getChart()
                .getXYPlot().getDataset();
        assertEquals(6, data.getSeriesCount());
        assertEquals("Base, seed 7 (81.8 %)", data.getSeries(5).getKey());
        assertEquals(81.8, data.getSeries(5).getY(1).doubleValue(), 1e-9);
        assertTrue(errors.isEmpty(), errors.toString());

        // a spread smaller than the lead: the lead is larger than the noise
        ReportJson.write(dir.resolve("report.json"), new ScalingStudy.Report(1, 1.2, 1.1, 1.15, List.of("a", "b"), models, 42L,
                List.of(new ScalingStudy.Repeat("base", 7, 0.825, 0.98, 60, "base-seed7/model.h5", history))));
        show(robot, 1280);
        summary = robot.lookup("#cam-study-summary").queryAs(Label.class).getText();
        assertTrue(summary.contains("0.2 points apart; compound's lead over width only, 0.6 points, is larger than that."), summary);
    }

    @Test
    void aMissingOrBrokenReportIsSaidInPlainWords(FxRobot robot) throws Exception {
        show(robot, 1280);
        assertTrue(robot.lookup("#cam-study-missing").queryAs(Label.class).getText().startsWith("No study here:"));
        assertTrue(errors.isEmpty());
        Files.writeString(dir.resolve("report.json"), "{ not json");
        show(robot, 1280);
        assertTrue(robot.lookup("#cam-study-missing").tryQuery().isPresent());
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("Could not read the study's report report.json"), errors.get(0));
    }
}
