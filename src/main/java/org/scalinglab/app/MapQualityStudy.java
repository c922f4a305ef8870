package org.scalinglab.app;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.scalinglab.cam.CamMethod;
import org.scalinglab.cam.CamResult;
import org.scalinglab.cam.ConfidenceChange;
import org.scalinglab.cam.Faithfulness;
import org.scalinglab.cam.HeatmapScaling;
import org.scalinglab.cam.MapComparison;
import org.scalinglab.cam.ModelCamSource;
import org.scalinglab.io.AtomicFiles;
import org.scalinglab.io.FileDigest;
import org.scalinglab.io.Messages;
import org.scalinglab.tf.EfficientNetModel;
import org.scalinglab.tf.ImagePreprocessor;
import org.scalinglab.tf.ModelOptions;
import org.scalinglab.train.ImageFolder;
import org.scalinglab.train.ScalingStudy;

/**
 * The numbers behind the maps: every model of a line-up on the same images of a folder laid out by class, each image's
 * map for its true class, how faithful it is (deletion and insertion AUC, average drop and increase in confidence) and
 * how concentrated (the share of the map in its top 20 % of pixels); per model the means with 95 % bootstrap intervals
 * (images the model gets right, and those it gets wrong, apart), and the paired differences between the compound
 * model (the line-up's second) and each of the others on the same images. Each model-and-image result is appended to
 * {@code records.jsonl} as it is made, so a stopped run resumes where it stopped.
 */
public final class MapQualityStudy {
    public static final double TOP_FRACTION = 0.2;
    static final String RECORDS = "records.jsonl";
    static final String SETTINGS = "settings.json";
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    /**
     * What defines a run: a rerun on the same folder must have the same. {@code data} is the image folder's name, not
     * its path, so a result (the bundled one) resumes on another machine; the images themselves are named in the records.
     * {@code weights}: each model's weights file by its SHA-256 (see {@link #weightDigests}): a rerun measures a model
     * trained again since anew instead of resuming its old records ({@link #retrained}); null in results of earlier versions.
     */
    public record Settings(String data, List<String> classes, List<String> models, String method, String layer, int perClass,
                           int steps, long seed, List<String> weights) {
        /** The same run but for the models' weights. */
        boolean sameButWeights(Settings o) {
            return new Settings(data, classes, models, method, layer, perClass, steps, seed, null)
                    .equals(new Settings(o.data, o.classes, o.models, o.method, o.layer, o.perClass, o.steps, o.seed, null));
        }
    }

    /** The SHA-256 of each model's weights file in the study's report.json, in the report's order ("" for a model without). */
    public static List<String> weightDigests(Path studyDir) throws IOException {
        List<String> out = new ArrayList<>();
        for (ScalingStudy.Entry e : ScalingStudy.read(studyDir.resolve("report.json")).models()) {
            Path f = e.weights() == null ? null : studyDir.resolve(e.weights());
            out.add(f != null && Files.isRegularFile(f) ? FileDigest.sha256(f) : "");
        }
        return out;
    }

    /** One model on one image. */
    public record Record(String model, String image, int trueClass, int predicted, double deletionAuc, double insertionAuc,
                         double averageDropPercent, boolean increase, double topShare) {
        public boolean correct() {
            return predicted == trueClass;
        }
    }

    /** A model's means over the images it gets right (and the count and top share of those it gets wrong). */
    public record ModelSummary(String model, int images, int correct, Bootstrap.Interval deletionAuc, Bootstrap.Interval insertionAuc,
                               Bootstrap.Interval averageDropPercent, Bootstrap.Interval increasePercent, Bootstrap.Interval topShare,
                               Bootstrap.Interval topShareWrong) {
    }

    /** The compound model minus another one, image by image over all images (each explained for its true class). */
    public record Difference(String minus, Bootstrap.Interval deletionAuc, Bootstrap.Interval insertionAuc,
                             Bootstrap.Interval averageDropPercent, Bootstrap.Interval topShare) {
    }

    public record Report(Settings settings, int images, List<ModelSummary> models, List<Difference> compoundMinus) {
    }

    /** After each model-and-image: done, in all. */
    public interface Progress {
        void update(int done, int total, String what);
    }

    private MapQualityStudy() {
    }

    /** {@code perClass} images of each class, the same for every model: a seeded shuffle of each class, its first ones. */
    static List<ImageFolder.Item> sample(List<ImageFolder.Item> items, int classes, int perClass, long seed) {
        List<ImageFolder.Item> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            final int label = c;
            List<ImageFolder.Item> ofClass = new ArrayList<>(items.stream().filter(i -> i.label() == label).toList());
            Collections.shuffle(ofClass, new Random(seed * 31 + c));
            out.addAll(ofClass.subList(0, Math.min(perClass, ofClass.size())));
        }
        return out;
    }

    /**
     * @param modelClasses the folder names the models were trained on, in their class order
     */
    public static Report run(List<LineupModel> lineup, List<String> modelClasses, ImageFolder data, Settings s, ModelOptions options,
                             Path out, Progress progress, BooleanSupplier cancelled) throws IOException {
        if (!data.classes().equals(modelClasses)) {
            throw new IllegalArgumentException(data.root() + " holds the classes " + data.classes() + ", the models know " + modelClasses);
        }
        List<ImageFolder.Item> images = sample(data.validation(), data.classes().size(), s.perClass(), s.seed());
        Files.createDirectories(out);
        startOrResume(out, s);
        List<Record> records = readRecords(out.resolve(RECORDS));
        Set<String> done = new HashSet<>();
        for (Record r : records) done.add(r.model() + "\n" + r.image());
        int total = lineup.size() * images.size();
        int count = done.size();
        Faithfulness.Options faithfulness = new Faithfulness.Options(s.steps(), 32, Faithfulness.Baseline.BLACK, Faithfulness.Baseline.BLUR,
                5.0, 15);
        try (BufferedWriter writer = Files.newBufferedWriter(out.resolve(RECORDS), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            for (LineupModel lm : lineup) {
                if (!lm.hasWeights()) throw new IllegalArgumentException(lm.label() + " has no weights: " + lm.missingReason());
                if (images.stream().allMatch(i -> done.contains(lm.label() + "\n" + name(data, i)))) continue;
                int batch = MemoryPlan.current().batchFor(lm.spec(), lm.spec().resolution(), 32, lm.label());
                CamMethod method = lm.camMethod(s.method(), batch);
                try (EfficientNetModel net = lm.load(options)) {
                    ModelCamSource source = new ModelCamSource(net);
                    for (ImageFolder.Item item : images) {
                        String image = name(data, item);
                        if (done.contains(lm.label() + "\n" + image)) continue;
                        if (cancelled.getAsBoolean()) {
                            throw new CancellationException("stopped after " + count + " of " + total + "; run the same command again to resume");
                        }
                        Record r = measure(lm.label(), image, item.label(), source, method, ImagePreprocessor.load(item.file(), lm.spec().resolution()),
                                s.layer(), new Faithfulness.Options(s.steps(), batch, faithfulness.deletionBaseline(),
                                        faithfulness.insertionBaseline(), faithfulness.blurSigma(), faithfulness.pointingTolerancePx()));
                        writer.write(GSON.toJson(r));
                        writer.newLine();
                        writer.flush();
                        records.add(r);
                        progress.update(++count, total, lm.label() + " on " + image);
                    }
                }
            }
        }
        Report report = summarize(s, lineup.stream().map(LineupModel::label).toList(), images.stream().map(i -> name(data, i)).toList(), records);
        AtomicFiles.writeString(out.resolve("quality.json"), new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(report));
        return report;
    }

    static Record measure(String model, String image, int trueClass, ModelCamSource source, CamMethod method, ImagePreprocessor.Prepared in,
                          String layer, Faithfulness.Options o) {
        CamResult cam = method.compute(source, in.pixels(), layer, trueClass);
        int predicted = org.scalinglab.cam.CamSource.argmax(cam.logits());
        float[][] saliency = HeatmapScaling.perMap(cam.map()).values();
        double delete = Faithfulness.deletion(source, in.pixels(), saliency, trueClass, o).auc();
        double insert = Faithfulness.insertion(source, in.pixels(), saliency, trueClass, o).auc();
        ConfidenceChange change = Faithfulness.confidenceChange(source, in.pixels(), saliency, trueClass);
        return new Record(model, image, trueClass, predicted, delete, insert, change.dropPercent(), change.increased(),
                MapComparison.topShare(cam.map(), TOP_FRACTION));
    }

    /** Means and intervals per model, and the compound model (the second) minus each other on the same images. */
    static Report summarize(Settings s, List<String> models, List<String> images, List<Record> records) {
        List<ModelSummary> summaries = new ArrayList<>();
        for (String m : models) {
            List<Record> all = records.stream().filter(r -> r.model().equals(m) && images.contains(r.image())).toList();
            List<Record> right = all.stream().filter(Record::correct).toList();
            List<Record> wrong = all.stream().filter(r -> !r.correct()).toList();
            long seed = s.seed() + m.hashCode();
            summaries.add(new ModelSummary(m, all.size(), right.size(),
                    Bootstrap.mean(right.stream().mapToDouble(Record::deletionAuc).toArray(), seed),
                    Bootstrap.mean(right.stream().mapToDouble(Record::insertionAuc).toArray(), seed + 1),
                    Bootstrap.mean(right.stream().mapToDouble(Record::averageDropPercent).toArray(), seed + 2),
                    Bootstrap.mean(right.stream().mapToDouble(r -> r.increase() ? 100 : 0).toArray(), seed + 3),
                    Bootstrap.mean(right.stream().mapToDouble(Record::topShare).toArray(), seed + 4),
                    Bootstrap.mean(wrong.stream().mapToDouble(Record::topShare).toArray(), seed + 5)));
        }
        List<Difference> differences = new ArrayList<>();
        if (models.size() >= 2) {
            String compound = models.get(1);
            for (String other : models) {
                if (other.equals(compound)) continue;
                differences.add(new Difference(other, paired(records, images, compound, other, Record::deletionAuc),
                        paired(records, images, compound, other, Record::insertionAuc),
                        paired(records, images, compound, other, Record::averageDropPercent),
                        paired(records, images, compound, other, Record::topShare)));
            }
        }
        return new Report(s, images.size(), summaries, differences);
    }

    private static Bootstrap.Interval paired(List<Record> records, List<String> images, String a, String b,
                                             java.util.function.ToDoubleFunction<Record> metric) {
        double[] x = new double[images.size()];
        double[] y = new double[images.size()];
        java.util.Arrays.fill(x, Double.NaN);
        java.util.Arrays.fill(y, Double.NaN);
        for (Record r : records) {
            int i = images.indexOf(r.image());
            if (i < 0) continue;
            if (r.model().equals(a)) x[i] = metric.applyAsDouble(r);
            if (r.model().equals(b)) y[i] = metric.applyAsDouble(r);
        }
        return Bootstrap.pairedDifference(x, y, a.hashCode() * 31L + b.hashCode());
    }

    private static String name(ImageFolder data, ImageFolder.Item item) {
        return data.root() == null ? item.file().toString() : data.root().relativize(item.file()).toString();
    }

    /** The records of a run folder, as made so far. */
    public static List<Record> records(Path out) throws IOException {
        return readRecords(out.resolve(RECORDS));
    }

    /** The records made so far; a last line cut short by a kill is left out (it is measured again). */
    static List<Record> readRecords(Path file) throws IOException {
        List<Record> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            try {
                out.add(GSON.fromJson(line, Record.class));
            } catch (JsonParseException e) {
                // the line a stopped run was writing
            }
        }
        return out;
    }

    /**
     * The models of a run in {@code out} that were trained again since it measured them (their weights' SHA-256 differs,
     * or the run is from a version that did not record it): their records are measured again, the others' kept. Empty
     * when there is no run in {@code out}; a run with other settings is refused, naming them.
     */
    public static List<String> retrained(Path out, Settings s) throws IOException {
        Settings there = settingsIn(out);
        if (there == null) return List.of();
        if (!s.sameButWeights(there)) {
            throw new IllegalArgumentException(out + " holds a run with other settings (" + there + "): use the same settings to resume,"
                    + " or another --out folder");
        }
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < s.models().size(); i++) {
            if (!java.util.Objects.equals(digest(there, i), digest(s, i))) changed.add(s.models().get(i));
        }
        return changed;
    }

    private static String digest(Settings s, int model) {
        return s.weights() == null ? null : s.weights().get(model);
    }

    private static Settings settingsIn(Path out) throws IOException {
        Path file = out.resolve(SETTINGS);
        if (!Files.exists(file)) return null;
        try {
            return GSON.fromJson(Files.readString(file), Settings.class);
        } catch (JsonParseException e) {
            throw new IOException(file + " is damaged: " + Messages.jsonProblem(e), e);
        }
    }

    /** Drops the records of the models trained again since, then records the settings (with the weights now measured). */
    private static void startOrResume(Path out, Settings s) throws IOException {
        List<String> changed = retrained(out, s);
        if (!changed.isEmpty()) {
            StringBuilder kept = new StringBuilder();
            for (Record r : readRecords(out.resolve(RECORDS))) if (!changed.contains(r.model())) kept.append(GSON.toJson(r)).append('\n');
            AtomicFiles.writeString(out.resolve(RECORDS), kept.toString());
        }
        AtomicFiles.writeString(out.resolve(SETTINGS), GSON.toJson(s));
    }
}
