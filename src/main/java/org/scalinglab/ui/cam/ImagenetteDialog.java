package org.scalinglab.ui.cam;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.scalinglab.tf.ModelStore;
import org.scalinglab.train.Imagenette;
import org.scalinglab.ui.BackgroundWorker;
import org.scalinglab.ui.Message;

/**
 * Imagenette on request, like the official weights: fast.ai's imagenette2-160.tgz downloaded with progress (resumed
 * where a cancelled or broken download stopped, checked by md5, then unpacked), or a local copy imported offline. When
 * the folder is there it is handed on (the CAM tab opens it as its image folder). All work runs off the FX thread and
 * ends as one line for the user.
 */
public final class ImagenetteDialog extends VBox {
    private final Imagenette imagenette;
    private final Consumer<Path> opened;
    private final BackgroundWorker worker = new BackgroundWorker("imagenette");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    final ProgressBar bar = new ProgressBar(0);
    final Label status = new Label();
    final Button download = new Button("Download (94 MB)");
    final Button importCopy = new Button("Import a local copy…");
    final Button cancel = new Button("Cancel");
    final Button open = new Button("Open it");
    private Task<Path> task;

    /** @param opened told the unpacked folder, on the FX thread, when the user opens it */
    public ImagenetteDialog(Imagenette imagenette, Consumer<Path> opened) {
        super(10);
        this.imagenette = imagenette;
        this.opened = opened;
        setId("imagenette-dialog");
        getStyleClass().add("cam-numbers");
        getStylesheets().add(CamStyles.URL);
        Label title = new Label("Imagenette: photos of the ten classes the study models know");
        title.getStyleClass().add("section-title");
        Label explain = new Label("fast.ai's " + Imagenette.FILE + " (about 94 MB, 160 px photos; 3925 validation images) from "
                + Imagenette.BASE_URL.getHost() + ", checked by its md5 and unpacked into " + imagenette.dir() + ". A cancelled "
                + "download resumes where it stopped. Offline: download " + Imagenette.BASE_URL.resolve(Imagenette.FILE)
                + " elsewhere and import it here.");
        explain.setWrapText(true);
        explain.getStyleClass().add("explain");
        download.setId("imagenette-download");
        download.setOnAction(e -> start(false, null));
        importCopy.setId("imagenette-import");
        importCopy.setTooltip(new Tooltip("A copy of " + Imagenette.FILE + " on this computer (checked by md5 before it is used)"));
        importCopy.setOnAction(e -> chooseCopy());
        cancel.setId("imagenette-cancel");
        cancel.setOnAction(e -> cancel());
        open.setId("imagenette-open");
        open.setOnAction(e -> imagenette.installed().ifPresent(opened));
        download.disableProperty().bind(running);
        importCopy.disableProperty().bind(running);
        cancel.disableProperty().bind(running.not());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        status.setId("imagenette-status");
        status.setWrapText(true);
        status.setMinHeight(Label.USE_PREF_SIZE);
        HBox buttons = new HBox(8, download, importCopy, cancel, open);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, explain, buttons, bar, status);
        setPrefWidth(620);
        showInstalled();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    private void showInstalled() {
        var there = imagenette.installed();
        open.setDisable(there.isEmpty());
        bar.setProgress(there.isPresent() ? 1 : 0);
        status.setText(there.map(p -> "Imagenette is here: " + p + ".").orElse("Not downloaded yet."));
    }

    private void chooseCopy() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a copy of " + Imagenette.FILE);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Imagenette archive", "*.tgz", "*.tar.gz"));
        File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) start(true, f.toPath());
    }

    /** Downloads ({@code local} null) or imports {@code local}; the folder opens when it is done. */
    void start(boolean fromCopy, Path local) {
        if (running.get()) return;
        Task<Path> t = new Task<>() {
            @Override
            protected Path call() throws IOException {
                if (fromCopy) {
                    updateProgress(-1, 1);
                    updateMessage("Checking and unpacking " + local.getFileName() + "…");
                    return imagenette.importArchive(local);
                }
                return imagenette.download(new ModelStore.Progress() {
                    @Override
                    public void update(long done, long total) {
                        updateProgress(done, total > 0 ? total : -1);
                        updateMessage(total > 0 && done >= total ? "Checking and unpacking…"
                                : WeightDownload.megabytes(done) + (total > 0 ? " of " + WeightDownload.megabytes(total) : "") + " downloaded");
                    }

                    @Override
                    public boolean cancelled() {
                        return isCancelled();
                    }
                });
            }
        };
        task = t;
        running.set(true);
        bar.progressProperty().bind(t.progressProperty());
        status.textProperty().bind(t.messageProperty());
        Runnable finish = () -> {
            bar.progressProperty().unbind();
            status.textProperty().unbind();
            running.set(false);
        };
        t.setOnSucceeded(e -> {
            finish.run();
            showInstalled();
            opened.accept(t.getValue());
        });
        t.setOnCancelled(e -> {
            finish.run();
            bar.setProgress(0);
            status.setText("Cancelled; the download resumes where it stopped next time.");
        });
        t.setOnFailed(e -> {
            finish.run();
            bar.setProgress(0);
            status.setText(problem(t.getException()));
        });
        worker.submit(t);
    }

    static String problem(Throwable e) {
        String m = String.valueOf(e.getMessage());
        if (m.startsWith("cannot reach")) {
            return "Offline — " + m.substring(0, m.indexOf(':') > 0 ? m.indexOf(':') : m.length()) + ". Connect and press Download again, "
                    + "or download " + Imagenette.BASE_URL.resolve(Imagenette.FILE) + " elsewhere and import it.";
        }
        return "Could not get Imagenette: " + Message.problem(e);
    }

    void cancel() {
        if (task != null && !task.isDone()) task.cancel(false);
    }

    /** Shows the dialog in a window of its own; closing it cancels a download. */
    public static Stage show(Window owner, ImagenetteDialog content) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Imagenette");
        Scene scene = new Scene(content);
        if (owner != null && owner.getScene() != null) scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setOnHidden(e -> content.cancel());
        stage.show();
        return stage;
    }
}
