package org.scalinglab.ui.cam;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.scalinglab.app.AppHome;
import org.scalinglab.app.MapQualityNumbers;
import org.scalinglab.app.MapQualityNumbers.Measure;
import org.scalinglab.train.Imagenette;
import org.scalinglab.ui.BackgroundWorker;

/**
 * "The numbers behind the maps": the study's map-quality measurement beside the grid. Per model the means with their
 * 95 % intervals (as numbers and as small bars on one axis per measure), the compound model minus each other model
 * with a verdict per cell, and a one-line reading; or, when the measurement is not there, the command that makes it.
 * The file is read off the FX thread; "Read again" picks up a new one.
 */
public final class MapNumbersPane extends ScrollPane {
    private final Supplier<Path> file;
    private final Path imagenette;
    private final VBox content = new VBox(10);
    private final BackgroundWorker worker = new BackgroundWorker("map-numbers");
    private volatile MapQualityNumbers.View view;

    /** The bundled study's measurement. */
    public MapNumbersPane() {
        this(() -> MapQualityNumbers.fileOf(AppHome.studyDir()), Imagenette.standard().dir().resolve(Imagenette.FOLDER));
    }

    /**
     * @param file       where quality.json is (asked again on every read)
     * @param imagenette the folder the command names for the images
     */
    public MapNumbersPane(Supplier<Path> file, Path imagenette) {
        this.file = file;
        this.imagenette = imagenette;
        setId("cam-numbers");
        getStyleClass().add("cam-numbers-scroll");
        getStylesheets().add(CamStyles.URL);
        content.getStyleClass().add("cam-numbers");
        setContent(content);
        setFitToWidth(true);
        content.getChildren().add(new Label("Reading the measurement…"));
        reload();
    }

    /** The view on screen; null until the first read has ended. */
    MapQualityNumbers.View view() {
        return view;
    }

    /** Reads the file again in the background and shows it. */
    public void reload() {
        Path f = file.get();
        worker.submit(() -> {
            MapQualityNumbers.View v = MapQualityNumbers.load(f, imagenette);
            worker.onFx(() -> show(v));
        });
    }

    void show(MapQualityNumbers.View v) {
        List<javafx.scene.Node> nodes = new ArrayList<>();
        Label title = new Label(v.title());
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        nodes.add(title);
        if (!v.present()) {
            nodes.addAll(missing(v));
        } else {
            if (!v.stale().isEmpty()) {
                Label stale = wrapped("⚠ " + v.stale(), "numbers-missing");
                stale.setId("cam-numbers-stale");
                nodes.add(stale);
            }
            Label subtitle = wrapped(v.subtitle(), "explain");
            Label reading = wrapped(v.reading(), "numbers-reading");
            reading.setId("cam-numbers-reading");
            nodes.add(subtitle);
            nodes.add(reading);
            // the question first: the compound model against each other one on the same images
            nodes.add(wrapped(v.compound() + " minus each other model, image by image on all " + v.report().images()
                    + " images", "numbers-heading"));
            nodes.add(table(v.differences(), true, "cam-numbers-differences"));
            nodes.add(wrapped("Per model, over the images it gets right", "numbers-heading"));
            nodes.add(table(v.models(), false, "cam-numbers-models"));
            nodes.add(wrapped("Deletion: the class score as the map's brightest pixels are removed first (area under the curve; lower means "
                    + "the map found what the model uses). Insertion: the score as they are put back into a blurred image (higher is better). "
                    + "Average drop: how much confidence falls when only the map's part of the image is kept. Share in top 20 %: how much "
                    + "of the map lies in its brightest fifth (0.2 is a flat map). An interval that holds zero is no difference at this "
                    + "sample size.", "explain"));
            nodes.add(wrapped("From " + v.file() + ". Remake it with: " + v.command(), "explain"));
        }
        nodes.add(buttons(v));
        content.getChildren().setAll(nodes);
        view = v; // last: a reader that sees the view finds its nodes
    }

    private List<javafx.scene.Node> missing(MapQualityNumbers.View v) {
        Label why = wrapped(v.missing(), "numbers-missing");
        why.setId("cam-numbers-missing");
        Label how = wrapped("It measures every study model on the same Imagenette validation images (50 per class): how faithful "
                + "each map is (deletion and insertion AUC, average drop) and how concentrated, with 95 % intervals, and the compound "
                + "model minus each other one. Make it with this command (it takes a while; Ctrl+C stops it and the same command resumes):",
                "explain");
        TextField command = new TextField(v.command());
        command.setEditable(false);
        command.setId("cam-numbers-command");
        command.getStyleClass().add("command");
        HBox.setHgrow(command, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setTooltip(new Tooltip("Copy the command to the clipboard"));
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(v.command());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        });
        HBox row = new HBox(6, command, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        return List.of(why, how, row);
    }

    private HBox buttons(MapQualityNumbers.View v) {
        Button again = new Button("Read again");
        again.setId("cam-numbers-reload");
        again.setTooltip(new Tooltip("Read " + v.file() + " again (after the command has made or remade it)"));
        again.setOnAction(e -> reload());
        HBox box = new HBox(6, again);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Label, detail, then one cell per measure: the numbers over a bar on the column's axis. */
    private static GridPane table(List<MapQualityNumbers.Row> rows, boolean differences, String id) {
        GridPane g = new GridPane();
        g.setId(id);
        g.getStyleClass().add("numbers-table");
        Measure[] measures = Measure.values();
        g.add(header(differences ? "" : "Model", ""), 0, 0);
        if (!differences) g.add(header("Right", ""), 1, 0);
        int first = differences ? 1 : 2;
        for (int k = 0; k < measures.length; k++) {
            g.add(header(measures[k].title(), differences ? differenceNote(measures[k]) : measures[k].note()), first + k, 0);
            List<double[]> values = new ArrayList<>();
            for (MapQualityNumbers.Row r : rows) {
                MapQualityNumbers.Cell c = r.cells().get(k);
                values.add(new double[] {c.mean(), c.low(), c.high()});
            }
            Double reference = differences ? Double.valueOf(0) : measures[k] == Measure.TOP_SHARE ? 0.2 : null;
            double[] axis = IntervalBar.axis(values, reference);
            for (int i = 0; i < rows.size(); i++) {
                g.add(cell(rows.get(i).cells().get(k), axis, reference, differences ? measures[k] : null), first + k, i + 1);
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            Label name = new Label(rows.get(i).label());
            name.getStyleClass().add("numbers-model");
            name.setMinWidth(Label.USE_PREF_SIZE);
            g.add(name, 0, i + 1);
            if (!differences) {
                Label right = new Label(rows.get(i).detail());
                right.setMinWidth(Label.USE_PREF_SIZE);
                g.add(right, 1, i + 1);
            }
        }
        for (javafx.scene.Node n : g.getChildren()) GridPane.setFillWidth(n, true);
        for (int c = 0; c < first + measures.length; c++) {
            javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
            if (c >= first) cc.setHgrow(Priority.ALWAYS);
            g.getColumnConstraints().add(cc);
        }
        return g;
    }

    private static String differenceNote(Measure m) {
        Boolean higher = m.higherIsBetter();
        if (higher == null) return "above 0: compound more concentrated";
        return higher ? "above 0: compound better" : "below 0: compound better";
    }

    private static VBox header(String title, String note) {
        Label t = new Label(title);
        t.getStyleClass().add("numbers-column");
        t.setMinWidth(Label.USE_PREF_SIZE);
        Label n = new Label(note);
        n.getStyleClass().add("explain");
        n.setWrapText(true);
        VBox box = new VBox(0, t, n);
        box.setAlignment(Pos.BOTTOM_LEFT);
        return box;
    }

    private static VBox cell(MapQualityNumbers.Cell c, double[] axis, Double reference, Measure difference) {
        Label text = new Label(c.text());
        text.getStyleClass().add("numbers-value");
        text.setMinWidth(Label.USE_PREF_SIZE);
        IntervalBar bar = new IntervalBar(c.mean(), c.low(), c.high(), axis, reference);
        bar.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(1, text, bar);
        box.getStyleClass().add("numbers-cell");
        if (difference != null) {
            Label verdict = new Label(verdictText(c.verdict()));
            verdict.getStyleClass().add("numbers-verdict");
            box.getChildren().add(verdict);
            box.getStyleClass().add("verdict-" + c.verdict().name().toLowerCase(java.util.Locale.ROOT));
        }
        return box;
    }

    static String verdictText(MapQualityNumbers.Verdict v) {
        return switch (v) {
            case BETTER -> "compound better";
            case WORSE -> "compound worse";
            case HIGHER -> "compound more concentrated";
            case LOWER -> "compound less concentrated";
            case UNCLEAR -> "no clear difference";
        };
    }

    private static Label wrapped(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }

    /** Stops the reader thread (the window is closing). */
    public void close() {
        worker.close();
    }
}
