package org.scalinglab.ui.cam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.scalinglab.app.AppHome;

/** Thumbnails of the bundled sample-images/ folder; a click adds the photo to the comparison. */
public final class SampleGallery extends VBox {
    static final String FOLDER = "sample-images";
    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".gif", ".bmp");

    SampleGallery(Consumer<Path> add) {
        super(6);
        setId("sample-gallery");
        Label title = new Label("Sample images");
        title.getStyleClass().add("section-title");
        getChildren().add(title);
        List<Path> files = samples();
        if (files.isEmpty()) {
            Label none = new Label("No sample images found. Looked for a folder " + FOLDER + " in: "
                    + String.join(", ", AppHome.candidates(FOLDER).stream().map(Path::toString).toList()) + ".");
            none.setWrapText(true);
            none.getStyleClass().add("explain");
            none.setId("samples-missing");
            getChildren().add(none);
            return;
        }
        TilePane tiles = new TilePane(6, 6);
        tiles.setPrefColumns(2);
        for (Path f : files) {
            // loads in the background: the window opens before the thumbnails are decoded
            ImageView thumb = new ImageView(new Image(f.toUri().toString(), 92, 70, true, true, true));
            Button b = new Button(name(f), thumb);
            b.setContentDisplay(ContentDisplay.TOP);
            b.getStyleClass().add("sample");
            b.setTooltip(new Tooltip("Add " + f.getFileName() + " to the comparison"));
            b.setOnAction(e -> add.accept(f));
            tiles.getChildren().add(b);
        }
        getChildren().add(tiles);
    }

    /** The image files of the sample folder, by name; empty when there is no folder. */
    public static List<Path> samples() {
        Path dir = AppHome.find(FOLDER).orElse(null);
        if (dir == null) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> EXTENSIONS.stream().anyMatch(x -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(x)))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String name(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
