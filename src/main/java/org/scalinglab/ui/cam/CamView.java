package org.scalinglab.ui.cam;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;
import org.scalinglab.cam.CamMethods;
import org.scalinglab.cam.Colormap;
import org.scalinglab.cam.Heatmap;
import org.scalinglab.tf.Signatures;
import org.scalinglab.ui.Density;
import javafx.scene.layout.FlowPane;
import org.scalinglab.app.ComparisonRunner;
import org.scalinglab.scaling.OfficialModel;
import org.scalinglab.ui.Message;

/**
 * The CAM comparison tab: photos in on the left (drop zone, Open…, Paste, sample gallery), the model and CAM
 * controls on top, the grid in the middle with its colour legend, progress, Cancel and figure export at the bottom.
 * Everything it does goes through {@link CamViewModel}; nothing here waits for a model.
 *
 * <p>Readable from 1280×720 up, in presenter mode too: the control rows wrap instead of cutting their text, and once
 * there are maps to show, the side panel folds away (its ◀ button stays) when the grid would otherwise get cells
 * smaller than it wants, so larger text never makes smaller maps.
 */
public final class CamView extends BorderPane {
    final CamViewModel vm;
    final CamGrid grid;
    final VBox dropZone;
    final ChoiceBox<CamViewModel.Source> source = new ChoiceBox<>();
    final ChoiceBox<OfficialModel> official = new ChoiceBox<>();
    final ComboBox<String> method = new ComboBox<>();
    /** 1000 ImageNet classes are too many to scroll: ControlsFX's combo filters them as you type. */
    private final ScrollPane gridScroll;
    final SearchableComboBox<String> targetClass = new SearchableComboBox<>();
    final ComboBox<String> layer = new ComboBox<>();
    final ChoiceBox<Colormap> colormap = new ChoiceBox<>();
    final Slider alpha = new Slider(0, 1, 0.5);
    final ChoiceBox<Integer> dpi = new ChoiceBox<>();
    final Label message = new Label();
    private final ColorLegend legend = new ColorLegend();
    final CamTabs tabs;
    final MapNumbersPane numbers = new MapNumbersPane();
    final AgreementPane agreement;
    final FolderSource folders;

    final ChoiceBox<Heatmap.Scaling> scale = new ChoiceBox<>();
    final Label notes = new Label();
    final Button sideToggle = new Button();
    private final ScrollPane leftScroll;
    /** The user's own choice of side panel, until the next change of size or mode; null: automatic. */
    private Boolean sideChoice;

    private final javafx.beans.value.ObservableBooleanValue presenter;
    private final Density density;

    public CamView(CamViewModel vm, javafx.beans.value.ObservableBooleanValue presenter, Density density) {
        this.vm = vm;
        this.presenter = presenter;
        this.density = density;
        setId("cam-view");
        getStyleClass().add("cam-view");
        grid = new CamGrid(vm::removeImage);
        dropZone = dropZone();

        folders = new FolderSource(vm::addImages, vm::showProblem, org.scalinglab.train.Imagenette::standard);
        VBox left = new VBox(10, dropZone, imageButtons(), folders, new SampleGallery(p -> vm.addImages(List.of(p)), vm::verdict,
                vm.lineupProperty()));
        left.getStyleClass().add("cam-side");
        leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        leftScroll.getStyleClass().add("cam-side-scroll");
        sideToggle.setId("cam-side-toggle");
        sideToggle.getStyleClass().add("side-toggle");
        sideToggle.setMaxHeight(Double.MAX_VALUE);
        sideToggle.setOnAction(e -> {
            sideChoice = !leftScroll.isVisible();
            arrange();
        });
        HBox side = new HBox(leftScroll, sideToggle);
        side.setFillHeight(true);
        setLeft(side);

        message.setId("cam-message");
        message.setWrapText(true);
        message.getStyleClass().add("message");
        message.managedProperty().bind(message.visibleProperty());
        vm.messageProperty().addListener((o, was, now) -> showMessage(now));
        showMessage(vm.messageProperty().get());
        notes.setId("cam-notes");
        notes.setTooltip(new Tooltip(NOTES_WHY));
        notes.getTooltip().setWrapText(true);
        notes.getTooltip().setMaxWidth(560);
        notes.getStyleClass().add("explain");
        notes.setWrapText(true);
        notes.setMinHeight(Region.USE_PREF_SIZE);
        // on a short window (1280×720 in presenter mode) the notes give their lines to the first row of maps and
        // move into the method's tooltip
        javafx.beans.binding.BooleanBinding roomy = heightProperty().greaterThanOrEqualTo(
                javafx.beans.binding.Bindings.when(presenter).then(NOTES_MIN_HEIGHT * 1.5).otherwise(NOTES_MIN_HEIGHT));
        notes.visibleProperty().bind(notes.textProperty().isNotEmpty().and(roomy));
        notes.managedProperty().bind(notes.visibleProperty());
        notes.visibleProperty().addListener(o -> updateMethodTip());
        notes.textProperty().addListener(o -> updateMethodTip());
        VBox top = new VBox(6, modelRow(), knownClasses(), camRow(), notes, confirmBar(), message);
        top.getStyleClass().add("cam-controls");
        setTop(top);

        gridScroll = new ScrollPane(grid);
        gridScroll.getStyleClass().add("cam-grid-scroll");
        // cells shrink to fit the window's width; rebuild only when the cell size actually changes
        gridScroll.viewportBoundsProperty().addListener((o, was, now) -> {
            if (was == null || cellSizeFor(was.getWidth()) != cellSizeFor(now.getWidth())) refresh();
        });
        BorderPane center = new BorderPane(gridScroll);
        center.setTop(legend);
        tabs = new CamTabs(center);
        tabs.add("Numbers behind the maps", "cam-numbers-tab", numbers);
        agreement = new AgreementPane(vm.resultProperty(), () -> tabs.show("cam-maps-tab"));
        tabs.add("Agreement", "cam-agreement-tab", agreement);
        org.scalinglab.ui.LazyTab.content(tabs.add("Study", "cam-study-tab", null), () -> StudyPane.bundled(presenter, vm::showProblem));
        agreement.differenceInGridProperty().addListener(o -> refresh());
        agreement.minusIndexProperty().addListener(o -> refresh());
        setCenter(tabs);
        setBottom(statusRow());

        vm.resultProperty().addListener(o -> refresh());
        vm.lineupProperty().addListener(o -> refresh());
        vm.outdatedProperty().addListener(o -> refresh());
        presenter.addListener(o -> refresh());
        vm.colormapProperty().addListener(o -> refreshLegend());
        vm.scaleProperty().addListener(o -> refreshLegend());
        vm.cellsDoneProperty().addListener(o -> showProgress());
        vm.secondsPerCellProperty().addListener(o -> showProgress());
        vm.runningProperty().addListener(o -> showProgress());
        vm.outdatedProperty().addListener(o -> refreshLegend());
        vm.methodProperty().addListener(o -> updateNotes());
        vm.layerProperty().addListener(o -> updateNotes());
        vm.lineupProperty().addListener(o -> updateLayerTip());
        vm.layerProperty().addListener(o -> updateLayerTip());
        updateNotes();
        updateLayerTip();
        refresh();

        // the side panel follows the window's width, the font and whether there are maps to make room for
        widthProperty().addListener((o, was, now) -> {
            sideChoice = null;
            arrange();
        });
        density.fontSizeProperty().addListener(o -> {
            sideChoice = null;
            arrange();
        });
        vm.resultProperty().addListener((o, was, now) -> {
            if ((was == null) != (now == null)) arrange();
        });
        arrange();

        // a drop anywhere on the tab counts, the zone is where it says so
        setOnDragOver(this::dragOver);
        setOnDragDropped(this::dropped);
        setOnDragEntered(e -> dropZone.getStyleClass().add("drag-over"));
        setOnDragExited(e -> dropZone.getStyleClass().remove("drag-over"));
    }

    private double cellSizeFor(double width) {
        var r = vm.resultProperty().get();
        int columns = (r != null ? r.models() : vm.lineupProperty().get()).size() + 1 + grid.extraColumns();
        return CamGrid.cellSize(presenter.get(), width, columns);
    }

    private void refresh() {
        grid.setExtraColumns(agreement.columnsInGrid(vm.resultProperty().get()));
        grid.show(vm.lineupProperty().get(), vm.resultProperty().get(), vm.images(), presenter.get(),
                gridScroll.getViewportBounds().getWidth(), vm.outdatedProperty().get(), vm::verdict);
        agreement.addDifferenceColumn(grid, vm.resultProperty().get());
        showProgress();
        refreshLegend();
    }

    private void refreshLegend() {
        legend.show(vm.colormapProperty().get(), vm.resultProperty().get(), vm.scaleProperty().get(), !vm.outdatedProperty().get().isEmpty());
    }

    private void showProgress() {
        grid.showProgress(vm.cellsDoneProperty().get(), vm.secondsPerCellProperty().get(), vm.runningProperty().get());
    }

    /**
     * Shows the side panel unless there are maps and, with it, the grid's cells would be clearly smaller than they want
     * to be (a 1280-pixel projector); the ◀/▶ button overrides this until the next change of size or mode.
     */
    private void arrange() {
        double w = getWidth();
        boolean shown;
        if (sideChoice != null) {
            shown = sideChoice;
        } else if (w <= 0 || vm.resultProperty().get() == null) {
            shown = true;
        } else {
            int columns = vm.resultProperty().get().models().size() + 1;
            double em = density.fontSizeProperty().get();
            double sideWidth = Math.max(leftScroll.getWidth(), 20 * em);
            double withSide = w - sideWidth - 2.5 * em;
            double preferred = presenter.get() ? CamGrid.PRESENTER_CELL : CamGrid.CELL;
            // a few pixels less are worth the photos at hand (1920×1080 in presenter mode: 234 of 240 px)
            shown = CamGrid.cellSize(presenter.get(), withSide, columns) >= 0.95 * preferred;
        }
        if (shown == leftScroll.isVisible() && sideToggle.getText() != null && !sideToggle.getText().isEmpty()) return;
        leftScroll.setVisible(shown);
        leftScroll.setManaged(shown);
        sideToggle.setText(shown ? "◀" : "▶");
        sideToggle.setTooltip(new Tooltip(shown ? "Hide the photos panel: more room for the maps"
                : "Show the photos panel (drop zone, Open…, Paste, sample images)"));
    }

    /** The CAM tab's height below which the notes line is left out (times 1.5 in presenter mode). */
    static final double NOTES_MIN_HEIGHT = 560;
    static final String METHOD_TIP = "How the map is made: Grad-CAM weighs the layer's channels by the gradient of the class score";

    /** The method's tooltip, with the notes when they are not shown. */
    private void updateMethodTip() {
        method.setTooltip(new Tooltip(notes.isVisible() || notes.getText().isEmpty() ? METHOD_TIP : METHOD_TIP + ".\n\n" + notes.getText()));
        method.getTooltip().setWrapText(true);
        method.getTooltip().setMaxWidth(560);
    }

    /** What the method and layer mean, where two methods coincide and where a map names no class. */
    private void updateNotes() {
        notes.setText(notesText(vm.methodProperty().get(), vm.layerProperty().get()));
    }

    static String notesText(String method, String layer) {
        StringBuilder b = new StringBuilder();
        if (Signatures.DEFAULT_CAM_LAYER.equals(layer)) {
            b.append("At ").append(layer).append(", Grad-CAM, XGrad-CAM and CAM give the same map (up to scale). ");
        }
        if (Signatures.DEFAULT_CAM_LAYER.equals(layer) || "eigencam".equals(method)) {
            b.append("Eigen-CAM does not depend on the class (first principal component of the activations).");
        }
        return b.toString().strip();
    }

    /** Why, for the notes' tooltip. */
    static final String NOTES_WHY = "After global average pooling, the gradient of a class score at every position of "
            + "top_activation is the classifier's weight for that channel (divided by the number of positions): Grad-CAM's "
            + "and XGrad-CAM's channel weights are then CAM's, and the three maps differ only by a factor. Eigen-CAM takes "
            + "the first principal component of the layer's activations, which no class enters: its map is the same "
            + "whichever class is asked for.";

    /** The layer's map size for each model at its own input resolution (the study's models run at 160–209 px). */
    private void updateLayerTip() {
        layer.setTooltip(new Tooltip(layerTip(vm.lineupProperty().get(), vm.layerProperty().get())));
    }

    static String layerTip(List<org.scalinglab.app.LineupModel> lineup, String layerName) {
        StringBuilder b = new StringBuilder("The layer whose activations make the map: top_activation (the last) or an "
                + "earlier block's output (finer, less class-specific).");
        List<String> sizes = new java.util.ArrayList<>();
        for (org.scalinglab.app.LineupModel m : lineup) {
            var l = org.scalinglab.arch.CostModel.of(m.spec()).layers().stream().filter(c -> c.name().equals(layerName)).findFirst();
            if (l.isEmpty()) continue;
            sizes.add(m.label() + " " + l.get().outHeight() + "×" + l.get().outWidth() + " at " + m.spec().resolution() + " px");
        }
        if (!sizes.isEmpty()) b.append("\nMaps at ").append(layerName).append(": ").append(String.join(", ", sizes)).append('.');
        return b.toString();
    }

    /** A long run (Score-CAM) waits here for the user's go, with its estimate. */
    private HBox confirmBar() {
        Label question = new Label();
        question.setId("cam-confirm-text");
        question.setWrapText(true);
        question.setMinHeight(Region.USE_PREF_SIZE);
        question.textProperty().bind(vm.confirmationProperty());
        HBox.setHgrow(question, Priority.ALWAYS);
        question.setMaxWidth(Double.MAX_VALUE);
        Button start = new Button("Start");
        start.setId("cam-confirm-start");
        start.setDefaultButton(false);
        start.setOnAction(e -> vm.confirmRun());
        Button keep = new Button("Don't run");
        keep.setId("cam-confirm-keep");
        keep.setTooltip(new Tooltip("Go back to the method, layer and class of the maps on screen"));
        keep.setOnAction(e -> vm.declineRun());
        for (Button b : List.of(start, keep)) b.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, question, start, keep);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setId("cam-confirm");
        bar.getStyleClass().addAll("message", "notice", "cam-confirm");
        bar.visibleProperty().bind(vm.confirmationProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private void showMessage(Message m) {
        message.setText(m.text());
        message.setVisible(!m.text().isEmpty());
        message.getStyleClass().removeAll("error", "notice");
        message.getStyleClass().add(m.error() ? "error" : "notice");
    }

    // ---- images in

    private VBox dropZone() {
        Label big = new Label("Drop images here");
        big.getStyleClass().add("drop-title");
        Label small = new Label("photos (JPEG, PNG, GIF, BMP, …) from a file manager or a browser");
        small.setWrapText(true);
        small.getStyleClass().add("explain");
        VBox zone = new VBox(4, big, small);
        zone.setAlignment(Pos.CENTER);
        zone.setId("drop-zone");
        zone.getStyleClass().add("drop-zone");
        return zone;
    }

    private HBox imageButtons() {
        Button open = new Button("Open…");
        open.setId("cam-open");
        open.setTooltip(new Tooltip("Choose photos from disk"));
        open.setOnAction(e -> openImages());
        Button paste = new Button("Paste");
        paste.setId("cam-paste");
        paste.setTooltip(new Tooltip("Add the image (or image file) on the clipboard (Ctrl+V)"));
        paste.setOnAction(e -> paste(Clipboard.getSystemClipboard()));
        Button clear = new Button("Clear");
        clear.setId("cam-clear");
        clear.setTooltip(new Tooltip("Remove every image from the comparison"));
        clear.setOnAction(e -> vm.clearImages());
        HBox box = new HBox(6, open, paste, clear);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void dragOver(DragEvent e) {
        Dragboard db = e.getDragboard();
        if (db.hasFiles() || db.hasImage()) e.acceptTransferModes(TransferMode.COPY);
        e.consume();
    }

    private void dropped(DragEvent e) {
        Dragboard db = e.getDragboard();
        boolean ok = db.hasFiles() || db.hasImage();
        handleDrop(db.hasFiles() ? db.getFiles() : List.of(), db.hasImage() ? db.getImage() : null);
        e.setDropCompleted(ok);
        e.consume();
    }

    /** What a drop does: files are added (non-images get a message); a bare image becomes a temporary PNG. */
    void handleDrop(List<File> files, Image image) {
        if (!files.isEmpty()) {
            vm.addImages(files.stream().map(File::toPath).toList());
        } else if (image != null) {
            vm.addImage(SwingFXUtils.fromFXImage(image, null));
        } else {
            vm.showProblem("Only image files or images can be dropped here.");
        }
    }

    /** Paste: image files, an image, or text naming an image file. */
    public void paste(Clipboard clipboard) {
        if (clipboard.hasFiles() && !clipboard.getFiles().isEmpty()) {
            handleDrop(clipboard.getFiles(), null);
        } else if (clipboard.hasImage()) {
            handleDrop(List.of(), clipboard.getImage());
        } else if (clipboard.hasString() && isFile(clipboard.getString())) {
            vm.addImages(List.of(Path.of(clipboard.getString().strip())));
        } else {
            vm.showProblem("The clipboard holds no image and no image file: copy a photo or a file first.");
        }
    }

    private static boolean isFile(String s) {
        try {
            return !s.isBlank() && s.strip().length() < 4096 && Files.isRegularFile(Path.of(s.strip()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void openImages() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Add images to the comparison");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Images", "*.jpg", "*.jpeg", "*.png", "*.gif", "*.bmp", "*.JPG", "*.JPEG", "*.PNG"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(getScene() == null ? null : getScene().getWindow());
        if (files != null && !files.isEmpty()) handleDrop(files, null);
    }

    // ---- controls

    /** A small line-up (the study's ten classes) can only name what it was trained on: say which, so a photo of a cat is no surprise. */
    private Label knownClasses() {
        Label known = new Label();
        known.setId("cam-known-classes");
        known.getStyleClass().add("explain");
        known.setWrapText(true);
        known.textProperty().bind(vm.lineupProperty().map(CamView::knownClassesText));
        // on a short window (a projector) the maps need the height: the class list is in the Class box, and every
        // photo outside the classes is marked anyway
        known.visibleProperty().bind(known.textProperty().isNotEmpty().and(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> getHeight() <= 0 || getHeight() / density.fontSizeProperty().get() >= 60, heightProperty(), density.fontSizeProperty())));
        known.managedProperty().bind(known.visibleProperty());
        return known;
    }

    static String knownClassesText(List<org.scalinglab.app.LineupModel> lineup) {
        List<String> names = org.scalinglab.app.Lineups.classNames(lineup);
        if (names.isEmpty() || names.size() > 20) return "";
        return "These models know only " + names.size() + " classes: " + String.join(", ", names)
                + ". Any photo gets one of them; photos of these things show what the maps mean.";
    }

    private FlowPane modelRow() {
        source.getItems().setAll(CamViewModel.Source.values());
        source.valueProperty().bindBidirectional(vm.sourceProperty());
        source.setId("cam-source");
        official.getItems().setAll(CamViewModel.OFFICIAL_CHOICES);
        official.valueProperty().bindBidirectional(vm.officialProperty());
        official.setId("cam-official");
        official.setConverter(converter(m -> "compound " + m.name() + " (" + m.resolution() + " px)"));
        official.setTooltip(new Tooltip("The compound-scaled official model; B0 is the base, and the width-only, depth-only and "
                + "resolution-only columns are scaled to its multiply-adds"));
        official.visibleProperty().bind(vm.sourceProperty().isEqualTo(CamViewModel.Source.OFFICIAL)
                .and(vm.givenLineupProperty().isEmpty()));
        official.managedProperty().bind(official.visibleProperty());

        Button download = new Button();
        download.setId("cam-download");
        download.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "Download " + vm.missingWeightsLabel() + " weights", vm.weightsMissingProperty(), vm.officialProperty(),
                vm.sourceProperty()));
        download.setTooltip(new Tooltip("Official Keras weights from storage.googleapis.com (B0 21 MB … B7 260 MB), "
                + "checked by md5 and kept in the model cache"));
        download.visibleProperty().bind(vm.weightsMissingProperty().and(vm.downloadingProperty().not()));
        download.managedProperty().bind(download.visibleProperty());
        download.setOnAction(e -> vm.downloadWeights());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.downloadProgressProperty());
        bar.setPrefWidth(160);
        Label bytes = new Label();
        bytes.setId("cam-download-status");
        bytes.textProperty().bind(vm.downloadStatusProperty());
        Button cancel = new Button("Cancel download");
        cancel.setOnAction(e -> vm.cancelDownload());
        HBox downloading = new HBox(6, bar, cancel);
        downloading.setAlignment(Pos.CENTER_LEFT);
        downloading.visibleProperty().bind(vm.downloadingProperty());
        downloading.managedProperty().bind(downloading.visibleProperty());

        Label device = new Label();
        device.setId("cam-device");
        device.getStyleClass().add("cam-device");
        device.textProperty().bind(vm.deviceProperty().map(d -> d.startsWith("TensorFlow") ? d : "TensorFlow: " + d));
        device.setTooltip(new Tooltip("Where the models run (a GPU is used when TensorFlow finds one) and whether TensorFlow uses oneDNN:"
                + " off for predictions and maps (faster here, and exact), on in the training commands"));
        source.visibleProperty().bind(vm.givenLineupProperty().isEmpty());
        source.managedProperty().bind(source.visibleProperty());
        Label given = new Label();
        given.textProperty().bind(vm.givenLineupProperty());
        given.visibleProperty().bind(source.visibleProperty().not());
        given.managedProperty().bind(given.visibleProperty());
        given.setId("cam-given-lineup");
        given.setWrapText(true);
        FlowPane row = new FlowPane(8, 6, pair(caption("Models"), source, given), official, download, downloading, bytes, device);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A caption and its control(s), kept on one line when a row wraps. */
    private static HBox pair(Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private FlowPane camRow() {
        method.getItems().setAll(CamMethods.NAMES);
        method.valueProperty().bindBidirectional(vm.methodProperty());
        method.setConverter(converter(n -> CamMethods.describe(n).title()));
        method.setId("cam-method");
        updateMethodTip();

        targetClass.setItems(vm.classChoices());
        targetClass.setValue(vm.targetClassText());
        targetClass.setId("cam-class");
        targetClass.setPrefWidth(240);
        targetClass.setTooltip(new Tooltip("The class every map explains: each model's own top-1, or pick one (type part of a name or an index to filter)"));
        targetClass.valueProperty().addListener((o, old, chosen) -> {
            if (chosen != null && !chosen.equals(vm.targetClassText())) vm.chooseTargetClass(chosen);
        });
        vm.targetClassProperty().addListener(o -> targetClass.setValue(vm.targetClassText()));
        // new items can clear the combo's value: put it back once the combo has seen the change
        vm.classChoices().addListener((javafx.collections.ListChangeListener<String>) c ->
                javafx.application.Platform.runLater(() -> targetClass.setValue(vm.targetClassText())));

        layer.setEditable(true);
        layer.setItems(vm.layerChoices());
        layer.setValue(vm.layerProperty().get());
        layer.setId("cam-layer");
        layer.setMinWidth(Region.USE_PREF_SIZE);
        layer.setOnAction(e -> {
            String v = layer.getValue();
            if (v != null && !v.isBlank()) vm.layerProperty().set(v.strip());
        });
        vm.layerProperty().addListener((o, was, now) -> layer.setValue(now));
        vm.layerChoices().addListener((javafx.collections.ListChangeListener<String>) c ->
                javafx.application.Platform.runLater(() -> layer.setValue(vm.layerProperty().get())));

        colormap.getItems().setAll(Colormap.values());
        colormap.valueProperty().bindBidirectional(vm.colormapProperty());
        colormap.setConverter(converter(Colormap::cliName));
        colormap.setId("cam-colormap");

        alpha.valueProperty().bindBidirectional(vm.alphaProperty());
        alpha.setId("cam-alpha");
        alpha.setTooltip(new Tooltip("How strongly the heatmap covers the photo"));
        Label percent = new Label();
        percent.textProperty().bind(vm.alphaProperty().multiply(100).asString(Locale.ROOT, "%.0f%%"));
        percent.setMinWidth(Region.USE_PREF_SIZE);

        scale.getItems().setAll(Heatmap.Scaling.values());
        scale.valueProperty().bindBidirectional(vm.scaleProperty());
        scale.setConverter(converter(CamView::scaleName));
        scale.setId("cam-scale");
        scale.setTooltip(new Tooltip("Which maps share one colour scale: the models of each image (so they compare within a row, "
                + "and adding a photo never recolours the others), each map on its own, or every map over every image"));

        for (Region r : List.<Region>of(method, targetClass, colormap, scale, alpha)) r.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane row = new FlowPane(12, 6, pair(caption("Method"), method), pair(caption("Class"), targetClass),
                pair(caption("Layer"), layer), pair(caption("Colour scale"), scale), pair(caption("Colours"), colormap),
                pair(caption("Opacity"), alpha, percent));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    static String scaleName(Heatmap.Scaling s) {
        return switch (s) {
            case PER_IMAGE -> "per image";
            case PER_MAP -> "per map";
            case SHARED -> "over everything";
        };
    }

    private HBox statusRow() {
        ProgressBar bar = new ProgressBar();
        bar.setId("cam-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        bar.setPrefWidth(180);
        Label status = new Label();
        status.setId("cam-status");
        status.textProperty().bind(vm.statusProperty());
        status.setMinWidth(0);
        status.setWrapText(true);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        Button run = new Button("Run again");
        run.setId("cam-run");
        run.setTooltip(new Tooltip("Compare the images again with the current settings"));
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.images()));
        Button cancel = new Button("Cancel");
        cancel.setId("cam-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());

        dpi.getItems().setAll(CamViewModel.DPI_CHOICES);
        dpi.setValue(300);
        dpi.setConverter(converter(d -> d + " dpi"));
        dpi.setId("cam-dpi");
        dpi.setTooltip(new Tooltip("Resolution of a PNG export (SVG and PDF are vector files)"));
        Button export = new Button("Export figure…");
        export.setId("cam-export");
        export.setTooltip(new Tooltip("The comparison as one figure: PNG, SVG or PDF, with column titles, predictions and the legend"));
        export.setOnAction(e -> exportFigure());
        export.disableProperty().bind(vm.resultProperty().isNull());
        for (Region r : List.<Region>of(run, cancel, dpi, export)) r.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, bar, status, run, cancel, caption("PNG at"), dpi, export);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("cam-status-row");
        return row;
    }

    private void exportFigure() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the comparison");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PNG image", "*.png"),
                new FileChooser.ExtensionFilter("SVG vector graphics", "*.svg"), new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        chooser.setInitialFileName("cam-comparison.png");
        File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) return;
        Path out = f.toPath();
        String n = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!n.endsWith(".png") && !n.endsWith(".svg") && !n.endsWith(".pdf")) {
            String ext = chooser.getSelectedExtensionFilter() == null ? "*.png" : chooser.getSelectedExtensionFilter().getExtensions().get(0);
            out = out.resolveSibling(out.getFileName() + ext.substring(1));
        }
        vm.exportFigure(out, dpi.getValue());
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("cam-caption");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    public AgreementPane agreement() {
        return agreement;
    }

    /** Opens a folder laid out by class as the image source (screenshots, scenarios). */
    public void openFolder(Path root) {
        folders.open(root);
    }

    /** Brings one of the middle's tabs to the front: "cam-maps-tab", "cam-numbers-tab", "cam-agreement-tab" or "cam-study-tab". */
    public void showTab(String id) {
        tabs.show(id);
    }

    Node legend() {
        return legend;
    }
}
