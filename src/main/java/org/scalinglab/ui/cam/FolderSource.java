package org.scalinglab.ui.cam;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.scalinglab.app.AppHome;
import org.scalinglab.app.ClassFolder;
import org.scalinglab.app.Lineups;
import org.scalinglab.app.TargetClass;
import org.scalinglab.io.Messages;
import org.scalinglab.train.Imagenette;
import org.scalinglab.ui.BackgroundWorker;

/**
 * Images from a folder laid out by class (Imagenette, or any folder with one sub-folder per class): choose the folder,
 * a class, and the images to add. Each image's class is its folder: the grid shows it under the photo, and "true class
 * of each image" explains it. Imagenette itself comes on request through {@link ImagenetteDialog}.
 */
public final class FolderSource extends VBox {
    private final Consumer<List<Path>> add;
    private final Consumer<String> problem;
    private final Supplier<Imagenette> imagenette;
    private final BackgroundWorker worker = new BackgroundWorker("class-folder");
    final Label folder = new Label("No folder chosen.");
    final ChoiceBox<String> classChoice = new ChoiceBox<>();
    final ListView<Path> images = new ListView<>();
    final Button addSelected = new Button("Add selected");
    private ClassFolder current;

    /**
     * @param add     adds images to the comparison
     * @param problem shows a one-line problem (a folder that is not laid out by class)
     */
    public FolderSource(Consumer<List<Path>> add, Consumer<String> problem, Supplier<Imagenette> imagenette) {
        super(6);
        this.add = add;
        this.problem = problem;
        this.imagenette = imagenette;
        setId("cam-folder");
        getStylesheets().add(CamStyles.URL);
        Label title = new Label("Images by class");
        title.getStyleClass().add("section-title");
        Label explain = new Label("A folder with one sub-folder per class, as Imagenette: each photo's class is its folder. "
                + "Choose \"" + TargetClass.TRUE + "\" as the class to explain it.");
        explain.setWrapText(true);
        explain.getStyleClass().add("explain");
        explain.setMinHeight(Label.USE_PREF_SIZE);

        Button choose = new Button("Folder…");
        choose.setId("cam-folder-choose");
        choose.setTooltip(new Tooltip("A folder with one sub-folder per class (or train/ and val/ holding them)"));
        choose.setOnAction(e -> chooseFolder());
        Button getImagenette = new Button("Imagenette…");
        getImagenette.setId("cam-imagenette");
        getImagenette.setTooltip(new Tooltip("Photos of the study's ten classes: fast.ai's Imagenette (94 MB), on request"));
        getImagenette.setOnAction(e -> openImagenette());
        HBox buttons = new HBox(6, choose, getImagenette);
        buttons.setAlignment(Pos.CENTER_LEFT);

        folder.setId("cam-folder-name");
        folder.setWrapText(true);
        folder.getStyleClass().add("explain");
        folder.setMinHeight(Label.USE_PREF_SIZE);
        classChoice.setId("cam-folder-class");
        classChoice.setMaxWidth(Double.MAX_VALUE);
        classChoice.setTooltip(new Tooltip("The class whose images are listed below"));
        classChoice.getSelectionModel().selectedIndexProperty().addListener(o -> showClass());
        classChoice.setDisable(true);
        images.setId("cam-folder-images");
        images.getStyleClass().add("folder-class-list");
        images.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        images.setPrefHeight(150);
        images.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Path p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.getFileName().toString());
            }
        });
        images.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) addChosen();
        });
        images.setPlaceholder(new Label("no images"));
        addSelected.setId("cam-folder-add");
        addSelected.setTooltip(new Tooltip("Add the selected images to the comparison (double-click adds one)"));
        addSelected.setOnAction(e -> addChosen());
        addSelected.disableProperty().bind(images.getSelectionModel().selectedItemProperty().isNull());
        // the class list appears once there is a folder to list
        for (javafx.scene.Node n : List.of(classChoice, images, addSelected)) {
            n.visibleProperty().bind(classChoice.disabledProperty().not());
            n.managedProperty().bind(n.visibleProperty());
        }
        getChildren().addAll(title, explain, buttons, folder, classChoice, images, addSelected);
        getStyleClass().add("cam-folder");
    }

    /** The folder on show; null before one is opened. */
    ClassFolder current() {
        return current;
    }

    /** Reads the folder in the background and lists its first class. */
    public void open(Path root) {
        folder.setText("Reading " + root + "…");
        worker.submit(() -> {
            ClassFolder f;
            String why;
            try {
                f = ClassFolder.open(root, folderNames());
                why = null;
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                f = null;
                why = Messages.firstLine(e.getMessage());
            }
            ClassFolder opened = f;
            String reason = why;
            worker.onFx(() -> {
                if (opened == null) {
                    folder.setText("No folder by class chosen.");
                    problem.accept("Cannot use " + root + " as an image folder: " + reason + ".");
                    return;
                }
                show(opened);
            });
        });
    }

    private static Map<String, String> folderNames() {
        try {
            return Lineups.folderNames(AppHome.studyDir().resolve("classes.txt"));
        } catch (IOException e) {
            return Map.of();
        }
    }

    private void show(ClassFolder f) {
        current = f;
        folder.setText(f.root().getFileName() + ": " + f.describe());
        classChoice.getItems().setAll(f.labels());
        classChoice.setDisable(false);
        classChoice.getSelectionModel().select(0);
        showClass();
    }

    private void showClass() {
        int i = classChoice.getSelectionModel().getSelectedIndex();
        if (current == null || i < 0) {
            images.getItems().clear();
            return;
        }
        images.getItems().setAll(current.images().get(current.classes().get(i)));
        images.getSelectionModel().clearSelection();
    }

    void addChosen() {
        List<Path> chosen = List.copyOf(images.getSelectionModel().getSelectedItems());
        if (!chosen.isEmpty()) add.accept(chosen);
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("A folder with one sub-folder per class");
        if (current != null) chooser.setInitialDirectory(current.root().toFile());
        File f = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) open(f.toPath());
    }

    private void openImagenette() {
        ImagenetteDialog dialog = new ImagenetteDialog(imagenette.get(), this::open);
        ImagenetteDialog.show(getScene() == null ? null : getScene().getWindow(), dialog);
    }

    /** The line under a photo in the grid: "true: tench". */
    static Label trueLabel(String label, double width) {
        Label l = new Label("true: " + label);
        l.getStyleClass().add("cam-true-label");
        l.setStyle("-fx-font-weight: bold; -fx-text-fill: #1e6b1e;");
        l.setMaxWidth(width);
        l.setWrapText(true);
        l.setAlignment(Pos.CENTER);
        return l;
    }
}
