package org.scalinglab.ui.cam;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;
import org.scalinglab.app.ComparisonAgreement;
import org.scalinglab.app.ComparisonResult;
import org.scalinglab.app.LineupModel;
import org.scalinglab.app.MapAgreement;
import org.scalinglab.cam.DivergingColors;
import org.scalinglab.ui.BackgroundWorker;

/**
 * How far the models agree on the images in view: the rank correlation and the top-20 % overlap of every pair of maps
 * (the mean over the images, or one image), and the choice of a signed difference map (the compound model minus
 * another) that the grid shows as an extra column on request. The matrices are computed off the FX thread whenever a
 * comparison finishes.
 */
public final class AgreementPane extends ScrollPane {
    /** The compound model is the line-up's second column (as in the map-quality study). */
    static final int COMPOUND = 1;

    private final ReadOnlyObjectProperty<ComparisonResult> result;
    private final Runnable showGrid;
    private final BackgroundWorker worker = new BackgroundWorker("cam-agreement");
    private final VBox content = new VBox(10);
    private final ChoiceBox<String> image = new ChoiceBox<>();
    private final ChoiceBox<String> minus = new ChoiceBox<>();
    private final BooleanProperty differenceInGrid = new SimpleBooleanProperty(this, "differenceInGrid", false);
    private final IntegerProperty minusIndex = new SimpleIntegerProperty(this, "minusIndex", 0);
    private final FlowPane matrices = new FlowPane(24, 12);
    private volatile ComparisonAgreement.Agreement agreement;
    private long generation;

    /** @param showGrid brings the grid to the front (after "Show in the grid") */
    public AgreementPane(ReadOnlyObjectProperty<ComparisonResult> result, Runnable showGrid) {
        this.result = result;
        this.showGrid = showGrid;
        setId("cam-agreement");
        getStylesheets().add(CamStyles.URL);
        content.getStyleClass().add("cam-agreement");
        setContent(content);
        setFitToWidth(true);

        image.setId("cam-agreement-image");
        image.setTooltip(new Tooltip("The mean over the images in view, or one image"));
        image.getSelectionModel().selectedIndexProperty().addListener(o -> showMatrices());
        minus.setId("cam-agreement-minus");
        minus.setTooltip(new Tooltip("The model the compound model's map is compared with"));
        minus.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            if (now != null && now.intValue() >= 0) minusIndex.set(otherModels().get(now.intValue()));
        });

        // the two matrices side by side where the width allows
        matrices.prefWrapLengthProperty().bind(widthProperty().subtract(40));
        result.addListener((o, was, now) -> compute(now));
        compute(result.get());
    }

    /** Whether the grid shows the difference column. */
    public BooleanProperty differenceInGridProperty() { return differenceInGrid; }
    /** The column of the model the compound model is compared with. */
    public IntegerProperty minusIndexProperty() { return minusIndex; }
    /** Whether the matrices of the current comparison are on screen (screenshots wait for it). */
    public boolean ready() {
        return agreement != null || result.get() == null;
    }

    /** The agreement on screen; null while there is none. */
    ComparisonAgreement.Agreement agreement() { return agreement; }

    private void compute(ComparisonResult r) {
        long g = ++generation;
        agreement = null;
        if (r == null || r.rows().isEmpty()) {
            showEmpty("Drop or pick images first: the agreement is computed from the maps in the grid.");
            return;
        }
        showEmpty("Comparing the maps…");
        worker.submit(() -> {
            ComparisonAgreement.Agreement a = ComparisonAgreement.of(r);
            worker.onFx(() -> {
                if (g == generation) show(a, r);
            });
        });
    }

    private void showEmpty(String text) {
        Label l = new Label(text);
        l.setId("cam-agreement-empty");
        l.setWrapText(true);
        l.getStyleClass().add("explain");
        content.getChildren().setAll(title(), l);
    }

    private Label title() {
        Label t = new Label("Agreement between the models on the images in view");
        t.getStyleClass().add("section-title");
        return t;
    }

    private void show(ComparisonAgreement.Agreement a, ComparisonResult r) {
        agreement = a;
        List<String> images = new ArrayList<>();
        images.add(a.images().size() == 1 ? a.images().get(0) : "Mean over the " + a.images().size() + " images");
        if (a.images().size() > 1) images.addAll(a.images());
        int keep = Math.max(0, Math.min(image.getSelectionModel().getSelectedIndex(), images.size() - 1));
        image.getItems().setAll(images);
        image.getSelectionModel().select(keep);

        Label explain = wrapped("Every pair of maps on the square the models see, brought to one 56×56 grid. Rank correlation "
                + "(Spearman): 1 = the two maps order the pixels alike, 0 = unrelated, −1 = opposite. Overlap of the top 20 % "
                + "(IoU): how far the brightest fifths of the two maps coincide; 1 = the same region, and two unrelated maps give "
                + "about 0.11. A model without a map has no values (–).");
        HBox which = new HBox(8, caption("Images"), image);
        which.setAlignment(Pos.CENTER_LEFT);
        content.getChildren().setAll(title(), explain, which, matrices, differenceControls(r));
        showMatrices();
    }

    private void showMatrices() {
        ComparisonAgreement.Agreement a = agreement;
        if (a == null) return;
        int i = image.getSelectionModel().getSelectedIndex();
        MapAgreement.Matrix m = i <= 0 || a.images().size() == 1 ? (a.images().size() == 1 ? a.perImage().get(0) : a.mean())
                : a.perImage().get(i - 1);
        matrices.getChildren().setAll(matrix("Rank correlation", m.models(), m.rankCorrelation(), "cam-agreement-rho"),
                matrix("Overlap of the top 20 % (IoU)", m.models(), m.topRegionIoU(), "cam-agreement-iou"));
    }

    private static VBox matrix(String title, List<String> models, double[][] values, String id) {
        GridPane g = new GridPane();
        g.setId(id);
        g.getStyleClass().add("agreement-matrix");
        for (int j = 0; j < models.size(); j++) {
            Label h = new Label(models.get(j));
            h.setWrapText(true);
            h.setMaxWidth(90);
            h.getStyleClass().add("numbers-column");
            g.add(h, j + 1, 0);
        }
        for (int i = 0; i < models.size(); i++) {
            Label name = new Label(models.get(i));
            name.getStyleClass().add("numbers-model");
            name.setMinWidth(Label.USE_PREF_SIZE);
            g.add(name, 0, i + 1);
            for (int j = 0; j < models.size(); j++) {
                Label v = new Label(ComparisonAgreement.format(values[i][j]));
                v.getStyleClass().add("agreement-value");
                v.setMaxWidth(Double.MAX_VALUE);
                v.setMinWidth(Label.USE_PREF_SIZE);
                v.setBackground(new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(shade(values[i][j]), null, null)));
                v.setTooltip(new Tooltip(models.get(i) + " and " + models.get(j) + ": " + ComparisonAgreement.format(values[i][j])));
                g.add(v, j + 1, i + 1);
            }
        }
        Label t = new Label(title);
        t.getStyleClass().add("numbers-heading");
        return new VBox(4, t, g);
    }

    /** White at 0, blue towards 1, orange towards −1; grey for no value. */
    static Color shade(double v) {
        if (!Double.isFinite(v)) return Color.web("#e4e7ea");
        Color to = v >= 0 ? Color.web("#6a9fd8") : Color.web("#f0a060");
        return Color.WHITE.interpolate(to, Math.min(1, Math.abs(v)));
    }

    private VBox differenceControls(ComparisonResult r) {
        List<LineupModel> models = r.models();
        Label heading = new Label("Difference map");
        heading.getStyleClass().add("numbers-heading");
        if (models.size() <= COMPOUND) return new VBox(4, heading, wrapped("One model only: nothing to subtract."));
        List<String> names = new ArrayList<>();
        for (int k : otherModels()) names.add(models.get(k).label());
        // keep the chosen model (by its column) when a new comparison arrives
        int chosen = otherModels().indexOf(minusIndex.get());
        minus.getItems().setAll(names);
        minus.getSelectionModel().select(Math.max(0, chosen));
        ToggleButton inGrid = new ToggleButton("Show in the grid");
        inGrid.setId("cam-agreement-show");
        inGrid.setTooltip(new Tooltip("Adds a column to the grid: " + models.get(COMPOUND).label() + " minus the chosen model, image by image"));
        inGrid.selectedProperty().bindBidirectional(differenceInGrid);
        inGrid.setOnAction(e -> {
            if (inGrid.isSelected()) showGrid.run();
        });
        HBox row = new HBox(8, caption(models.get(COMPOUND).label() + " minus"), minus, inGrid);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, heading, wrapped("Each map scaled to 0–1 by its own range, then subtracted: red where "
                + models.get(COMPOUND).label() + " looks more, blue where the other model does, light grey where they agree; over a grey "
                + "copy of the photo."), row, legend(models.get(COMPOUND).label()));
    }

    /** The columns other than the compound model's. */
    private List<Integer> otherModels() {
        ComparisonResult r = result.get();
        List<Integer> out = new ArrayList<>();
        if (r == null) return out;
        for (int k = 0; k < r.models().size(); k++) if (k != COMPOUND) out.add(k);
        return out;
    }

    /** How many columns the grid adds for this pane (0 or 1). */
    int columnsInGrid(ComparisonResult r) {
        return differenceInGrid.get() && r != null && r.models().size() > COMPOUND && minusIndex.get() < r.models().size() ? 1 : 0;
    }

    /** After {@link CamGrid#show}: the difference column, when it is asked for. */
    void addDifferenceColumn(CamGrid grid, ComparisonResult r) {
        if (columnsInGrid(r) == 0) return;
        int other = minusIndex.get();
        String compound = r.models().get(COMPOUND).label();
        int side = (int) Math.round(grid.cellSide());
        Label title = new Label(compound + " − " + r.models().get(other).label());
        title.getStyleClass().add("cam-column-title");
        title.setWrapText(true);
        title.setMaxWidth(side);
        Button hide = new Button("Hide");
        hide.setId("cam-difference-hide");
        hide.setTooltip(new Tooltip("Take the difference column out of the grid"));
        hide.setOnAction(e -> differenceInGrid.set(false));
        VBox header = new VBox(2, title, legend(compound), hide);
        header.setAlignment(Pos.BOTTOM_CENTER);
        header.setPrefWidth(side);
        List<Node> cells = new ArrayList<>();
        for (int row = 0; row < r.rows().size(); row++) {
            BufferedImage d = ComparisonAgreement.difference(r, row, COMPOUND, other, side);
            Node cell;
            if (d == null) {
                Label note = new Label("no difference: one of the two models has no map here");
                note.setWrapText(true);
                note.setMaxWidth(side - 20);
                note.getStyleClass().add("cam-note");
                StackPane grey = new StackPane(note);
                grey.getStyleClass().add("cam-missing");
                grey.setMinSize(side, side);
                grey.setMaxSize(side, side);
                cell = grey;
            } else {
                ImageView view = new ImageView(SwingFXUtils.toFXImage(d, null));
                StackPane frame = new StackPane(view);
                frame.getStyleClass().add("cam-frame");
                frame.setMinSize(side, side);
                frame.setMaxSize(side, side);
                cell = frame;
            }
            cell.setId("difference-" + row);
            VBox box = new VBox(cell);
            box.setAlignment(Pos.TOP_CENTER);
            cells.add(box);
        }
        // beside the compound model's column (after the photo and the models before it), so it is in view at 1280 px
        grid.addColumn(COMPOUND + 2, header, cells);
    }

    /** The diverging scale: "other more" blue … 0 … red "compound more". */
    static HBox legend(String compound) {
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i <= 16; i++) {
            double[] c = DivergingColors.color(-1 + i / 8.0);
            stops.add(new Stop(i / 16.0, Color.color(c[0], c[1], c[2])));
        }
        Rectangle bar = new Rectangle(90, 12, new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops));
        bar.setStroke(Color.web("#8a959f"));
        bar.setStrokeWidth(0.5);
        Label low = new Label("other");
        Label high = new Label(shortName(compound));
        low.getStyleClass().add("explain");
        high.getStyleClass().add("explain");
        low.setMinWidth(Label.USE_PREF_SIZE);
        high.setMinWidth(Label.USE_PREF_SIZE);
        HBox box = new HBox(4, low, bar, high);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("difference-legend");
        return box;
    }

    private static String shortName(String label) {
        return label.toLowerCase(Locale.ROOT).startsWith("compound") ? "compound" : label;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("cam-caption");
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("explain");
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }
}
