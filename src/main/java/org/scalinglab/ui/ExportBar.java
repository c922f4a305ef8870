package org.scalinglab.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

/** "Export: PNG SVG PDF" buttons that ask for a file and hand it to a writer; the format follows the extension. */
public final class ExportBar extends HBox {
    /** Writes the figure to a file. */
    public interface Writer {
        void write(Path file) throws IOException;
    }

    private final Label status = new Label();
    private final Writer writer;

    /**
     * @param id      prefix of the buttons' ids and the suggested file name
     * @param what    what the buttons save, for their tooltips ("this chart (1000×650 points)")
     */
    public ExportBar(String id, Supplier<String> what, Writer writer, Consumer<String> onError) {
        super(6);
        this.writer = writer;
        getChildren().addAll(new Label("Export:"), button(id, "PNG", "png", what, onError), button(id, "SVG", "svg", what, onError),
                button(id, "PDF", "pdf", what, onError), status);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("export-bar");
    }

    /** Writes the figure and says so beside the buttons. */
    public void export(Path file) throws IOException {
        writer.write(file);
        status.setText("saved " + file.getFileName());
    }

    private Button button(String id, String text, String extension, Supplier<String> what, Consumer<String> onError) {
        Button b = new Button(text);
        b.setId(id + "-export-" + extension);
        Tooltip tip = new Tooltip();
        tip.setOnShowing(e -> tip.setText("Save " + what.get() + " as " + text));
        tip.setText("Save as " + text);
        b.setTooltip(tip);
        b.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export as " + text);
            chooser.setInitialFileName(id + "." + extension);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text, "*." + extension));
            Folders.prepare(chooser, Folders.EXPORT);
            Node owner = this;
            File file = Folders.remember(Folders.EXPORT, chooser.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow()));
            if (file == null) return;
            try {
                export(file.toPath());
            } catch (IOException | RuntimeException ex) {
                onError.accept("Could not save " + file.getName() + ": " + ex.getMessage());
            }
        });
        return b;
    }
}
