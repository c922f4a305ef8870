package org.scalinglab.ui.train;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.scalinglab.app.TrainingChart;
import org.scalinglab.train.TrainingProgress;
import org.scalinglab.ui.ChartBox;
import org.scalinglab.ui.Explanation;
import org.scalinglab.ui.Message;
import org.scalinglab.ui.train.TrainViewModel.Field;

/**
 * The Train tab: the data, the network and the training settings on the left, each field with its own message;
 * Start and Cancel; on the right the progress bar and line, the result, and the live chart of loss, accuracy and
 * validation top-1. Everything it does goes through {@link TrainViewModel}.
 */
public final class TrainView extends SplitPane {
    final TrainViewModel vm;
    final Map<Field, TextField> fields = new EnumMap<>(Field.class);
    final Map<Field, Label> problems = new EnumMap<>(Field.class);
    final Button start = new Button("Start");
    final Button cancel = new Button("Cancel");
    final Label message = new Label();
    final ChartBox chartBox;
    TrainingChart chart;
    private final javafx.beans.value.ObservableDoubleValue chartScale;
    private int row;

    public TrainView(TrainViewModel vm, ObservableBooleanValue presenter) {
        this(vm, new org.scalinglab.ui.Density(presenter));
    }

    public TrainView(TrainViewModel vm, org.scalinglab.ui.Density density) {
        this.vm = vm;
        this.chartScale = density.chartScaleProperty();
        setId("train-view");
        chart = new TrainingChart(scale());
        chartBox = new ChartBox("train-chart", chart.chart(), text -> vm.say(text, true));
        getItems().addAll(form(), results());
        setDividerPositions(0.34);
        vm.reports().addListener((ListChangeListener<TrainingProgress>) c -> {
            boolean onlyAdded = true;
            while (c.next()) onlyAdded &= c.wasAdded() && !c.wasRemoved() && !c.wasReplaced();
            if (onlyAdded) {
                c.reset();
                while (c.next()) c.getAddedSubList().forEach(chart::add);
            } else {
                replay();
            }
        });
        chartScale.addListener(o -> {
            chart = new TrainingChart(scale());
            chartBox.setChart(chart.chart());
            replay();
        });
    }

    private double scale() {
        return chartScale.get();
    }

    private void replay() {
        chart.chart().setNotify(false);
        chart.clear();
        vm.reports().forEach(chart::add);
        chart.chart().setNotify(true);
    }

    // ---- the left side

    private ScrollPane form() {
        Label title = new Label("Train a network from scratch");
        title.getStyleClass().add("section-title");
        Label intro = Explanation.of("Any width, depth and resolution on your own images, with the trainer of the "
                + "train command: SGD with Nesterov momentum, one warm-up epoch then cosine decay, label smoothing 0.1. "
                + "A checkpoint is kept after every epoch: Start on the same output folder resumes.");

        GridPane grid = new GridPane();
        grid.getStyleClass().add("train-grid");
        grid.setHgap(8);
        grid.setVgap(4);
        ColumnConstraints captions = new ColumnConstraints();
        captions.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(captions, values, new ColumnConstraints());

        heading(grid, "Data");
        folderRow(grid, Field.DATA, "Data folder", "train-data", "The image folder: one sub-folder per class (JPEG, PNG, BMP, GIF), "
                + "or train/ and val/ holding them; without val/, 10 % of each class is held out for validation");
        numberRow(grid, Field.PER_CLASS, "Images per class", "train-per-class", "At most this many training images per class "
                + "(a quick run on a subset); 0 = all", "0 = all");

        heading(grid, "Network");
        numberRow(grid, Field.WIDTH, "Width w", "train-width", "Width multiplier: channels × w, rounded to multiples of 8 (B0 = 1.0)", "");
        numberRow(grid, Field.DEPTH, "Depth d", "train-depth", "Depth multiplier: layers per stage × d, rounded up (B0 = 1.0)", "");
        numberRow(grid, Field.RESOLUTION, "Resolution", "train-resolution", "Input side in pixels (B0 = 224)", "px");
        Label cost = boundLabel("train-cost", "train-cost", vm.costProperty(), false);
        grid.add(cost, 0, row++, 3, 1);

        heading(grid, "Training");
        numberRow(grid, Field.EPOCHS, "Epochs", "train-epochs", "Passes over the training images; a resumed run continues up to this", "");
        numberRow(grid, Field.BATCH, "Batch", "train-batch", "Images per step", "images");
        numberRow(grid, Field.LEARNING_RATE, "Learning rate", "train-lr", "Peak learning rate, reached after the warm-up epoch", "");
        numberRow(grid, Field.CLIP_NORM, "Clip norm", "train-clip-norm", "Gradients larger than this global norm are scaled down "
                + "to it (the progress line shows the norm as |g|); 0 = off", "0 = off");
        folderRow(grid, Field.OUT, "Output folder", "train-out", "Checkpoints after every epoch and the finished model.h5; "
                + "made if it does not exist");
        Label note = boundLabel("train-checkpoint", "explain", vm.checkpointNoteProperty(), true);
        grid.add(note, 0, row++, 3, 1);

        start.setId("train-start");
        start.setDefaultButton(false);
        start.getStyleClass().add("train-start");
        start.setTooltip(new Tooltip("Train (or resume from the output folder's checkpoint) on a background thread"));
        start.setOnAction(e -> vm.start());
        start.disableProperty().bind(vm.runningProperty());
        cancel.setId("train-cancel");
        cancel.setTooltip(new Tooltip("Stop after the current step; the last finished epoch stays in the output folder"));
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());
        HBox buttons = new HBox(8, start, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label same = Explanation.of("The same run from the command line:");
        Label cmd = boundLabel("train-command", "command", vm.commandProperty(), false);

        VBox box = new VBox(8, title, intro, grid, buttons, same, cmd);
        box.getStyleClass().addAll("controls", "train-form");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("train-form-scroll");
        return scroll;
    }

    /** A wrapping label showing a property; with {@code hideWhenEmpty} it takes no space while the text is empty. */
    private static Label boundLabel(String id, String styleClass, javafx.beans.value.ObservableValue<String> text, boolean hideWhenEmpty) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.textProperty().bind(text);
        if (hideWhenEmpty) {
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
        return l;
    }

    private void heading(GridPane grid, String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("section-title", "train-heading");
        grid.add(l, 0, row++, 3, 1);
    }

    private TextField field(GridPane grid, Field f, String caption, String id, String help) {
        Label c = new Label(caption);
        c.getStyleClass().add("train-caption");
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(vm.input(f));
        t.setTooltip(new Tooltip(help));
        c.setLabelFor(t);
        c.setTooltip(new Tooltip(help));
        grid.add(c, 0, row);
        grid.add(t, 1, row);
        fields.put(f, t);
        return t;
    }

    private void problemRow(GridPane grid, Field f, String id, int column) {
        Label p = boundLabel(id + "-problem", "field-problem", vm.problemProperty(f), true);
        grid.add(p, column, row++, 3 - column, 1);
        problems.put(f, p);
        TextField t = fields.get(f);
        vm.problemProperty(f).addListener((o, was, now) -> {
            if (now.isEmpty()) t.getStyleClass().remove("field-wrong");
            else if (!t.getStyleClass().contains("field-wrong")) t.getStyleClass().add("field-wrong");
        });
    }

    private void numberRow(GridPane grid, Field f, String caption, String id, String help, String unit) {
        TextField t = field(grid, f, caption, id, help);
        t.getStyleClass().add("train-number");
        t.setMaxWidth(Region.USE_PREF_SIZE);
        Label u = new Label(unit);
        u.getStyleClass().add("explain");
        grid.add(u, 2, row++);
        problemRow(grid, f, id, 1);
    }

    /** A folder's path gets a row of its own, the whole width of the form: paths are long. */
    private void folderRow(GridPane grid, Field f, String caption, String id, String help) {
        Label c = new Label(caption);
        c.getStyleClass().add("train-caption");
        c.setTooltip(new Tooltip(help));
        Button choose = new Button("Choose…");
        choose.setId(id + "-choose");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> chooseFolder(f, caption));
        choose.disableProperty().bind(vm.runningProperty());
        grid.add(c, 0, row);
        grid.add(choose, 2, row++);
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(vm.input(f));
        t.setTooltip(new Tooltip(help));
        t.setPromptText(f == Field.DATA ? "a folder with one sub-folder per class" : "where the checkpoints and model.h5 go");
        t.disableProperty().bind(vm.runningProperty());
        c.setLabelFor(t);
        grid.add(t, 0, row++, 3, 1);
        fields.put(f, t);
        problemRow(grid, f, id, 0);
    }

    private void chooseFolder(Field f, String caption) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(caption);
        String kind = f == Field.DATA ? org.scalinglab.ui.Folders.TRAIN_DATA : org.scalinglab.ui.Folders.TRAIN_OUT;
        org.scalinglab.ui.Folders.prepare(chooser, kind);
        try {
            String now = vm.input(f).get().strip();
            Path p = now.isEmpty() ? null : Path.of(now);
            while (p != null && !Files.isDirectory(p)) p = p.getParent();
            if (p != null) chooser.setInitialDirectory(p.toFile());
        } catch (RuntimeException ignored) {
            // a half-typed name: start where the chooser likes
        }
        File dir = org.scalinglab.ui.Folders.remember(kind, chooser.showDialog(getScene() == null ? null : getScene().getWindow()));
        if (dir != null) vm.input(f).set(dir.getAbsolutePath());
    }

    // ---- the right side

    private VBox results() {
        message.setId("train-message");
        message.getStyleClass().add("message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.managedProperty().bind(message.visibleProperty());
        vm.messageProperty().addListener((o, was, now) -> showMessage(now));
        showMessage(vm.messageProperty().get());

        ProgressBar bar = new ProgressBar();
        bar.setId("train-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty().or(vm.progressProperty().greaterThan(0)));
        bar.managedProperty().bind(bar.visibleProperty());
        bar.setPrefWidth(220);
        bar.setMinWidth(Region.USE_PREF_SIZE);
        Label status = boundLabel("train-status", "train-status", vm.statusProperty(), false);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox progressRow = new HBox(10, bar, status);
        progressRow.setAlignment(Pos.CENTER_LEFT);

        Label result = boundLabel("train-result", "results-summary", vm.resultProperty(), true);

        VBox.setVgrow(chartBox, Priority.ALWAYS);
        VBox box = new VBox(8, message, progressRow, result, chartBox);
        box.getStyleClass().add("train-results");
        return box;
    }

    private void showMessage(Message m) {
        message.setText(m.text());
        message.setVisible(!m.text().isEmpty());
        message.getStyleClass().removeAll("error", "notice");
        message.getStyleClass().add(m.error() ? "error" : "notice");
    }
}
