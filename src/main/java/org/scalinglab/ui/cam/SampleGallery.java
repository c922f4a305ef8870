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
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import org.scalinglab.app.AppHome;
import org.scalinglab.app.PhotoClasses;

/**
 * Thumbnails of the bundled sample-images/ folder; a click adds the photo to the comparison. Under each, whether it
 * shows one of the classes of the models on screen ("✓ church", "⚠ not one of the 10 classes"), so nobody reads
 * meaning into a prediction that cannot be right.
 */
public final class SampleGallery extends VBox {
    static final String FOLDER = "sample-images";
    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".gif", ".bmp");

    private final java.util.Map<Path, Label> badges = new java.util.LinkedHashMap<>();
    private final Function<Path, PhotoClasses.Verdict> verdicts;

    SampleGallery(Consumer<Path> add, Function<Path, PhotoClasses.Verdict> verdicts, ObservableValue<?> lineup) {
        super(6);
        this.verdicts = verdicts;
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
            Label badge = new Label();
            badge.getStyleClass().add("sample-fit");
            badge.setMinWidth(USE_PREF_SIZE);
            badges.put(f, badge);
            VBox tile = new VBox(2, b, badge);
            tile.setAlignment(javafx.geometry.Pos.TOP_CENTER);
            tile.setId("sample-" + name(f));
            tiles.getChildren().add(tile);
        }
        getChildren().add(tiles);
        lineup.addListener(o -> showBadges());
        showBadges();
    }

    private void showBadges() {
        for (var e : badges.entrySet()) {
            PhotoClasses.Verdict v = verdicts.apply(e.getKey());
            Label badge = e.getValue();
            badge.setVisible(v != null);
            badge.setText(v == null ? "" : v.badge());
            badge.getStyleClass().removeIf(c -> c.startsWith("cam-photo-"));
            if (v == null) continue;
            badge.getStyleClass().add("cam-photo-" + v.kind().name().toLowerCase(Locale.ROOT));
            String why = v.rowNote() + (v.cellNote().isEmpty() ? "" : ". " + v.cellNote().substring(2));
            badge.setTooltip(new Tooltip(why));
        }
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
