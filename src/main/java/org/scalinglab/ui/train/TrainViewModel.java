package org.scalinglab.ui.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.scalinglab.arch.CostModel;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.scaling.CompoundScaling;
import org.scalinglab.train.Checkpoint;
import org.scalinglab.train.ImageFolder;
import org.scalinglab.train.Trainer;
import org.scalinglab.train.TrainingConfig;
import org.scalinglab.train.TrainingProgress;
import org.scalinglab.ui.BackgroundWorker;
import org.scalinglab.ui.Fmt;
import org.scalinglab.ui.Message;
import org.scalinglab.ui.Throttle;

/**
 * The Train tab's state: the inputs as typed (each with its own message), the network's cost, and one training run
 * at a time on a background thread through {@link Trainer#train}, with the same {@link TrainingConfig} the
 * {@code train} command builds. Progress reports reach the FX thread through a {@link Throttle}; Cancel stops after
 * the current step and keeps the last finished epoch; Start on the same output folder resumes from its checkpoint.
 */
public final class TrainViewModel implements AutoCloseable {
    /** The inputs, each with a message of its own. */
    public enum Field { DATA, OUT, WIDTH, DEPTH, RESOLUTION, EPOCHS, PER_CLASS, BATCH, LEARNING_RATE, CLIP_NORM }

    static final double DROPOUT = 0.2;
    /** Classes assumed for the cost before a data folder is chosen: the bundled study's ten. */
    static final int DEFAULT_CLASSES = 10;

    private final BackgroundWorker worker = new BackgroundWorker("training");

    private final StringProperty data = new SimpleStringProperty(this, "data", "");
    private final StringProperty out = new SimpleStringProperty(this, "out", "");
    private final StringProperty width = new SimpleStringProperty(this, "width", "0.5");
    private final StringProperty depth = new SimpleStringProperty(this, "depth", "0.6");
    private final StringProperty resolution = new SimpleStringProperty(this, "resolution", "160");
    private final StringProperty epochs = new SimpleStringProperty(this, "epochs", "10");
    private final StringProperty perClass = new SimpleStringProperty(this, "perClass", "0");
    private final StringProperty batch = new SimpleStringProperty(this, "batch", "" + TrainingConfig.DEFAULT_BATCH);
    private final StringProperty learningRate = new SimpleStringProperty(this, "learningRate", "" + TrainingConfig.DEFAULT_LEARNING_RATE);
    private final StringProperty clipNorm = new SimpleStringProperty(this, "clipNorm", "5");
    private final Map<Field, StringProperty> inputs = new EnumMap<>(Field.class);
    private final Map<Field, ReadOnlyStringWrapper> problems = new EnumMap<>(Field.class);

    private final ReadOnlyStringWrapper cost = new ReadOnlyStringWrapper(this, "cost", "");
    private final ReadOnlyStringWrapper checkpointNote = new ReadOnlyStringWrapper(this, "checkpointNote", "");
    private final ReadOnlyStringWrapper command = new ReadOnlyStringWrapper(this, "command", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Choose a data folder and an output folder, then Start.");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message", Message.NONE);
    private final ObservableList<TrainingProgress> reports = FXCollections.observableArrayList();
    private final ObservableList<TrainingProgress> reportsView = FXCollections.unmodifiableObservableList(reports);

    private final ConcurrentLinkedQueue<TrainingProgress> arrived = new ConcurrentLinkedQueue<>();
    private final Throttle deliver = new Throttle(200, this::deliver);
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    /** The output folder the chart's points belong to. */
    private Path chartFolder;
    /** Called on the training thread with every report before it is queued (tests stop a run at a known point). */
    volatile Consumer<TrainingProgress> onReport = p -> { };
    /** The last finished run, for tests. */
    volatile Trainer.Result lastResult;

    public TrainViewModel() {
        inputs.put(Field.DATA, data);
        inputs.put(Field.OUT, out);
        inputs.put(Field.WIDTH, width);
        inputs.put(Field.DEPTH, depth);
        inputs.put(Field.RESOLUTION, resolution);
        inputs.put(Field.EPOCHS, epochs);
        inputs.put(Field.PER_CLASS, perClass);
        inputs.put(Field.BATCH, batch);
        inputs.put(Field.LEARNING_RATE, learningRate);
        inputs.put(Field.CLIP_NORM, clipNorm);
        for (Field f : Field.values()) {
            problems.put(f, new ReadOnlyStringWrapper(this, f.name(), ""));
            inputs.get(f).addListener(o -> inputsChanged(f));
        }
        updateCost();
        updateCommand();
    }

    // ---- inputs, as typed

    public StringProperty dataProperty() { return data; }
    public StringProperty outProperty() { return out; }
    public StringProperty widthProperty() { return width; }
    public StringProperty depthProperty() { return depth; }
    public StringProperty resolutionProperty() { return resolution; }
    public StringProperty epochsProperty() { return epochs; }
    /** Training images per class, 0 = all. */
    public StringProperty perClassProperty() { return perClass; }
    public StringProperty batchProperty() { return batch; }
    public StringProperty learningRateProperty() { return learningRate; }
    /** The global gradient norm to clip to; 0 = off. */
    public StringProperty clipNormProperty() { return clipNorm; }

    public StringProperty input(Field f) { return inputs.get(f); }

    // ---- outputs

    /** What is wrong with a field; "" when nothing is. */
    public ReadOnlyStringProperty problemProperty(Field f) { return problems.get(f).getReadOnlyProperty(); }
    /** Parameters and multiply-adds of the network the fields describe. */
    public ReadOnlyStringProperty costProperty() { return cost.getReadOnlyProperty(); }
    /** What the output folder holds already ("1 epoch done … Start resumes at epoch 2"); "" when nothing. */
    public ReadOnlyStringProperty checkpointNoteProperty() { return checkpointNote.getReadOnlyProperty(); }
    /** The same training as a command line. */
    public ReadOnlyStringProperty commandProperty() { return command.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** Steps done / total steps; -1 while the run is starting. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    /** The last progress line (epoch, step, loss, accuracy, images/s, learning rate, |g|, ETA) or what is happening. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** How the last run ended: top-1, top-5, time and where model.h5 is; "" before. */
    public ReadOnlyStringProperty resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }
    /** The reports of the run in the output folder, oldest first (the chart's points). */
    public ObservableList<TrainingProgress> reports() { return reportsView; }

    // ---- validation

    private void inputsChanged(Field f) {
        // a field's message goes as soon as the field is right; it appears on Start or when a number is wrong
        String problem = check(f);
        if (problem.isEmpty() || !isFolder(f)) problems.get(f).set(problem);
        if (f == Field.WIDTH || f == Field.DEPTH || f == Field.RESOLUTION || f == Field.DATA) updateCost();
        if (f == Field.OUT || f == Field.EPOCHS) updateCheckpointNote();
        updateCommand();
    }

    private static boolean isFolder(Field f) {
        return f == Field.DATA || f == Field.OUT;
    }

    /** Checks every field and shows what is wrong beside it; true when all are right. */
    boolean validate() {
        boolean ok = true;
        for (Field f : Field.values()) {
            String p = check(f);
            problems.get(f).set(p);
            ok &= p.isEmpty();
        }
        return ok;
    }

    private String check(Field f) {
        String text = inputs.get(f).get() == null ? "" : inputs.get(f).get().strip();
        return switch (f) {
            case DATA -> checkData(text);
            case OUT -> checkOut(text);
            case WIDTH -> checkNumber(text, "the width", 0.1, CompoundScaling.MAX_WIDTH);
            case DEPTH -> checkNumber(text, "the depth", 0.1, CompoundScaling.MAX_DEPTH);
            case RESOLUTION -> checkWhole(text, "the resolution", NetworkSpec.MIN_RESOLUTION, NetworkSpec.MAX_RESOLUTION, " px");
            case EPOCHS -> checkWhole(text, "epochs", 1, 10_000, "");
            case PER_CLASS -> checkWhole(text, "images per class", 0, 100_000_000, " (0 = all)");
            case BATCH -> checkWhole(text, "the batch", 2, 4096, "");
            case LEARNING_RATE -> {
                Double v = number(text);
                yield v == null ? "“" + text + "” is not a number" : v > 0 && v < 10 ? "" : "the learning rate must be above 0 and below 10";
            }
            case CLIP_NORM -> {
                Double v = number(text);
                yield v == null ? "“" + text + "” is not a number" : v >= 0 && v < 1e6 ? "" : "the clip norm must be 0 (off) or positive";
            }
        };
    }

    private static String checkNumber(String text, String what, double min, double max) {
        Double v = number(text);
        if (v == null) return "“" + text + "” is not a number";
        return v >= min && v <= max ? "" : what + " goes from " + Fmt.plain(min) + " to " + Fmt.plain(max);
    }

    private static String checkWhole(String text, String what, int min, int max, String unit) {
        Double v = number(text);
        if (v == null || v != Math.rint(v)) return "“" + text + "” is not a whole number";
        return v >= min && v <= max ? "" : what + " goes from " + min + " to " + max + unit;
    }

    private static Double number(String text) {
        try {
            double v = Double.parseDouble(text.replace(',', '.'));
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Path path(String text) {
        try {
            return text.isEmpty() ? null : Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** The layout ImageFolder accepts, checked without reading the images: class sub-folders, or train/ and val/ holding them. */
    private static String checkData(String text) {
        if (text.isEmpty()) return "choose the folder with the images: one sub-folder per class, or train/ and val/ holding them";
        Path p = path(text);
        if (p == null) return "“" + text + "” is not a folder name";
        if (!Files.exists(p)) return "no such folder: " + p;
        if (!Files.isDirectory(p)) return p.getFileName() + " is a file, not a folder";
        Path classesIn = ImageFolder.classesFolder(p);
        List<String> classes = classFolders(classesIn);
        if (classes == null) return "cannot read " + p;
        if (classes.isEmpty()) {
            return isEmpty(classesIn) ? classesIn.getFileName() + " is empty: put the images of each class in a sub-folder of its own"
                    : classesIn.getFileName() + " has no class sub-folders: put the images of each class in a sub-folder of its own";
        }
        if (classes.size() < 2) return "only one class sub-folder (" + classes.get(0) + "): a classifier needs at least 2";
        return "";
    }

    private static List<String> classFolders(Path dir) {
        try {
            return ImageFolder.classNames(dir);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private String checkOut(String text) {
        if (text.isEmpty()) return "choose a folder for the checkpoints and model.h5 (it is made if it does not exist)";
        Path p = path(text);
        if (p == null) return "“" + text + "” is not a folder name";
        if (Files.exists(p) && !Files.isDirectory(p)) return p.getFileName() + " is a file, not a folder";
        Path d = path(data.get() == null ? "" : data.get().strip());
        if (d != null && p.startsWith(d)) return "not inside the data folder: it would become one of the classes";
        return "";
    }

    // ---- derived lines

    private int classesGuess() {
        Path d = path(data.get() == null ? "" : data.get().strip());
        if (d == null || !checkData(data.get().strip()).isEmpty()) return -1;
        List<String> c = classFolders(ImageFolder.classesFolder(d));
        return c == null ? -1 : c.size();
    }

    private void updateCost() {
        if (!check(Field.WIDTH).isEmpty() || !check(Field.DEPTH).isEmpty() || !check(Field.RESOLUTION).isEmpty()) {
            cost.set("fix the network's numbers to see its size");
            return;
        }
        int found = classesGuess();
        int classes = found > 0 ? found : DEFAULT_CLASSES;
        CostModel c = CostModel.of(spec(classes));
        cost.set(String.format(Locale.ROOT, "%s parameters, %s multiply-adds per image (%d classes%s)", Fmt.count(c.params()),
                Fmt.macs(c.macs()), classes, found > 0 ? "" : ", as in the bundled study, until a data folder is chosen"));
    }

    private void updateCheckpointNote() {
        Path o = path(out.get() == null ? "" : out.get().strip());
        if (o == null || !check(Field.OUT).isEmpty()) {
            checkpointNote.set("");
            return;
        }
        Optional<String> done = Checkpoint.progress(o);
        Optional<List<org.scalinglab.train.Checkpoint.EpochRecord>> epochsDone = Checkpoint.finishedEpochs(o);
        if (done.isEmpty() || epochsDone.isEmpty()) {
            checkpointNote.set(Files.isRegularFile(o.resolve("model.h5")) ? "holds a model.h5 without a checkpoint: Start overwrites it" : "");
            return;
        }
        int n = epochsDone.get().size();
        boolean more = check(Field.EPOCHS).isEmpty() && whole(epochs) > n;
        checkpointNote.set("holds a checkpoint (" + done.get() + "): " + (more ? "Start resumes at epoch " + (n + 1)
                : "training is done; raise the epochs to train on"));
    }

    private void updateCommand() {
        command.set(String.format(Locale.ROOT, "./scaling-lab train --data %s --out %s --width %s --depth %s --resolution %s "
                        + "--epochs %s --per-class %s --batch %s --lr %s --clip-norm %s",
                arg(data.get(), "DATA"), arg(out.get(), "OUT"), arg(width.get(), "?"), arg(depth.get(), "?"), arg(resolution.get(), "?"),
                arg(epochs.get(), "?"), arg(perClass.get(), "?"), arg(batch.get(), "?"), arg(learningRate.get(), "?"), arg(clipNorm.get(), "?")));
    }

    private static String arg(String text, String none) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) return none;
        return t.matches("[A-Za-z0-9_./:,+=@%-]+") ? t : "'" + t.replace("'", "'\\''") + "'";
    }

    private NetworkSpec spec(int classes) {
        return new NetworkSpec("model", number(width.get().strip()), number(depth.get().strip()),
                (int) Math.round(number(resolution.get().strip())), DROPOUT, classes);
    }

    private int whole(StringProperty p) {
        return (int) Math.round(number(p.get().strip()));
    }

    /** The config of the fields: what {@code train} builds from the same options. */
    TrainingConfig config() {
        return TrainingConfig.standard(whole(epochs), whole(batch), number(learningRate.get().strip()), TrainingConfig.DEFAULT_WARMUP_EPOCHS,
                TrainingConfig.DEFAULT_SEED, TrainingConfig.DEFAULT_LOADER_THREADS, number(clipNorm.get().strip()));
    }

    // ---- actions

    /** Starts (or resumes) training when every field is right; returns whether it started. */
    public boolean start() {
        if (running.get() || worker.isClosed()) return false;
        if (!validate()) {
            message.set(new Message("Fix the marked fields, then Start again.", true));
            return false;
        }
        Path dataDir = path(data.get().strip());
        Path outDir = path(out.get().strip());
        int perClassLimit = whole(perClass);
        TrainingConfig config = config();
        double w = number(width.get().strip());
        double d = number(depth.get().strip());
        int r = whole(resolution);

        List<org.scalinglab.train.Checkpoint.EpochRecord> done = Checkpoint.finishedEpochs(outDir).orElse(List.of());
        prepareChart(outDir, done);
        result.set("");
        cancelRequested.set(false);
        arrived.clear();
        running.set(true);
        progress.set(-1);
        if (done.isEmpty()) {
            message.set(Message.NONE);
            status.set("Starting: reading the data folder, measuring the input statistics, building the training graph…");
        } else if (done.size() >= config.epochs()) {
            message.set(new Message("The checkpoint in " + outDir.getFileName() + " has " + done.size() + " epochs done already: "
                    + "writing model.h5 from it. Raise the epochs to train on.", false));
            status.set("Writing model.h5 from the checkpoint…");
        } else {
            message.set(new Message("Resuming at epoch " + (done.size() + 1) + " of " + config.epochs() + " from the checkpoint in "
                    + outDir + ".", false));
            status.set("Resuming at epoch " + (done.size() + 1) + ": reading the checkpoint and building the training graph…");
        }
        worker.submit(() -> train(dataDir, outDir, perClassLimit, w, d, r, config));
        return true;
    }

    /** Stops after the current step; the last finished epoch stays in the output folder. */
    public void cancel() {
        if (!running.get()) return;
        cancelRequested.set(true);
        status.set("Cancelling after the current step…");
    }

    /** Keeps the chart's points of the same output folder up to its checkpoint, or starts it from the checkpoint's epochs. */
    private void prepareChart(Path outDir, List<org.scalinglab.train.Checkpoint.EpochRecord> done) {
        long keptStep = done.isEmpty() ? 0 : done.get(done.size() - 1).step();
        if (outDir.equals(chartFolder) && !done.isEmpty()) {
            reports.removeIf(p -> p.step() > keptStep);
            return;
        }
        chartFolder = outDir;
        List<TrainingProgress> seeded = new ArrayList<>();
        int epochsPlanned = whole(epochs);
        for (org.scalinglab.train.Checkpoint.EpochRecord e : done) {
            seeded.add(new TrainingProgress("model", e.epoch(), epochsPlanned, e.step(), 0, e.loss(), e.accuracy(),
                    e.imagesPerSecond(), Double.NaN, Double.NaN, e.validationTop1(), e.validationTop5(), true, Double.NaN, null, null));
        }
        reports.setAll(seeded);
    }

    /** On the training thread. */
    private void train(Path dataDir, Path outDir, int perClassLimit, double w, double d, int r, TrainingConfig config) {
        ImageFolder folder;
        try {
            folder = ImageFolder.open(dataDir, TrainingConfig.DEFAULT_HELD_OUT, perClassLimit, TrainingConfig.DEFAULT_SEED);
        } catch (RuntimeException e) {
            String why = Message.problem(e);
            worker.onFx(() -> {
                problems.get(Field.DATA).set(why);
                ended(new Message("Could not read the data folder: " + why, true), "Not started.");
            });
            return;
        }
        try {
            // the name leads each progress line; it is not stored in the weights, so a CLI run resumes the same checkpoint
            NetworkSpec spec = new NetworkSpec("w" + Fmt.plain(w) + " d" + Fmt.plain(d) + " " + r + "px", w, d, r, DROPOUT,
                    folder.classes().size());
            String summary = String.format(Locale.ROOT, "%d classes, %,d training and %,d validation images", folder.classes().size(),
                    folder.train().size(), folder.validation().size());
            worker.onFx(() -> {
                if (running.get() && !cancelRequested.get()) status.set(status.get() + " (" + summary + ")");
            });
            Trainer.Result res = Trainer.train(spec, folder, config, outDir, p -> {
                onReport.accept(p);
                arrived.add(p);
                worker.onFx(deliver::request);
            }, () -> cancelRequested.get() || worker.isClosed(), true); // more epochs on the tab extend a run; the note says so
            lastResult = res;
            worker.onFx(() -> finished(res, outDir));
        } catch (CancellationException e) {
            worker.onFx(() -> cancelled(outDir));
        } catch (Throwable t) {
            String why = Message.problem(t);
            worker.onFx(() -> {
                if (why.contains("use another --out folder")) problems.get(Field.OUT).set("holds the checkpoint of another network");
                ended(new Message("Training stopped: " + why, true), "Stopped.");
            });
        }
    }

    /** On the FX thread: the reports that arrived since the last delivery go to the chart, the newest to the status line. */
    private void deliver() {
        List<TrainingProgress> batch = new ArrayList<>();
        for (TrainingProgress p; (p = arrived.poll()) != null; ) batch.add(p);
        if (batch.isEmpty()) return;
        reports.addAll(batch);
        TrainingProgress last = batch.get(batch.size() - 1);
        if (!last.isNote()) progress.set(last.totalSteps() > 0 ? last.step() / (double) last.totalSteps() : -1);
        if (!cancelRequested.get()) status.set(line(last));
    }

    /** The trainer's progress line; an epoch's end has no ETA of its own, so it is left out rather than shown as "?". */
    private static String line(TrainingProgress p) {
        return p.line().replace(" ETA ?", "");
    }

    private void finished(Trainer.Result r, Path outDir) {
        deliver.runNow();
        progress.set(1);
        running.set(false);
        String time = r.seconds() >= 120 ? String.format(Locale.ROOT, "%.1f min", r.seconds() / 60)
                : String.format(Locale.ROOT, "%.0f s", r.seconds());
        result.set(String.format(Locale.ROOT, "Finished %d epochs (%,d steps) in %s, %.1f images/s: validation top-1 %.1f %%, "
                        + "top-5 %.1f %%. The model is %s: ./scaling-lab predict --model %s,%s,%d,%d --weights %s --image PHOTO",
                r.history().size(), r.steps(), time, r.imagesPerSecond(), 100 * r.top1(), 100 * r.top5(), r.weights(),
                Fmt.plain(r.spec().width()), Fmt.plain(r.spec().depth()), r.spec().resolution(), r.spec().classes(), r.weights()));
        status.set(reports.isEmpty() ? "Done." : line(reports.get(reports.size() - 1)));
        message.set(Message.NONE);
        updateCheckpointNote();
    }

    private void cancelled(Path outDir) {
        deliver.runNow();
        List<org.scalinglab.train.Checkpoint.EpochRecord> done = Checkpoint.finishedEpochs(outDir).orElse(List.of());
        String text = done.isEmpty()
                ? "Cancelled before the first epoch finished: nothing was kept, Start begins again."
                : String.format(Locale.ROOT, "Cancelled. The last finished epoch (epoch %d, validation top-1 %.1f %%) is kept in %s; "
                        + "Start resumes at epoch %d.", done.size(), 100 * done.get(done.size() - 1).validationTop1(), outDir, done.size() + 1);
        ended(new Message(text, false), "Cancelled.");
    }

    private void ended(Message m, String statusText) {
        deliver.runNow();
        running.set(false);
        progress.set(0);
        message.set(m);
        status.set(statusText);
        updateCheckpointNote();
    }

    /** A message from the window (a scenario saved while this tab is in front). */
    public void say(String text, boolean error) {
        message.set(new Message(text, error));
    }

    /** After {@link #close}: whether the training thread has ended. */
    boolean stopped() {
        return worker.isTerminated();
    }

    /** Cancels a run and waits a little for it to stop at the end of its step, so its graph and files close cleanly. */
    @Override
    public void close() {
        cancelRequested.set(true);
        worker.closeAndWait(15);
    }
}
