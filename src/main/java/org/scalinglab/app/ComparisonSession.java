package org.scalinglab.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.scalinglab.cam.CamMethods;
import org.scalinglab.scaling.OfficialModel;
import org.scalinglab.tf.ImagePreprocessor;
import org.scalinglab.tf.ImagePreprocessor.DecodedImage;
import org.scalinglab.tf.ModelOptions;
import org.scalinglab.tf.ModelStore;
import org.scalinglab.io.Messages;

/**
 * The model side of an interactive comparison: keeps one line-up's models loaded between runs (loading another
 * line-up closes them), reads the images asked for and leaves out those that are not images (each with its reason),
 * and runs the comparison. Not thread-safe: one caller thread (the app's model worker).
 */
public final class ComparisonSession implements AutoCloseable {
    public static final int MAX_IMAGES = 8;
    public static final String STUDY = "study";

    /**
     * @param lineup   "study", an official compound model ("b3"), or any name for {@code given}
     * @param given    the line-up itself (tests, screenshots), or null to load {@code lineup}
     * @param images   the images wanted, in order
     * @param pastes   pasted images, used as they are (and written into their empty temporary files for scenarios)
     * @param shown    the images of the comparison on screen (already decoded once)
     * @param mustRun  false: when the readable images are exactly {@code shown}, nothing runs (a drop of non-images)
     * @param askAbove  do not start a slow method's run (more than one image through the network per map, which is
     *                  estimated first) when it would take longer than this many seconds (the window:
     *                  {@link RunEstimate#ASK_ABOVE_SECONDS}; infinite: start whatever it takes)
     */
    public record Request(String lineup, List<LineupModel> given, List<Path> images, Map<Path, BufferedImage> pastes,
                          List<Path> shown, boolean mustRun, ComparisonRunner.Settings settings, double askAbove) {
        public Request(String lineup, List<LineupModel> given, List<Path> images, Map<Path, BufferedImage> pastes,
                       List<Path> shown, boolean mustRun, ComparisonRunner.Settings settings) {
            this(lineup, given, images, pastes, shown, mustRun, settings, Double.POSITIVE_INFINITY);
        }
    }

    /**
     * @param models    the line-up (empty when none could be loaded: then {@code problems} says why)
     * @param images    the readable images
     * @param result    the comparison, or null when there was nothing to run or nothing changed
     * @param problems  one sentence per image left out (or the line-up problem)
     * @param unchanged nothing new to show: the comparison on screen stands
     * @param estimate  how long the run was estimated to take (null when the method needed no estimate)
     * @param awaitingConfirmation the run did not start: it would take longer than the request allows without asking
     */
    public record Outcome(List<LineupModel> models, List<Path> images, ComparisonResult result, List<String> problems,
                          boolean unchanged, long millis, RunEstimate estimate, boolean awaitingConfirmation) {
        Outcome(List<LineupModel> models, List<Path> images, ComparisonResult result, List<String> problems, boolean unchanged, long millis) {
            this(models, images, result, problems, unchanged, millis, null, false);
        }

        public boolean noLineup() {
            return models.isEmpty();
        }

    }

    public interface Progress {
        /** {@code total} -1 while the amount of work is unknown. */
        void update(double done, double total, String message);
    }

    /** Decodes an image file (one line of IllegalArgumentException for a file that is not an image). */
    interface Decoder {
        DecodedImage decode(Path file) throws IOException;
    }

    private final ModelStore store;
    private final ModelOptions options;
    private final Decoder decoder;
    /** Every image decoded for the comparison on screen, so a new run (another method, another class) decodes none again. */
    private final Map<Path, DecodedImage> decoded = new HashMap<>();
    private String runnerKey;
    private ComparisonRunner runner;
    private boolean stale;
    private Map<String, String> folderNames;

    public ComparisonSession(ModelStore store, ModelOptions options) {
        this(store, options, ImagePreprocessor::decode);
    }

    ComparisonSession(ModelStore store, ModelOptions options, Decoder decoder) {
        this.store = store;
        this.options = options;
        this.decoder = decoder;
    }

    /** The next run loads its line-up again (new weights were downloaded). */
    public void reloadLineup() {
        stale = true;
    }

    public Outcome run(Request r, Progress progress, BooleanSupplier cancelled) throws IOException {
        long start = System.nanoTime();
        progress.update(-1, -1, "Loading the models…");
        List<LineupModel> models;
        try {
            models = lineup(r);
        } catch (IllegalArgumentException e) {
            // no study here yet, an unreadable report: a state to explain, not a crash
            return new Outcome(List.of(), r.images(), null, List.of(sentence(Messages.firstLine(e.getMessage()))), false, 0);
        }
        for (var paste : r.pastes().entrySet()) {
            BufferedImage image = paste.getValue();
            decoded.put(paste.getKey(), ImagePreprocessor.of(image));
            if (Files.size(paste.getKey()) == 0 && !ImageIO.write(image, "png", paste.getKey().toFile())) {
                throw new IOException("no PNG writer available");
            }
        }
        List<String> problems = new ArrayList<>();
        List<Path> valid = new ArrayList<>();
        for (Path p : r.images()) {
            if (valid.contains(p)) continue;
            if (valid.size() >= MAX_IMAGES) {
                problems.add("At most " + MAX_IMAGES + " images at once: " + p.getFileName() + " was left out (remove one first).");
                continue;
            }
            if (!decoded.containsKey(p)) {
                progress.update(-1, -1, "Reading " + p.getFileName() + "…");
                try {
                    decoded.put(p, decoder.decode(p));
                } catch (IllegalArgumentException | IOException e) {
                    problems.add(sentence(Messages.firstLine(e.getMessage())));
                    continue;
                }
            }
            valid.add(p);
        }
        decoded.keySet().retainAll(valid);
        if (!r.mustRun() && valid.equals(r.shown())) return new Outcome(models, valid, null, problems, true, 0);
        if (valid.isEmpty()) {
            // nothing to explain yet: the models get ready, so the first photo is quick
            progress.update(-1, -1, "Getting the models ready…");
            runner.warmUp(r.settings(), cancelled);
            return new Outcome(models, valid, null, problems, false, 0);
        }
        RunEstimate estimate = null;
        if (slow(r.settings(), models)) {
            progress.update(-1, -1, "Measuring how long " + CamMethods.describe(r.settings().method()).title() + " will take…");
            estimate = runner.estimate(valid.size(), r.settings());
            if (estimate.isLongerThan(r.askAbove())) return new Outcome(models, valid, null, problems, false, 0, estimate, true);
        }
        String left = estimate == null ? "" : ", about " + RunEstimate.duration(estimate.seconds()) + " in all";
        List<String> names = Lineups.classNames(models);
        Map<String, String> folders = folderNames();
        List<ComparisonRunner.Input> inputs = valid.stream().map(p -> new ComparisonRunner.Input(p.getFileName().toString(), decoded.get(p),
                TrueClass.of(p, names, folders))).toList();
        ComparisonResult result = runner.run(inputs, r.settings(), (done, total, what) -> progress.update(done, total,
                done < total ? "Running " + what + " (" + (done + 1) + " of " + total + left + ")…" : "Colouring the maps…"), cancelled);
        if (cancelled.getAsBoolean()) throw new CancellationException("comparison cancelled");
        return new Outcome(models, valid, result, problems, false, (System.nanoTime() - start) / 1_000_000, estimate, false);
    }

    /** Whether a map of this method takes more than one image through the network on some model (Score-CAM). */
    static boolean slow(ComparisonRunner.Settings s, List<LineupModel> models) {
        for (LineupModel m : models) {
            if (!m.hasWeights() || !m.spec().camLayers().contains(s.layer())) continue;
            if (CamMethods.describe(s.method()).forwardImages(ComparisonRunner.channelsAt(m, s.layer())) > 1) return true;
        }
        return false;
    }

    /** The study's folder-to-class names (Imagenette's wnids), read once; empty when there is no study. */
    private Map<String, String> folderNames() {
        if (folderNames == null) {
            try {
                folderNames = Lineups.folderNames(AppHome.studyDir().resolve("classes.txt"));
            } catch (IOException e) {
                folderNames = Map.of();
            }
        }
        return folderNames;
    }

    /** The line-up of a request, loaded (and the previous models closed) when it changed. */
    private List<LineupModel> lineup(Request r) throws IOException {
        boolean reload = stale;
        stale = false;
        if (runner != null && r.lineup().equals(runnerKey) && !reload && (r.given() == null || r.given().equals(runner.lineup()))) {
            return runner.lineup();
        }
        close();
        List<LineupModel> models;
        if (r.given() != null) {
            models = r.given();
        } else if (r.lineup().equals(STUDY)) {
            Path dir = AppHome.studyDir();
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("the bundled study is not here (" + AppHome.studySearched()
                        + "); choose the official models or train the study");
            }
            models = Lineups.study(dir);
        } else {
            OfficialModel m = OfficialModel.parse(r.lineup());
            if (m == OfficialModel.B0) throw new IllegalArgumentException("the official line-up needs B1..B7 as its compound model");
            models = Lineups.official(m, store);
        }
        runner = new ComparisonRunner(models, options);
        runnerKey = r.lineup();
        return models;
    }

    /** With a full stop (not capitalised: many messages start with a file name). */
    public static String sentence(String s) {
        return s.isEmpty() || s.endsWith(".") || s.endsWith("!") || s.endsWith("?") ? s : s + ".";
    }

    @Override
    public void close() {
        if (runner != null) runner.close();
        runner = null;
        runnerKey = null;
    }
}
