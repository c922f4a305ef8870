package org.scalinglab.app;

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
import org.scalinglab.cam.Heatmap;
import org.scalinglab.scaling.CompoundScaling;
import org.scalinglab.scaling.OfficialModel;
import org.scalinglab.io.Messages;
import org.scalinglab.io.AtomicFiles;

/**
 * The whole state of a session, saved as a small JSON file (extension {@value #EXTENSION}): the sliders, the
 * model, the CAM settings (with the colour scale: "image", "map" or "all") and the images, the "How it was found" settings and the tab in view. {@code view} and
 * {@code search} are null in files from before they existed: loading such a file leaves them as they are.
 *
 * <p>Image and report paths are written relative to the scenario file's folder, so a lecture folder (scenario and
 * images together) can move to another computer or drive; a path on another drive than the scenario (Windows) stays
 * absolute. {@link #load} gives the paths as written (either form; older files hold absolute ones);
 * {@link #resolve(Path, String)} and {@link #resolvedFor(Path)} turn them into files, relative ones against the
 * scenario's folder. Missing files are reported by the caller on load, not silently dropped.
 */
public record Scenario(int version, double phi, double alpha, double beta, double gamma, int baseResolution,
                       String preset, String model, String method, String layer, Integer targetClass,
                       String colormap, double overlayAlpha, String colourScale, List<String> images, String view, Search search) {

    public static final String EXTENSION = ".sclab";
    public static final int CURRENT_VERSION = 1;
    /** The window's tabs, as {@code view} names them. */
    public static final List<String> VIEWS = List.of("explorer", "search", "cam", "train");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /**
     * The "How it was found" tab: the search reward ({@code reward} "efficientnet" with exponent {@code w}, or
     * "piecewise" with {@code below} and {@code above}; target in FLOPs), Step 1's grid step and tolerance, and the
     * grid and sweep reports shown (null: the bundled ones).
     */
    public record Search(String reward, double target, double w, double below, double above, double gridStep,
                         double gridTolerance, String gridReport, String sweepReport) {

        public static Search defaults() {
            return new Search("efficientnet", 4e8, -0.07, -0.07, -0.07, 0.05, 0.05, null, null);
        }

        Search validated() {
            if (!"efficientnet".equals(reward) && !"piecewise".equals(reward)) {
                throw new IllegalArgumentException("search reward must be efficientnet or piecewise, got " + reward);
            }
            if (!(target >= 1e8 && target <= 5e10)) throw new IllegalArgumentException("search target must be in [1e8, 5e10] FLOPs, got " + target);
            exponent("w", w);
            exponent("below", below);
            exponent("above", above);
            if (!(gridStep >= 0.01 && gridStep <= 0.5)) throw new IllegalArgumentException("grid step must be in [0.01, 0.5], got " + gridStep);
            if (!(gridTolerance >= 0 && gridTolerance <= 0.2)) throw new IllegalArgumentException("grid tolerance must be in [0, 0.2], got " + gridTolerance);
            return this;
        }

        private static void exponent(String name, double v) {
            if (!(v >= -1 && v <= 0)) throw new IllegalArgumentException("search exponent " + name + " must be in [-1, 0], got " + v);
        }
    }

    public static Scenario defaults() {
        return new Scenario(CURRENT_VERSION, 1, CompoundScaling.PAPER_ALPHA, CompoundScaling.PAPER_BETA,
                CompoundScaling.PAPER_GAMMA, OfficialModel.BASE_RESOLUTION, null, "study", "gradcam", "top_activation",
                null, "jet", 0.5, Heatmap.Scaling.PER_IMAGE.cliName(), List.of(), null, null);
    }

    /** The same scenario with other images (resolved paths, missing ones left out). */
    public Scenario withImages(List<String> other) {
        return new Scenario(version, phi, alpha, beta, gamma, baseResolution, preset, model, method, layer, targetClass,
                colormap, overlayAlpha, colourScale, List.copyOf(other), view, search);
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
        Heatmap.Scaling.parse(colourScale);
        if (targetClass != null && targetClass < 0 && targetClass != TargetClass.TRUE_CLASS) {
            throw new IllegalArgumentException("target class must be >= 0 (or " + TargetClass.TRUE_CLASS + " for each image's true class), got " + targetClass);
        }
        if (view != null && !VIEWS.contains(view)) throw new IllegalArgumentException("view must be one of " + VIEWS + ", got " + view);
        if (search != null) search.validated();
        return this;
    }

    /** Writes the scenario, its image and report paths relative to the file's folder where possible. */
    public void save(Path file) throws IOException {
        validated();
        AtomicFiles.writeString(file, GSON.toJson(relativeTo(folderOf(file))));
    }

    /** The same scenario with every image and report path as it is written beside a scenario in {@code folder}. */
    public Scenario relativeTo(Path folder) {
        List<String> rel = images.stream().map(i -> relative(folder, i)).toList();
        Search s = search == null ? null : new Search(search.reward, search.target, search.w, search.below, search.above,
                search.gridStep, search.gridTolerance, relative(folder, search.gridReport), relative(folder, search.sweepReport));
        return new Scenario(version, phi, alpha, beta, gamma, baseResolution, preset, model, method, layer, targetClass,
                colormap, overlayAlpha, colourScale, rel, view, s);
    }

    /** The same scenario with every image and report path absolute, as read beside the scenario file {@code file}. */
    public Scenario resolvedFor(Path file) {
        return resolvedAgainst(folderOf(file));
    }

    /** The file a path read from the scenario file {@code file} names: absolute as written, or relative to its folder. */
    public static Path resolve(Path file, String written) {
        return Path.of(resolvedIn(folderOf(file), written));
    }

    /** The same scenario with every image and report path absolute, relative ones resolved against {@code folder}. */
    Scenario resolvedAgainst(Path folder) {
        List<String> abs = images.stream().map(i -> resolvedIn(folder, i)).toList();
        Search s = search == null ? null : new Search(search.reward, search.target, search.w, search.below, search.above,
                search.gridStep, search.gridTolerance, resolvedIn(folder, search.gridReport), resolvedIn(folder, search.sweepReport));
        return new Scenario(version, phi, alpha, beta, gamma, baseResolution, preset, model, method, layer, targetClass,
                colormap, overlayAlpha, colourScale, abs, view, s);
    }

    /**
     * A path as written beside a scenario in {@code folder}: relative to it (with forward slashes, so the file reads
     * the same on every system), or absolute when it is on another drive or root.
     */
    static String relative(Path folder, String path) {
        if (path == null || path.isBlank()) return path;
        Path p;
        try {
            p = Path.of(path).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return path;
        }
        Path root = p.getRoot();
        if (root == null || folder.getRoot() == null || !root.equals(folder.getRoot())) return p.toString();
        try {
            String rel = folder.relativize(p).toString();
            return rel.isEmpty() ? "." : rel.replace(p.getFileSystem().getSeparator(), "/");
        } catch (IllegalArgumentException otherDrive) {
            return p.toString();
        }
    }

    /** A path read from a scenario in {@code folder}: absolute as it is, relative resolved against the folder. */
    static String resolvedIn(Path folder, String path) {
        if (path == null || path.isBlank()) return path;
        try {
            Path p = Path.of(path);
            return (p.isAbsolute() ? p : folder.resolve(p)).normalize().toString();
        } catch (java.nio.file.InvalidPathException e) {
            return path;
        }
    }

    private static Path folderOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null ? file.toAbsolutePath().getRoot() : parent;
    }

    /** Reads a scenario; its image and report paths come back as written (see the class comment). */
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
            throw new IllegalArgumentException(file.getFileName() + " is not a valid scenario file: " + Messages.jsonProblem(e));
        }
        if (s == null) throw new IllegalArgumentException(file.getFileName() + " is empty");
        Scenario d = defaults();
        // fields absent from the file keep their defaults
        Scenario filled = new Scenario(s.version == 0 ? CURRENT_VERSION : s.version, s.phi, s.alpha == 0 ? d.alpha : s.alpha,
                s.beta == 0 ? d.beta : s.beta, s.gamma == 0 ? d.gamma : s.gamma,
                s.baseResolution == 0 ? d.baseResolution : s.baseResolution, s.preset,
                s.model == null ? d.model : s.model, s.method == null ? d.method : s.method,
                s.layer == null ? d.layer : s.layer, s.targetClass, s.colormap == null ? d.colormap : s.colormap,
                s.overlayAlpha, s.colourScale == null ? d.colourScale : s.colourScale, s.images == null ? List.of() : new ArrayList<>(s.images), s.view, filled(s.search));
        try {
            return filled.validated();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage());
        }
    }

    /** A search section with the fields the file left out at their defaults; null stays null. */
    private static Search filled(Search s) {
        if (s == null) return null;
        Search d = Search.defaults();
        return new Search(s.reward == null ? d.reward : s.reward, s.target == 0 ? d.target : s.target, s.w, s.below, s.above,
                s.gridStep == 0 ? d.gridStep : s.gridStep, s.gridTolerance, s.gridReport, s.sweepReport);
    }

}
