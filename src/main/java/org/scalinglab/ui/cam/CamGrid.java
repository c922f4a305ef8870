package org.scalinglab.ui.cam;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import java.util.function.Function;
import javafx.scene.layout.Region;
import org.scalinglab.app.ComparisonResult;
import org.scalinglab.app.LineupModel;
import org.scalinglab.app.PhotoClasses;
import org.scalinglab.app.RunEstimate;
import org.scalinglab.cam.CamMethod;
import org.scalinglab.cam.CamMethods;

/**
 * The comparison as a grid: a header per model (name, d/w/r, multiply-adds), then one row per image: the photo (and
 * whether it shows one of the models' classes), and per model its heatmap overlay with the class the map explains and
 * the top-5 — or, where the model has no weights, a grey cell saying why. After a change of method, layer or class the
 * cells with maps are marked out of date (the old map faded, "was: Grad-CAM at …", and where the new run has got to)
 * until the new maps are there.
 */
final class CamGrid extends GridPane {
    /** Side of a cell in pixels; presenter mode makes them larger so the bigger captions fit. */
    static final double CELL = 190;
    static final double PRESENTER_CELL = 240;
    /** Cells shrink to this so that all columns fit the window before a scroll bar appears. */
    static final double MIN_CELL = 150;
    private static final double GAP = 10;

    private final Consumer<Path> remove;
    private double cell = CELL;
    /** Columns added after {@link #show} (the difference map); the cell size leaves room for them. */
    private int extraColumns;
    private int columns;
    /** The step labels of the out-of-date cells, by their place in the run (row × models + column). */
    private final java.util.Map<Integer, Label> steps = new java.util.HashMap<>();
    private double secondsPerCell;

    CamGrid(Consumer<Path> remove) {
        this.remove = remove;
        setId("cam-grid");
        getStyleClass().add("cam-grid");
    }

    /**
     * @param images   the files of the result's rows, in order (for the remove buttons); may be shorter while a new run
     *                 is on its way
     * @param outdated "" when the maps are current, else what they are ("Grad-CAM at top_activation")
     * @param verdicts whether a photo shows one of the line-up's classes (null: nothing to say)
     */
    void show(List<LineupModel> lineup, ComparisonResult result, List<Path> images, boolean presenter, double availableWidth,
              String outdated, Function<Path, PhotoClasses.Verdict> verdicts) {
        steps.clear();
        List<LineupModel> models = result != null ? result.models() : lineup;
        cell = cellSize(presenter, availableWidth, models.size() + 1 + extraColumns);
        columns = models.size() + 1;
        getChildren().clear();
        if (!models.isEmpty()) add(header("Image", "", ""), 0, 0);
        for (int c = 0; c < models.size(); c++) {
            LineupModel m = models.get(c);
            add(header(m.label(), m.coefficients(), m.multiplyAdds()), c + 1, 0);
        }
        if (result == null) {
            Label hint = new Label("Drop photos here, open them, paste one (Ctrl+V), or click a sample image on the left.\n"
                    + "Each model then shows where it looks (the heatmap) and its five best guesses.");
            hint.getStyleClass().add("cam-hint");
            hint.setWrapText(true);
            hint.setId("cam-hint");
            add(hint, 0, 1, Math.max(1, models.size() + 1), 1);
            return;
        }
        CamMethod method = CamMethods.describe(result.method());
        for (int r = 0; r < result.rows().size(); r++) {
            ComparisonResult.Row row = result.rows().get(r);
            Path file = r < images.size() ? images.get(r) : null;
            PhotoClasses.Verdict verdict = file == null ? null : verdicts.apply(file);
            add(original(row, file, verdict), 0, r + 1);
            // a photo's class from its folder outranks what is (not) known of it as a sample
            String known = !row.trueLabel().isEmpty() ? row.trueLabel()
                    : verdict != null && verdict.kind() == PhotoClasses.Kind.KNOWN ? verdict.shown() : "";
            PhotoClasses.Verdict cellVerdict = row.trueLabel().isEmpty() ? verdict : null;
            for (int c = 0; c < row.cells().size(); c++) {
                VBox node = cell(row.cells().get(c), result.models().get(c).classNames(), method, cellVerdict, known);
                if (!outdated.isEmpty() && row.cells().get(c).overlay() != null) markOutdated(node, outdated, r * models.size() + c);
                node.setId("cell-" + r + "-" + c);
                add(node, c + 1, r + 1);
            }
        }
    }

    void setExtraColumns(int n) {
        extraColumns = n;
    }

    int extraColumns() {
        return extraColumns;
    }

    double cellSide() {
        return cell;
    }

    /** A column at {@code at} (the columns from there on move one to the right): its header, then one node per image row. */
    void addColumn(int at, Node header, List<Node> cells) {
        int c = Math.max(0, Math.min(at, columns));
        for (Node n : getChildren()) {
            Integer i = getColumnIndex(n);
            if (i != null && i >= c) setColumnIndex(n, i + 1);
        }
        columns++;
        add(header, c, 0);
        for (int r = 0; r < cells.size(); r++) add(cells.get(r), c, r + 1);
    }

    /** The map is not the current method's: faded, said so, and where the run that replaces it has got to. */
    private void markOutdated(VBox node, String was, int place) {
        node.getStyleClass().add("cam-out-of-date");
        for (Node n : node.lookupAll(".cam-overlay")) {
            n.getStyleClass().setAll("cam-overlay-old");
            n.setOpacity(0.3);
        }
        Label wasLabel = new Label("was: " + was);
        wasLabel.getStyleClass().add("cam-was");
        wasLabel.setWrapText(true);
        wasLabel.setMaxWidth(cell);
        Label step = new Label();
        step.getStyleClass().add("cam-step");
        step.setWrapText(true);
        step.setMaxWidth(cell);
        // on the faded map, where the eye is
        VBox over = new VBox(2, wasLabel, step);
        over.setAlignment(Pos.CENTER);
        over.getStyleClass().add("cam-stale-box");
        over.setMaxSize(cell - 8, Region.USE_PREF_SIZE);
        if (node.getChildren().get(0) instanceof StackPane frame) frame.getChildren().add(over);
        steps.put(place, step);
    }

    /**
     * Where the run replacing the out-of-date maps has got to: {@code done} cells finished (-1: not running), about
     * {@code secondsPerCell} each (0: not estimated).
     */
    void showProgress(double done, double secondsPerCell, boolean running) {
        this.secondsPerCell = secondsPerCell;
        for (var e : steps.entrySet()) {
            int place = e.getKey();
            String text;
            if (done < 0) text = running ? "waiting" : "not recomputed yet";
            else if (place < done) text = "new map ready";
            else if (place < done + 1) text = "computing now" + (secondsPerCell > 0 ? " (about " + RunEstimate.duration(secondsPerCell) + ")" : "") + "…";
            else text = "waiting";
            e.getValue().setText(text);
        }
    }

    /** The largest cell up to the preferred size at which all columns fit the width, but not below MIN_CELL. */
    static double cellSize(boolean presenter, double availableWidth, int columns) {
        double preferred = presenter ? PRESENTER_CELL : CELL;
        if (!(availableWidth > 0) || columns < 1) return preferred;
        double padding = presenter ? 36 : 24; // the grid's 0.8em left and right at 20 or 13 px fonts
        double fit = Math.floor((availableWidth - padding - GAP * (columns - 1)) / columns);
        return Math.max(MIN_CELL, Math.min(preferred, fit));
    }

    private VBox header(String title, String coefficients, String cost) {
        Label t = new Label(title);
        t.getStyleClass().add("cam-column-title");
        t.setWrapText(true);
        t.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        t.setMaxWidth(cell);
        t.setAlignment(Pos.CENTER);
        Label d = new Label(coefficients);
        d.getStyleClass().add("cam-column-detail");
        Label m = new Label(cost);
        m.getStyleClass().add("cam-column-detail");
        for (Label l : List.of(d, m)) {
            // narrow cells (presenter mode) wrap rather than cut the numbers off
            l.setWrapText(true);
            l.setMaxWidth(cell);
            l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        }
        VBox box = new VBox(1, t, d, m);
        box.setAlignment(Pos.BOTTOM_CENTER);
        box.setPrefWidth(cell);
        box.getStyleClass().add("cam-header");
        return box;
    }

    private VBox original(ComparisonResult.Row row, Path file, PhotoClasses.Verdict verdict) {
        ImageView view = new ImageView(SwingFXUtils.toFXImage(row.original(), null));
        fit(view);
        Label name = new Label(row.name());
        name.getStyleClass().add("cam-image-name");
        name.setMaxWidth(cell);
        name.setWrapText(true);
        name.setAlignment(Pos.CENTER);
        name.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        name.setTooltip(new Tooltip(file == null ? row.name() : file.toString()));
        VBox box = new VBox(4, frame(view), name);
        if (!row.trueLabel().isEmpty()) {
            box.getChildren().add(FolderSource.trueLabel(row.trueLabel(), cell));
        } else if (verdict != null) {
            Label fits = new Label(verdict.rowNote());
            fits.getStyleClass().addAll("cam-photo-class", "cam-photo-" + verdict.kind().name().toLowerCase(Locale.ROOT));
            fits.setWrapText(true);
            fits.setMaxWidth(cell);
            box.getChildren().add(fits);
        }
        if (file != null) {
            Button x = new Button("Remove");
            x.getStyleClass().add("cam-remove");
            x.setTooltip(new Tooltip("Take " + row.name() + " out of the comparison"));
            x.setOnAction(e -> remove.accept(file));
            box.getChildren().add(x);
        }
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    /** @param known the class the photo shows ("" when not known): the top-1 is marked right (✓) or wrong (✗) against it */
    private VBox cell(ComparisonResult.Cell c, List<String> classNames, CamMethod method, PhotoClasses.Verdict verdict, String known) {
        VBox box = new VBox(3);
        box.setAlignment(Pos.TOP_CENTER);
        box.getStyleClass().add("cam-cell");
        if (c.overlay() == null) {
            Label note = new Label(c.note());
            note.setWrapText(true);
            note.getStyleClass().add("cam-note");
            note.setMaxWidth(cell - 20);
            StackPane grey = new StackPane(note);
            grey.getStyleClass().add("cam-missing");
            grey.setMinSize(cell, cell);
            grey.setMaxSize(cell, cell);
            box.getChildren().add(grey);
        } else {
            ImageView view = new ImageView(SwingFXUtils.toFXImage(c.overlay(), null));
            fit(view);
            view.getStyleClass().add("cam-overlay");
            box.getChildren().add(frame(view));
            // Eigen-CAM's map is the activations' first principal component: the same whatever the class
            Label target = new Label(method.classSpecific() ? "map of: " + c.targetLabel(classNames)
                    : method.title() + ": no class (first principal component)");
            target.getStyleClass().add("cam-target");
            target.setMaxWidth(cell);
            target.setWrapText(true);
            target.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(target);
            if (verdict != null && !verdict.cellNote().isEmpty()) {
                Label warning = new Label(verdict.cellNote());
                warning.getStyleClass().addAll("cam-class-warning", "cam-photo-" + verdict.kind().name().toLowerCase(Locale.ROOT));
                warning.setWrapText(true);
                warning.setMaxWidth(cell);
                box.getChildren().add(warning);
            }
        }
        for (int i = 0; i < c.top5().size(); i++) {
            LineupModel.Prediction p = c.top5().get(i);
            boolean marked = i == 0 && !known.isEmpty();
            boolean right = p.label().equals(known);
            Label l = new Label(String.format(Locale.ROOT, "%s%d. %s  %.1f%%", marked ? (right ? "✓ " : "✗ ") : "", i + 1, p.label(),
                    100 * p.probability()));
            l.getStyleClass().add(i == 0 ? "cam-top1" : "cam-prediction");
            if (marked) l.getStyleClass().add(right ? "cam-top1-right" : "cam-top1-wrong");
            l.setMaxWidth(cell);
            l.setWrapText(true);
            l.setTooltip(new Tooltip("class " + p.index() + ": " + p.label() + (marked ? (right ? " (right: the photo shows " + known + ")"
                    : " (wrong: the photo shows " + known + ")") : "")));
            box.getChildren().add(l);
        }
        return box;
    }

    private void fit(ImageView view) {
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setFitWidth(cell);
        view.setFitHeight(cell);
    }

    /** A fixed square, so rows line up whatever the photo's shape. */
    private StackPane frame(ImageView view) {
        StackPane p = new StackPane(view);
        p.setMinSize(cell, cell);
        p.setMaxSize(cell, cell);
        p.getStyleClass().add("cam-frame");
        return p;
    }
}
