package org.scalinglab.ui.cam;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.scalinglab.cam.CamMethod;
import org.scalinglab.cam.CamMethods;
import org.scalinglab.cam.Colormap;
import org.scalinglab.app.ComparisonResult;
import org.scalinglab.app.ComparisonSession;
import org.scalinglab.app.Lineups;
import org.scalinglab.io.Messages;
import org.scalinglab.app.ComparisonRunner;
import org.scalinglab.app.LineupModel;
import org.scalinglab.app.PhotoClasses;
import org.scalinglab.app.RunEstimate;
import org.scalinglab.cam.Heatmap;
import org.scalinglab.app.TargetClass;
import org.scalinglab.export.ComparisonFigure;
import org.scalinglab.export.FigureWriter;
import org.scalinglab.app.Scenario;
import org.scalinglab.scaling.OfficialModel;
import org.scalinglab.tf.ModelOptions;
import org.scalinglab.tf.ModelStore;
import org.scalinglab.tf.TfRuntime;
import org.scalinglab.tf.Signatures;
import org.scalinglab.ui.BackgroundWorker;
import org.scalinglab.ui.Message;

/**
 * The CAM comparison's state: the images, the line-up of models, the CAM settings, and the last comparison. All model
 * work (loading a line-up, running the models) happens on one worker thread, one request at a time; a new request
 * cancels the one before it. Re-colouring (colormap, opacity) redraws the stored heatmaps on another thread without
 * running the models. Every failure ends as a one-line {@link #messageProperty() message}, never as an exception
 * on the FX thread.
 */
public final class CamViewModel implements AutoCloseable {
    public static final List<Integer> DPI_CHOICES = List.of(150, 300, 600);
    /** The official models the compound column can be (B0 is the base of every official line-up). */
    public static final List<OfficialModel> OFFICIAL_CHOICES = List.of(OfficialModel.values()).subList(1, 8);

    /** Which models fill the columns. */
    public enum Source {
        STUDY("Bundled study (Imagenette, 10 classes)"),
        OFFICIAL("Official B1…B7 (ImageNet)");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ModelStore store;
    private final BackgroundWorker worker = new BackgroundWorker("cam-models");
    private final BackgroundWorker drawing = new BackgroundWorker("cam-drawing");

    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source", Source.STUDY);
    private final ObjectProperty<OfficialModel> official = new SimpleObjectProperty<>(this, "official", OfficialModel.B1);
    private final StringProperty method = new SimpleStringProperty(this, "method", CamMethods.DEFAULT);
    private final ObjectProperty<Integer> targetClass = new SimpleObjectProperty<>(this, "targetClass", null);
    private final StringProperty layer = new SimpleStringProperty(this, "layer", Signatures.DEFAULT_CAM_LAYER);
    private final ObjectProperty<Colormap> colormap = new SimpleObjectProperty<>(this, "colormap", Colormap.JET);
    private final DoubleProperty alpha = new SimpleDoubleProperty(this, "alpha", 0.5);
    private final ObjectProperty<Heatmap.Scaling> scale = new SimpleObjectProperty<>(this, "scale", Heatmap.Scaling.PER_IMAGE);

    private final ObservableList<Path> images = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<List<LineupModel>> lineup = new ReadOnlyObjectWrapper<>(this, "lineup", List.of());
    private final ReadOnlyObjectWrapper<ComparisonResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<String> classChoices = FXCollections.observableArrayList(TargetClass.TOP1);
    private final ObservableList<String> layerChoices = FXCollections.observableArrayList(Signatures.DEFAULT_CAM_LAYER);
    // one read-only view each: listeners on a view live as long as the view
    private final ObservableList<Path> imagesView = FXCollections.unmodifiableObservableList(images);
    private final ObservableList<String> classChoicesView = FXCollections.unmodifiableObservableList(classChoices);
    private final ObservableList<String> layerChoicesView = FXCollections.unmodifiableObservableList(layerChoices);
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message", Message.NONE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Drop an image to start.");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper(this, "device", "not started");
    private final ReadOnlyBooleanWrapper weightsMissing = new ReadOnlyBooleanWrapper(this, "weightsMissing", false);
    private final ReadOnlyStringWrapper givenLineup = new ReadOnlyStringWrapper(this, "givenLineup", "");
    private final ReadOnlyStringWrapper outdated = new ReadOnlyStringWrapper(this, "outdated", "");
    private final ReadOnlyStringWrapper confirmation = new ReadOnlyStringWrapper(this, "confirmation", "");
    private final ReadOnlyDoubleWrapper cellsDone = new ReadOnlyDoubleWrapper(this, "cellsDone", -1);
    private final ReadOnlyDoubleWrapper secondsPerCell = new ReadOnlyDoubleWrapper(this, "secondsPerCell", 0);
    private final PhotoClasses photoClasses = PhotoClasses.samples();

    /** The images the newest request aims at (the grid shows {@link #images} until it finishes). */
    private List<Path> wanted = List.of();
    private List<LineupModel> fixedLineup;
    /** Pasted images not yet written to their temporary files (a request that is cancelled hands them on). */
    private final java.util.Map<Path, BufferedImage> pastes = new java.util.HashMap<>();
    private ComparisonResult raw;
    /** The settings the maps of {@link #raw} were made with. */
    private ComparisonRunner.Settings rawSettings;
    /** Counts changes of method, layer, class or line-up, so a redraw finishing late does not call older maps current. */
    private long changes;
    private Task<ComparisonSession.Outcome> current;
    private final WeightDownload download;
    private boolean applying;
    private boolean activated;
    private int runs;
    private final AtomicLong drawGeneration = new AtomicLong();

    /** Used on the worker thread only. */
    private final ComparisonSession session;

    public CamViewModel() {
        // a lecture explains a photo or two at a time: the first map matters more than the thousandth
        this(ModelStore.standard(), ModelOptions.defaults().withGraphRewrites(false));
    }

    public CamViewModel(ModelStore store, ModelOptions options) {
        this.store = store;
        this.download = new WeightDownload(store);
        this.session = new ComparisonSession(store, options);
        method.addListener(o -> settingsChanged());
        targetClass.addListener(o -> settingsChanged());
        layer.addListener(o -> settingsChanged());
        source.addListener(o -> lineupChanged());
        official.addListener(o -> lineupChanged());
        colormap.addListener(o -> redraw(false));
        alpha.addListener(o -> redraw(false));
        scale.addListener(o -> redraw(false));
        updateWeightsMissing();
    }

    // ---- inputs

    public ObjectProperty<Source> sourceProperty() { return source; }
    /** The compound model of the official line-up (B1..B7). */
    public ObjectProperty<OfficialModel> officialProperty() { return official; }
    public StringProperty methodProperty() { return method; }
    /** The class every map explains; null for each model's own top-1. */
    public ObjectProperty<Integer> targetClassProperty() { return targetClass; }
    public StringProperty layerProperty() { return layer; }
    public ObjectProperty<Colormap> colormapProperty() { return colormap; }
    /** Opacity of the heatmap over the photo, 0..1. */
    public DoubleProperty alphaProperty() { return alpha; }
    /** Which maps share a colour scale: the models of an image (default), each map, or all. Redraws, never reruns. */
    public ObjectProperty<Heatmap.Scaling> scaleProperty() { return scale; }

    // ---- outputs

    /** The images the grid shows, one row each. */
    public ObservableList<Path> images() { return imagesView; }
    /** The columns: the models of the current line-up (with or without weights). */
    public ReadOnlyObjectProperty<List<LineupModel>> lineupProperty() { return lineup.getReadOnlyProperty(); }
    /** The last finished comparison in the current colours; null before the first. */
    public ReadOnlyObjectProperty<ComparisonResult> resultProperty() { return result.getReadOnlyProperty(); }
    /** {@link TargetClass#TOP1} and "index · name" for each class of the line-up. */
    public ObservableList<String> classChoices() { return classChoicesView; }
    /** Layers every model of the line-up has, the last (top_activation) first. */
    public ObservableList<String> layerChoices() { return layerChoicesView; }
    public ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** 0..1, or -1 while the length of the work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** "CPU" or "GPU (…)": where TensorFlow runs. */
    public ReadOnlyStringProperty deviceProperty() { return device.getReadOnlyProperty(); }
    /** The official line-up is chosen and some of its weight files are not downloaded. */
    public ReadOnlyBooleanProperty weightsMissingProperty() { return weightsMissing.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty downloadingProperty() { return download.runningProperty(); }
    /** 0..1, or -1 while the file's size is unknown. */
    public ReadOnlyDoubleProperty downloadProgressProperty() { return download.progressProperty(); }
    /** Bytes done and the file's size while a download runs; how the last one ended after. */
    public ReadOnlyStringProperty downloadStatusProperty() { return download.statusProperty(); }

    /** How many comparisons finished (the models ran), for tests that check a redraw did not run them. */
    int runs() {
        return runs;
    }

    /**
     * "" while the maps on screen are those of the current method, layer and class; after a change, until the new maps
     * are there, what the maps on screen are ("Grad-CAM at top_activation").
     */
    public ReadOnlyStringProperty outdatedProperty() { return outdated.getReadOnlyProperty(); }
    /** "" or the question a long run waits on ("Score-CAM on 2 photos × 2 models: about 3 min …"); see {@link #confirmRun}. */
    public ReadOnlyStringProperty confirmationProperty() { return confirmation.getReadOnlyProperty(); }
    /** While a comparison runs, how many of its cells (images × models, row by row) are done; -1 otherwise. */
    public ReadOnlyDoubleProperty cellsDoneProperty() { return cellsDone.getReadOnlyProperty(); }
    /** The estimated seconds per cell of the run going on (0 when not estimated). */
    public ReadOnlyDoubleProperty secondsPerCellProperty() { return secondsPerCell.getReadOnlyProperty(); }

    /** Whether a photo shows one of the line-up's classes (null while the line-up has no class names). */
    public PhotoClasses.Verdict verdict(Path photo) {
        return photoClasses.verdict(photo, classNames());
    }

    private List<String> classNames() {
        return Lineups.classNames(lineup.get());
    }

    /** The name of a line-up given by {@link #useLineup}, shown instead of the model choice; "" when none. */
    public ReadOnlyStringProperty givenLineupProperty() { return givenLineup.getReadOnlyProperty(); }

    /** Uses this line-up instead of the study or the official models (tests, screenshots). */
    public void useLineup(String name, List<LineupModel> models) {
        fixedLineup = List.copyOf(models);
        givenLineup.set(name);
        setLineup(fixedLineup); // known at once: the gallery marks its photos before anything runs
        lineupChanged();
    }

    // ---- actions

    /** Starts the work that needs the models: where TensorFlow runs, and the current line-up. Once is enough. */
    public void activate() {
        if (activated) return;
        activated = true;
        device.set("detecting…");
        // loads TensorFlow while the worker reads the line-up's weights (Java, the other core)
        Thread detect = new Thread(() -> {
            String d;
            try {
                d = TfRuntime.describe();
            } catch (RuntimeException | LinkageError e) {
                d = "unavailable (" + Messages.firstLine(e.getMessage()) + ")";
            }
            String shown = d;
            worker.onFx(() -> device.set(shown));
        }, "tensorflow-device");
        detect.setDaemon(true);
        detect.start();
        submit(wanted, true);
    }

    /** Adds images (dropped, opened); files that are not images are left out with a message. */
    public void addImages(List<Path> files) {
        LinkedHashSet<Path> all = new LinkedHashSet<>(wanted);
        for (Path f : files) all.add(f.toAbsolutePath().normalize());
        activate();
        submit(List.copyOf(all), false);
    }

    /** Adds an image from the clipboard: a temporary PNG, written on the worker thread before it is read. */
    public void addImage(BufferedImage pasted) {
        Path file;
        try {
            file = Files.createTempFile("pasted-", ".png").toAbsolutePath();
        } catch (IOException e) {
            error("Could not keep the pasted image: " + Message.problem(e));
            return;
        }
        file.toFile().deleteOnExit();
        pastes.put(file, pasted);
        LinkedHashSet<Path> all = new LinkedHashSet<>(wanted);
        all.add(file);
        activate();
        submit(List.copyOf(all), false);
    }

    public void removeImage(Path image) {
        List<Path> rest = new ArrayList<>(wanted);
        rest.remove(image);
        submit(rest, true);
    }

    public void clearImages() {
        cancel();
        if (current != null) {
            // the cancelled run reports later; detach it now so that it neither holds the status nor redraws
            Task<ComparisonSession.Outcome> stale = current;
            current = null;
            finished(stale, () -> { });
        }
        wanted = List.of();
        images.clear();
        raw = null;
        drawGeneration.incrementAndGet();
        outdated.set("");
        confirmation.set("");
        result.set(null);
        message.set(Message.NONE);
        status.set("Drop an image to start.");
    }

    /** Runs the comparison again with the current settings. */
    public void run() {
        activate();
        submit(wanted, true);
    }

    /** The long run that waits ({@link #confirmationProperty()}) starts. */
    public void confirmRun() {
        if (confirmation.get().isEmpty()) return;
        confirmation.set("");
        submit(wanted, true, false);
    }

    /**
     * The long run that waits does not start: the method, layer and class go back to those of the maps on screen, which
     * are current again; photos added meanwhile are left out.
     */
    public void declineRun() {
        if (confirmation.get().isEmpty()) return;
        confirmation.set("");
        String was = CamMethods.describe(method.get()).title();
        wanted = List.copyOf(images);
        if (rawSettings != null) {
            applying = true;
            try {
                method.set(rawSettings.method());
                layer.set(rawSettings.layer());
                targetClass.set(rawSettings.targetClass());
            } finally {
                applying = false;
            }
            // another line-up cannot be put back: its maps stay marked until a run
            if (raw != null && raw.models().equals(lineup.get())) outdated.set("");
            status.set(was + " did not run; the maps are " + describe(rawSettings) + " as before.");
        } else {
            status.set(was + " did not run.");
        }
    }

    /** "Grad-CAM at top_activation". */
    static String describe(ComparisonRunner.Settings s) {
        return CamMethods.describe(s.method()).title() + " at " + s.layer();
    }

    public void cancel() {
        if (current != null && !current.isDone()) current.cancel(false);
    }

    /**
     * Writes the comparison on screen as a figure: PNG at {@code dpi}, SVG or PDF by the file's extension. The
     * returned task (null when there is nothing to export) reports the outcome through {@link #messageProperty()}.
     */
    public Task<Path> exportFigure(Path out, int dpi) {
        ComparisonResult r = result.get();
        if (r == null) {
            error("Nothing to export yet: drop an image first.");
            return null;
        }
        try {
            FigureWriter.Format.of(out);
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
            return null;
        }
        ComparisonFigure figure = ComparisonRunner.figure(r, colormap.get(), images.stream().map(this::verdict).toList());
        Task<Path> t = new Task<>() {
            @Override
            protected Path call() throws IOException {
                FigureWriter.write(out, figure, dpi);
                return out;
            }
        };
        t.setOnSucceeded(e -> notice("Wrote " + out.getFileName() + describeExport(figure, out, dpi) + " to " + out.toAbsolutePath().getParent() + "."));
        t.setOnFailed(e -> error("Could not write " + out.getFileName() + ": " + Message.problem(t.getException())));
        drawing.submit(t);
        return t;
    }

    private static String describeExport(ComparisonFigure f, Path out, int dpi) {
        if (FigureWriter.Format.of(out) != FigureWriter.Format.PNG) return "";
        return String.format(Locale.ROOT, " (%d×%d px, %d dpi)", (int) Math.ceil(f.width() * dpi / 72.0),
                (int) Math.ceil(f.height() * dpi / 72.0), dpi);
    }

    /** Downloads the official weight files the chosen line-up lacks (B0 and the compound model), then runs again. */
    public void downloadWeights() {
        List<OfficialModel> missing = missingWeights();
        if (missing.isEmpty()) {
            updateWeightsMissing();
            return;
        }
        download.start(missing, done -> {
            updateWeightsMissing();
            notice(done);
            worker.submit(session::reloadLineup);
            submit(wanted, true);
        }, problem -> {
            updateWeightsMissing();
            error(problem);
        });
    }

    public void cancelDownload() {
        download.cancel();
    }

    private List<OfficialModel> missingWeights() {
        if (source.get() != Source.OFFICIAL || fixedLineup != null) return List.of();
        List<OfficialModel> out = new ArrayList<>();
        for (OfficialModel m : List.of(OfficialModel.B0, official.get())) {
            if (store.cached(m, true).isEmpty() && !out.contains(m)) out.add(m);
        }
        return out;
    }

    private void updateWeightsMissing() {
        weightsMissing.set(!missingWeights().isEmpty());
    }

    /** "B0 + B3" for the download button. */
    public String missingWeightsLabel() {
        return WeightDownload.names(missingWeights());
    }


    // ---- scenario

    /** "study" or the official compound model's id ("b3"), as a scenario file stores it. */
    public String modelKey() {
        return source.get() == Source.STUDY ? "study" : official.get().id();
    }

    /** The CAM part of a scenario: model, method, layer, class, colours and images; then one run. */
    public void apply(Scenario s) {
        applying = true;
        try {
            if (s.model() == null || s.model().equalsIgnoreCase("study")) {
                source.set(Source.STUDY);
            } else {
                OfficialModel m = OfficialModel.parse(s.model());
                if (m == OfficialModel.B0) throw new IllegalArgumentException("the official line-up needs B1..B7 as its compound model, got b0");
                official.set(m);
                source.set(Source.OFFICIAL);
            }
            method.set(CamMethods.NAMES.contains(s.method()) ? s.method() : CamMethods.DEFAULT);
            layer.set(s.layer());
            targetClass.set(s.targetClass());
            colormap.set(Colormap.parse(s.colormap()));
            alpha.set(s.overlayAlpha());
            scale.set(Heatmap.Scaling.parse(s.colourScale()));
        } finally {
            applying = false;
        }
        updateWeightsMissing();
        activate();
        List<Path> files = new ArrayList<>();
        for (String i : s.images()) files.add(Path.of(i).toAbsolutePath().normalize());
        submit(List.copyOf(new LinkedHashSet<>(files)), true);
    }

    // ---- the work

    private void settingsChanged() {
        if (applying || !activated) return;
        markOutdated();
        submit(wanted, true);
    }

    private void lineupChanged() {
        updateWeightsMissing();
        if (applying || !activated) return;
        markOutdated();
        submit(wanted, true);
    }

    /** The maps on screen stop being current at once: the grid says what they were until the new ones are there. */
    private void markOutdated() {
        changes++;
        if (raw != null && rawSettings != null) outdated.set(describe(rawSettings));
    }

    private void submit(List<Path> candidates, boolean mustRun) {
        submit(candidates, mustRun, true);
    }

    /** A slow run estimated above this many seconds waits for {@link #confirmRun} (tests lower it). */
    private double askAboveSeconds = RunEstimate.ASK_ABOVE_SECONDS;

    void askAbove(double seconds) {
        askAboveSeconds = seconds;
    }

    private void submit(List<Path> candidates, boolean mustRun, boolean askIfLong) {
        if (!activated) {
            wanted = List.copyOf(candidates);
            return;
        }
        ComparisonRunner.Settings settings;
        try {
            settings = new ComparisonRunner.Settings(method.get(), layer.get() == null ? "" : layer.get().strip(),
                    targetClass.get(), colormap.get(), alpha.get(), scale.get(), 32);
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
            return;
        }
        boolean superseded = current != null && !current.isDone();
        cancel();
        confirmation.set("");
        wanted = List.copyOf(candidates);
        String key = fixedLineup != null ? "given" : source.get() == Source.STUDY ? ComparisonSession.STUDY : official.get().id();
        ComparisonSession.Request request = new ComparisonSession.Request(key, fixedLineup, wanted, java.util.Map.copyOf(pastes),
                List.copyOf(images), mustRun || superseded, settings, askIfLong ? askAboveSeconds : Double.POSITIVE_INFINITY);
        Task<ComparisonSession.Outcome> task = new Task<>() {
            @Override
            protected ComparisonSession.Outcome call() throws IOException {
                return session.run(request, (done, total, what) -> {
                    updateProgress(done, total);
                    updateMessage(what);
                }, this::isCancelled);
            }
        };
        current = task;
        running.set(true);
        progress.bind(task.progressProperty());
        status.bind(task.messageProperty());
        cellsDone.bind(task.workDoneProperty());
        if (askIfLong) secondsPerCell.set(0);
        task.setOnSucceeded(e -> finished(task, () -> {
            pastes.keySet().removeAll(request.pastes().keySet()); // written by now
            show(task.getValue(), settings);
        }));
        task.setOnCancelled(e -> finished(task, () -> {
            wanted = List.copyOf(images);
            status.set(raw == null ? "Cancelled." : "Cancelled; the grid shows the last finished comparison.");
        }));
        task.setOnFailed(e -> finished(task, () -> {
            wanted = List.copyOf(images);
            error("Could not run the comparison: " + Message.problem(task.getException()));
            status.set(raw == null ? "Failed." : "Failed; the grid shows the last finished comparison.");
        }));
        worker.submit(task);
    }

    private void finished(Task<ComparisonSession.Outcome> task, Runnable then) {
        if (task != current && current != null) return; // a newer request took over; it reports for both
        progress.unbind();
        status.unbind();
        cellsDone.unbind();
        cellsDone.set(-1);
        progress.set(0);
        running.set(false);
        if (task != current) return; // detached by clearImages
        then.run();
    }

    private void show(ComparisonSession.Outcome o, ComparisonRunner.Settings run) {
        setLineup(o.models());
        if (o.noLineup()) {
            // keep the images asked for: they run as soon as a line-up loads
            String why = o.problems().get(0);
            notice(why.isEmpty() ? why : Character.toUpperCase(why.charAt(0)) + why.substring(1));
            images.clear();
            raw = null;
            drawGeneration.incrementAndGet();
            result.set(null);
            status.set("No models to run yet.");
            return;
        }
        String problems = String.join(" ", o.problems());
        if (!problems.isEmpty()) error(problems);
        else message.set(Message.NONE);
        if (o.awaitingConfirmation()) {
            // nothing ran: the grid keeps what it shows (marked out of date after a change of method) until the user decides
            secondsPerCell.set(o.estimate().secondsPerCell());
            long models = o.models().stream().filter(LineupModel::hasWeights).count();
            confirmation.set(o.estimate().sentence(o.images().size(), (int) models) + " Start it?");
            status.set("Waiting for your go: " + CamMethods.describe(run.method()).title() + " would take about "
                    + RunEstimate.duration(o.estimate().seconds()) + ".");
            return;
        }
        if (o.unchanged()) {
            wanted = List.copyOf(images);
            status.set(images.isEmpty() ? "Drop an image to start." : "Nothing new to compare.");
            return;
        }
        wanted = List.copyOf(o.images());
        images.setAll(o.images());
        if (o.result() == null) {
            raw = null;
            drawGeneration.incrementAndGet();
            result.set(null);
            long trained = o.models().stream().filter(LineupModel::hasWeights).count();
            status.set(o.models().size() + " models, " + trained + " with weights. Drop an image to start.");
            return;
        }
        runs++;
        raw = o.result();
        rawSettings = run;
        if (problems.isEmpty() && o.models().stream().noneMatch(LineupModel::hasWeights)) {
            notice("No model of this line-up has weights yet, so there are no maps: each column says why.");
        }
        status.set(String.format(Locale.ROOT, "%d image%s × %d models in %.1f s.", o.images().size(),
                o.images().size() == 1 ? "" : "s", o.models().size(), o.millis() / 1000.0));
        if (run.colormap() == colormap.get() && run.alpha() == alpha.get() && run.scale() == scale.get()) {
            drawGeneration.incrementAndGet();
            outdated.set("");
            result.set(raw);
        } else {
            redraw(true);
        }
    }

    private void setLineup(List<LineupModel> models) {
        if (models.equals(lineup.get())) return;
        lineup.set(models);
        List<String> names = Lineups.classNames(models);
        List<String> classes = new ArrayList<>();
        classes.add(TargetClass.TOP1);
        classes.add(TargetClass.TRUE);
        for (int i = 0; i < names.size(); i++) classes.add(TargetClass.describe(i, names));
        classChoices.setAll(classes);
        List<String> common = null;
        for (LineupModel m : models) {
            List<String> l = m.spec().camLayers();
            if (common == null) common = new ArrayList<>(l);
            else common.retainAll(l);
        }
        List<String> layers = new ArrayList<>(common == null ? List.of(Signatures.DEFAULT_CAM_LAYER) : common);
        java.util.Collections.reverse(layers);
        layerChoices.setAll(layers);
    }

    /**
     * Draws the stored maps again in the current colour scale, colormap and opacity, off the FX thread; the newest
     * request wins. {@code fresh}: the maps are a new run's, current once they are drawn.
     */
    private void redraw(boolean fresh) {
        ComparisonResult r = raw;
        if (r == null) return;
        long generation = drawGeneration.incrementAndGet();
        Heatmap.Scaling sc = scale.get();
        Colormap cm = colormap.get();
        double a = alpha.get();
        if (drawing.isClosed()) return; // closed while a run was finishing
        long asOf = changes;
        drawing.submit(() -> {
            if (generation != drawGeneration.get()) return;
            ComparisonResult out = r.recoloured(sc, cm, a);
            drawing.onFx(() -> {
                if (generation != drawGeneration.get() || raw != r) return;
                if (fresh && asOf == changes) outdated.set("");
                result.set(out);
            });
        });
    }

    /** The target class as the class chooser shows it. */
    String targetClassText() {
        Integer t = targetClass.get();
        if (t == null) return TargetClass.TOP1;
        return TargetClass.describe(t, classNames());
    }

    /** Sets the target class from typed text; a message says what is wrong when it cannot be read. */
    void chooseTargetClass(String text) {
        List<String> names = Lineups.classNames(lineup.get());
        try {
            targetClass.set(TargetClass.parse(text, names));
        } catch (IllegalArgumentException e) {
            error(ComparisonSession.sentence(e.getMessage()));
        }
    }

    /** A problem found by the view (a paste without an image, a bad drop). */
    public void showProblem(String text) {
        error(text);
    }

    public void showNotice(String text) {
        notice(text);
    }

    private void error(String text) {
        message.set(new Message(text, true));
    }

    private void notice(String text) {
        message.set(new Message(text, false));
    }


    @Override
    public void close() {
        cancel();
        cancelDownload();
        download.close();
        worker.submit(session::close);
        worker.close();
        drawing.close();
    }
}
