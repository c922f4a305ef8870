package org.scalinglab.export;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.scalinglab.scaling.CompoundScaling;
import org.scalinglab.scaling.OfficialModel;

/**
 * The whole state of a session, saved as a small JSON file (extension {@value #EXTENSION}): the sliders, the
 * model, the CAM settings and the images. Image paths are stored as given; missing images are reported on load
 * by the caller, not silently dropped.
 */
public record Scenario(int version, double phi, double alpha, double beta, double gamma, int baseResolution,
                       String preset, String model, String method, String layer, Integer targetClass,
                       String colormap, double overlayAlpha, List<String> images) {

    public static final String EXTENSION = ".sclab";
    public static final int CURRENT_VERSION = 1;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public static Scenario defaults() {
        return new Scenario(CURRENT_VERSION, 1, CompoundScaling.PAPER_ALPHA, CompoundScaling.PAPER_BETA,
                CompoundScaling.PAPER_GAMMA, OfficialModel.BASE_RESOLUTION, null, "study", "gradcam", "top_activation",
                null, "jet", 0.5, List.of());
    }

    /** Checks every field; throws IllegalArgumentException naming the first bad one. */
    public Scenario validated() {
        if (version < 1 || version > CURRENT_VERSION) {
            throw new IllegalArgumentException("scenario version " + version + " is not supported (this app reads 1.." + CURRENT_VERSION + ")");
        }
        new CompoundScaling(phi, alpha, beta, gamma);
        new CompoundScaling(0, 1, 1, 1).resolution(baseResolution);
        if (preset != null) OfficialModel.parse(preset);
        if (!(overlayAlpha >= 0 && overlayAlpha <= 1)) throw new IllegalArgumentException("overlay alpha must be in [0, 1], got " + overlayAlpha);
        if (targetClass != null && targetClass < 0) throw new IllegalArgumentException("target class must be >= 0, got " + targetClass);
        return this;
    }

    public void save(Path file) throws IOException {
        validated();
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".scenario", ".tmp");
        try {
            Files.writeString(tmp, GSON.toJson(this), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static Scenario load(Path file) throws IOException {
        String text;
        try {
            if (Files.size(file) > 1_000_000) throw new IllegalArgumentException(file.getFileName() + " is too large to be a scenario file");
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("scenario file not found: " + file);
        }
        Scenario s;
        try {
            s = GSON.fromJson(text, Scenario.class);
        } catch (JsonParseException | NumberFormatException e) {
            throw new IllegalArgumentException(file.getFileName() + " is not a valid scenario file: " + firstLine(e.getMessage()));
        }
        if (s == null) throw new IllegalArgumentException(file.getFileName() + " is empty");
        Scenario d = defaults();
        // fields absent from the file keep their defaults
        Scenario filled = new Scenario(s.version == 0 ? CURRENT_VERSION : s.version, s.phi, s.alpha == 0 ? d.alpha : s.alpha,
                s.beta == 0 ? d.beta : s.beta, s.gamma == 0 ? d.gamma : s.gamma,
                s.baseResolution == 0 ? d.baseResolution : s.baseResolution, s.preset,
                s.model == null ? d.model : s.model, s.method == null ? d.method : s.method,
                s.layer == null ? d.layer : s.layer, s.targetClass, s.colormap == null ? d.colormap : s.colormap,
                s.overlayAlpha, s.images == null ? List.of() : new ArrayList<>(s.images));
        try {
            return filled.validated();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage());
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "malformed JSON";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
