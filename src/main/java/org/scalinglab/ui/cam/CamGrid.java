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
import org.scalinglab.app.ComparisonResult;
import org.scalinglab.app.LineupModel;

/**
 * The comparison as a grid: a header per model (name, d/w/r, multiply-adds), then one row per image: the photo,
 * and per model its heatmap overlay with the class the map explains and the top-5 — or, where the model has no
 * weights, a grey cell saying why.
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

    CamGrid(Consumer<Path> remove) {
        this.remove = remove;
        setId("cam-grid");
        getStyleClass().add("cam-grid");
    }

    /**
     * @param images the files of the result's rows, in order (for the remove buttons); may be shorter while a new run
     *               is on its way
     */
    void show(List<LineupModel> lineup, ComparisonResult result, List<Path> images, boolean presenter, double availableWidth) {
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
        for (int r = 0; r < result.rows().size(); r++) {
            ComparisonResult.Row row = result.rows().get(r);
            add(original(row, r < images.size() ? images.get(r) : null), 0, r + 1);
            for (int c = 0; c < row.cells().size(); c++) {
                Node node = cell(row.cells().get(c), result.models().get(c).classNames());
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

    private VBox original(ComparisonResult.Row row, Path file) {
        ImageView view = new ImageView(SwingFXUtils.toFXImage(row.original(), null));
        fit(view);
        Label name = new Label(row.name());
        name.getStyleClass().add("cam-image-name");
        name.setMaxWidth(cell);
        name.setAlignment(Pos.CENTER);
        name.setTooltip(new Tooltip(file == null ? row.name() : file.toString()));
        VBox box = new VBox(4, frame(view), name);
        if (!row.trueLabel().isEmpty()) box.getChildren().add(FolderSource.trueLabel(row.trueLabel(), cell));
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

    private VBox cell(ComparisonResult.Cell c, List<String> classNames) {
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
            Label target = new Label("map of: " + c.targetLabel(classNames));
            target.getStyleClass().add("cam-target");
            target.setMaxWidth(cell);
            target.setWrapText(true);
            target.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(target);
        }
        for (int i = 0; i < c.top5().size(); i++) {
            LineupModel.Prediction p = c.top5().get(i);
            Label l = new Label(String.format(Locale.ROOT, "%d. %s  %.1f%%", i + 1, p.label(), 100 * p.probability()));
            l.getStyleClass().add(i == 0 ? "cam-top1" : "cam-prediction");
            l.setMaxWidth(cell);
            l.setWrapText(true);
            l.setTooltip(new Tooltip("class " + p.index() + ": " + p.label()));
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
