package org.scalinglab.ui.train;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.tf.ModelOptions;
import org.scalinglab.train.Checkpoint;
import org.scalinglab.train.SyntheticShapes;
import org.scalinglab.train.TrainingProgress;
import org.scalinglab.ui.MainWindow;
import org.scalinglab.ui.WindowDriver;
import org.scalinglab.ui.cam.CamFixtures;
import org.scalinglab.ui.cam.CamViewModel;
import org.scalinglab.ui.explorer.ExplorerViewModel;
import org.scalinglab.ui.train.TrainViewModel.Field;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Train tab in the whole window, headless: a tiny network on synthetic shapes trained, cancelled in its second
 * epoch, resumed and finished; a checkpoint of another network refused; closing the window during a run; bad inputs.
 * The step counts are worked out by hand from the data set's size, not read back from the tab.
 */
@ExtendWith(ApplicationExtension.class)
class TrainViewTest {
    @TempDir Path dir;
    private MainWindow window;
    private TrainViewModel vm;
    private TrainView view;

    @Start
    void start(Stage stage) throws Exception {
        vm = new TrainViewModel();
        CamViewModel cam = new CamViewModel(CamFixtures.offlineStore(Files.createTempDirectory("train-cam-store")),
                ModelOptions.defaults().withThreads(1, 1));
        window = new MainWindow(new ExplorerViewModel(), cam, vm);
        stage.setScene(window.createScene(1260, 780));
        stage.show();
        view = WindowDriver.showTab(window, "train-tab", TrainView.class);
    }

    @AfterEach
    void close() {
        vm.close();
    }

    /**
     * 3 classes × 40 images, 10 % held out: round(4) = 4 per class for validation, 36 × 3 = 108 for training; batch 8
     * gives 108 / 8 = 13 steps per epoch (the last partial batch dropped), 26 in 2 epochs. The trainer reports every
     * 10 steps and at each epoch's end: steps 10, 13 (epoch 1 ends), 23, 26 (epoch 2 ends).
     */
    @Test
    void trainsCancelsInTheSecondEpochResumesAndFinishes(FxRobot robot) throws Exception {
        SyntheticShapes.write(dir.resolve("data"), 3, 40, 64, 5);
        Path out = dir.resolve("run");
        fill(robot, dir.resolve("data"), out, "0.25", "0.25", "2", "8");
        type(robot, "#train-resolution", "64");
        assertEquals("", vm.problemProperty(Field.RESOLUTION).get());
        assertTrue(vm.costProperty().get().contains("(3 classes)"), vm.costProperty().get());
        assertTrue(vm.commandProperty().get().contains("--width 0.25 --depth 0.25 --resolution 64 --epochs 2"), vm.commandProperty().get());

        // the Cancel button is pressed at the step-23 report; the training thread waits until it has been
        AtomicBoolean cancelled = new AtomicBoolean();
        vm.onReport = p -> {
            if (p.epoch() == 1 && !p.epochEnd() && cancelled.compareAndSet(false, true)) pressCancelAndWait();
        };
        robot.clickOn("#train-start");
        assertTrue(vm.runningProperty().get());
        waitUntilIdle(120);
        assertTrue(cancelled.get(), "the cancel came during epoch 2");
        String message = vm.messageProperty().get().text();
        assertTrue(message.contains("The last finished epoch (epoch 1") && message.contains("is kept in " + out), message);
        assertEquals(1, Checkpoint.finishedEpochs(out).orElseThrow().size());
        assertTrue(vm.checkpointNoteProperty().get().endsWith("Start resumes at epoch 2"), vm.checkpointNoteProperty().get());
        assertEquals(3, lossPoints(), "steps 10, 13 and 23");
        assertEquals(1, validationPoints());
        assertFalse(Files.exists(out.resolve("model.h5")));
        snapshot("train-view-cancelled.png");

        vm.onReport = p -> { };
        robot.interact(view.start::fire);
        assertTrue(vm.messageProperty().get().text().startsWith("Resuming at epoch 2 of 2"), vm.messageProperty().get().text());
        assertEquals(2, lossPoints(), "the points past the checkpoint (step 23) are gone");
        waitUntilIdle(120);
        assertEquals(4, lossPoints(), "steps 10, 13, 23, 26");
        assertEquals(2, validationPoints(), "one per epoch");
        assertEquals(26, vm.lastResult.steps());
        TrainingProgress last = vm.reports().get(vm.reports().size() - 1);
        assertEquals(26, last.step());
        assertEquals(26, last.totalSteps());
        assertTrue(last.epochEnd());
        assertEquals(1.0, vm.progressProperty().get());
        Path model = out.resolve("model.h5");
        String result = text(robot, "#train-result");
        assertTrue(result.contains(model + ":") && result.contains("predict --model 0.25,0.25,64,3 --weights " + model), result);
        assertTrue(result.contains("(26 steps)"), result);
        assertTrue(Files.size(model) > 10_000);
        assertTrue(text(robot, "#train-status").startsWith("w0.25 d0.25 64px epoch 2/2 step 26/26 loss "), text(robot, "#train-status"));
        assertEquals("holds a checkpoint (2 epochs done, validation top-1 " + String.format(java.util.Locale.ROOT, "%.1f",
                100 * vm.lastResult.top1()) + " %): training is done; raise the epochs to train on", vm.checkpointNoteProperty().get());
        snapshot("train-view-finished.png");
        // presenter mode draws a new, larger chart with the same points; the export bar writes it
        robot.interact(() -> window.presenterProperty().set(true));
        assertEquals(4, lossPoints());
        assertEquals(2, validationPoints());
        Path svg = dir.resolve("training.svg");
        robot.interact(() -> {
            try {
                view.chartBox.export(svg);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String drawn = Files.readString(svg);
        assertTrue(drawn.contains("training loss") && drawn.contains("validation top-1"), "the legend is in the SVG");
        robot.interact(() -> window.presenterProperty().set(false));

        // another network in the same folder: the trainer's refusal, in one line, beside the output folder
        robot.interact(() -> view.fields.get(Field.WIDTH).setText("0.5"));
        robot.interact(view.start::fire);
        waitUntilIdle(60);
        assertTrue(vm.messageProperty().get().error());
        assertTrue(vm.messageProperty().get().text().contains("use another --out folder"), vm.messageProperty().get().text());
        assertFalse(vm.messageProperty().get().text().contains("\n"));
        assertEquals("holds the checkpoint of another network", text(robot, "#train-out-problem"));

        // closing the window during a run cancels it at the next step and keeps the checkpoint
        robot.interact(() -> {
            view.fields.get(Field.WIDTH).setText("0.25");
            view.fields.get(Field.EPOCHS).setText("4");
        });
        CountDownLatch running = new CountDownLatch(1);
        vm.onReport = p -> running.countDown();
        robot.interact(view.start::fire);
        assertTrue(vm.messageProperty().get().text().startsWith("Resuming at epoch 3 of 4"));
        assertTrue(running.await(120, TimeUnit.SECONDS));
        robot.interact(window::close);
        assertTrue(vm.stopped(), "the training thread ended within the close");
        int kept = Checkpoint.finishedEpochs(out).orElseThrow().size();
        assertTrue(kept >= 2 && kept < 4, "epochs kept: " + kept);
    }

    @Test
    void badInputsAreNamedBesideTheirFieldsAndDoNotStart(FxRobot robot) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path out = dir.resolve("out");
        fill(robot, empty, out, "0.25", "0.25", "2", "15");
        robot.clickOn("#train-start");
        assertFalse(vm.runningProperty().get());
        assertEquals("empty is empty: put the images of each class in a sub-folder of its own", text(robot, "#train-data-problem"));
        assertEquals("Fix the marked fields, then Start again.", vm.messageProperty().get().text());
        assertTrue(view.fields.get(Field.DATA).getStyleClass().contains("field-wrong"));

        robot.interact(() -> view.fields.get(Field.DATA).setText(dir.resolve("nowhere").toString()));
        robot.interact(view.start::fire);
        assertEquals("no such folder: " + dir.resolve("nowhere"), text(robot, "#train-data-problem"));

        Files.writeString(empty.resolve("notes.txt"), "not a class");
        Files.createDirectories(empty.resolve("only-class"));
        robot.interact(() -> view.fields.get(Field.DATA).setText(empty.toString()));
        robot.interact(view.start::fire);
        assertEquals("only one class sub-folder (only-class): a classifier needs at least 2", text(robot, "#train-data-problem"));

        // numbers are checked as they are typed
        type(robot, "#train-resolution", "16");
        assertEquals("the resolution goes from 32 to 2048 px", text(robot, "#train-resolution-problem"));
        assertEquals("fix the network's numbers to see its size", vm.costProperty().get());
        type(robot, "#train-lr", "fast");
        assertEquals("“fast” is not a number", text(robot, "#train-lr-problem"));
        type(robot, "#train-epochs", "2.5");
        assertEquals("“2.5” is not a whole number", text(robot, "#train-epochs-problem"));
        robot.interact(() -> view.fields.get(Field.OUT).setText(empty.resolve("only-class").resolve("run").toString()));
        robot.interact(view.start::fire);
        assertEquals("not inside the data folder: it would become one of the classes", text(robot, "#train-out-problem"));
        assertFalse(vm.runningProperty().get());
        assertFalse(Files.exists(out));

        // two class folders without images pass the quick check; the data set's own error lands at the data folder
        Files.createDirectories(empty.resolve("other-class"));
        robot.interact(() -> {
            view.fields.get(Field.RESOLUTION).setText("64");
            view.fields.get(Field.LEARNING_RATE).setText("0.05");
            view.fields.get(Field.EPOCHS).setText("2");
        });
        robot.interact(() -> view.fields.get(Field.OUT).setText(out.toString()));
        assertEquals("", text(robot, "#train-resolution-problem"));
        robot.interact(view.start::fire);
        waitUntilIdle(30);
        assertEquals("no images (jpg, png, bmp, gif) under " + empty, text(robot, "#train-data-problem"));
        assertTrue(vm.messageProperty().get().error());
        assertFalse(Files.exists(out.resolve("checkpoint.json")));
    }

    private void fill(FxRobot robot, Path data, Path out, String width, String depth, String epochs, String batch) {
        robot.interact(() -> {
            view.fields.get(Field.DATA).setText(data.toString());
            view.fields.get(Field.OUT).setText(out.toString());
            view.fields.get(Field.WIDTH).setText(width);
            view.fields.get(Field.DEPTH).setText(depth);
            view.fields.get(Field.EPOCHS).setText(epochs);
            view.fields.get(Field.BATCH).setText(batch);
        });
    }

    /** Types into a text field as a user would: focus, select all, type. */
    private static void type(FxRobot robot, String id, String text) {
        javafx.scene.control.TextField t = robot.lookup(id).queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            t.requestFocus();
            t.selectAll();
        });
        robot.write(text);
    }

    private void pressCancelAndWait() {
        CountDownLatch pressed = new CountDownLatch(1);
        Platform.runLater(() -> {
            view.cancel.fire();
            pressed.countDown();
        });
        try {
            assertTrue(pressed.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private void waitUntilIdle(int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int lossPoints() {
        WaitForAsyncUtils.waitForFxEvents();
        return plot().getDataset(0).getItemCount(0);
    }

    private int validationPoints() {
        return plot().getDataset(1).getItemCount(1);
    }

    private XYPlot plot() {
        return view.chartBox.viewer().getChart().getXYPlot();
    }

    private static String text(FxRobot robot, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** With -Dtrainview.snapshots=DIR, the tab as it looks now, to judge by eye. */
    private void snapshot(String name) throws Exception {
        String to = System.getProperty("trainview.snapshots");
        if (to == null) return;
        java.awt.image.BufferedImage img = WaitForAsyncUtils.asyncFx(() -> javafx.embed.swing.SwingFXUtils.fromFXImage(
                window.root().getScene().snapshot(null), null)).get(30, TimeUnit.SECONDS);
        Files.createDirectories(Path.of(to));
        javax.imageio.ImageIO.write(img, "png", Path.of(to, name).toFile());
    }
}
