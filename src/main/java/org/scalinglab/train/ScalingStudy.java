package org.scalinglab.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.scalinglab.arch.MatchedVariants;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.scaling.CompoundScaling;

/**
 * The paper's Figure 7 experiment at small scale: a base network and its compound, width-only, depth-only and
 * resolution-only scalings of equal multiply-adds, each trained the same way. Each model trains in
 * {@code out/<kind>/} with its own checkpoints, so an interrupted study resumes model by model, and a model
 * finished by an earlier run is not trained again. {@code report.json} is rewritten after every model.
 */
public final class ScalingStudy {
    /**
     * One model of the study, as report.json lists it; top1, top5 and weights are null until it is trained; history holds
     * every epoch (training loss and accuracy, validation top-1 and top-5), empty in reports of earlier versions.
     */
    public record Entry(String kind, String label, double width, double depth, int resolution, int classes, long params,
                        long macs, double macsDifference, Double top1, Double top5, double trainingSeconds,
                        double imagesPerSecond, int epochs, String weights, List<Checkpoint.EpochRecord> history) {
        public Entry {
            history = history == null ? List.of() : List.copyOf(history);
        }

        public boolean trained() {
            return weights != null && top1 != null && !top1.isNaN();
        }
    }

    /**
     * A model of the study trained again with another seed and otherwise the same recipe, in {@code out/<kind>-seed<seed>/}:
     * how far two runs of one network differ, so a reader can tell a real difference between the models from noise.
     */
    public record Repeat(String kind, long seed, Double top1, Double top5, double trainingSeconds, String weights,
                         List<Checkpoint.EpochRecord> history) {
        public Repeat {
            history = history == null ? List.of() : List.copyOf(history);
        }

        public boolean trained() {
            return weights != null && top1 != null && !top1.isNaN();
        }
    }

    /**
     * What report.json holds. seed is the seed the five models trained with (null in reports of earlier versions);
     * repeats are models trained again with another seed (empty when there are none).
     */
    public record Report(double phi, double alpha, double beta, double gamma, List<String> classes, List<Entry> models,
                         Long seed, List<Repeat> repeats) {
        public Report {
            repeats = repeats == null ? List.of() : List.copyOf(repeats);
        }

        public Report(double phi, double alpha, double beta, double gamma, List<String> classes, List<Entry> models) {
            this(phi, alpha, beta, gamma, classes, models, null, List.of());
        }

        /** The model of this kind, if the study has it. */
        public java.util.Optional<Entry> model(String kind) {
            return models.stream().filter(e -> e.kind().equals(kind)).findFirst();
        }

        /**
         * How far the base's top-1 moved when it was trained again with another seed (as a fraction, the largest such
         * difference when there are several repeats); empty without a trained repeat of a trained base.
         */
        public java.util.OptionalDouble seedSpread() {
            Entry base = model("base").filter(Entry::trained).orElse(null);
            if (base == null) return java.util.OptionalDouble.empty();
            return repeats.stream().filter(r -> r.kind().equals("base") && r.trained())
                    .mapToDouble(r -> Math.abs(r.top1() - base.top1())).max();
        }
    }

    private ScalingStudy() {
    }

    /**
     * Trains the study's models that are not yet finished. A report.json already in {@code out} from the same study
     * (same phi, alpha, beta, gamma, classes and networks) is continued: a model it lists as trained for at least
     * {@code config.epochs()} epochs whose weights file exists is kept as it is; the others train, resuming from
     * their checkpoints where there are any. A report of another study in {@code out} is refused.
     */
    public static Report run(NetworkSpec base, CompoundScaling scaling, ImageFolder data, TrainingConfig config, Path out,
                             Consumer<TrainingProgress> progress, BooleanSupplier cancelled) throws IOException {
        return run(base, scaling, data, config, out, null, progress, cancelled);
    }

    /**
     * As above; with {@code repeatSeed} set, the base is then trained once more with that seed (and the same recipe)
     * in {@code out/base-seed<seed>/}, resuming or reusing a run there, and reported as a repeat, unless the report
     * already has it finished for these epochs with its weights. Repeats of an earlier run whose weights are still
     * there stay in the report.
     */
    public static Report run(NetworkSpec base, CompoundScaling scaling, ImageFolder data, TrainingConfig config, Path out,
                             Long repeatSeed, Consumer<TrainingProgress> progress, BooleanSupplier cancelled) throws IOException {
        NetworkSpec classed = base.withClasses(data.classes().size());
        List<MatchedVariants.Variant> variants = MatchedVariants.of(classed, scaling);
        // every planned model is in the report from the start; weights stay null until a model is trained
        List<Entry> entries = new ArrayList<>();
        for (MatchedVariants.Variant v : variants) entries.add(entry(v, null, out));
        List<Repeat> repeats = new ArrayList<>();
        Report planned = new Report(scaling.phi(), scaling.alpha(), scaling.beta(), scaling.gamma(), data.classes(), entries,
                config.seed(), repeats);
        boolean[] done = new boolean[entries.size()];
        Path file = out.resolve("report.json");
        if (Files.exists(file)) {
            Report previous = read(file);
            requireSameStudy(file, previous, planned);
            for (int i = 0; i < entries.size(); i++) {
                Entry e = previous.models().get(i);
                done[i] = e.trained() && e.epochs() >= config.epochs() && Files.isRegularFile(out.resolve(e.weights()));
                if (done[i]) entries.set(i, withHistory(e, out));
            }
            for (Repeat r : previous.repeats()) {
                boolean finished = r.trained() && Files.isRegularFile(out.resolve(r.weights()));
                boolean asked = repeatSeed != null && r.kind().equals("base") && r.seed() == repeatSeed;
                if (finished && (!asked || r.history().size() >= config.epochs())) repeats.add(r);
            }
        }
        write(out, live(planned, entries, repeats));
        List<TrainingPlan.Job> jobs = variants.stream()
                .map(v -> new TrainingPlan.Job(v.kind().name().toLowerCase(Locale.ROOT), v.spec())).toList();
        TrainingPlan.run(jobs, done, data, config, out, progress, cancelled, (i, r) -> {
            entries.set(i, entry(variants.get(i), r, out));
            write(out, live(planned, entries, repeats));
        });
        if (repeatSeed != null && repeats.stream().noneMatch(r -> r.kind().equals("base") && r.seed() == repeatSeed)) {
            String id = "base-seed" + repeatSeed;
            // a finished run there returns its result without training; an unfinished one resumes
            Trainer.Result r = Trainer.train(variants.get(0).spec().withName(id), data, config.withSeed(repeatSeed), out.resolve(id),
                    progress, cancelled);
            repeats.add(new Repeat("base", repeatSeed, r.top1(), r.top5(), r.seconds(), out.relativize(r.weights()).toString(), r.history()));
            repeats.sort(java.util.Comparator.comparingLong(Repeat::seed));
            write(out, live(planned, entries, repeats));
        }
        return live(planned, entries, repeats);
    }

    /** The report as it stands: the lists copied (a record copies them once, at construction). */
    private static Report live(Report r, List<Entry> entries, List<Repeat> repeats) {
        return new Report(r.phi(), r.alpha(), r.beta(), r.gamma(), r.classes(), entries, r.seed(), repeats);
    }

    /** Refuses to continue in a folder whose report belongs to another study, naming the first difference. */
    private static void requireSameStudy(Path file, Report previous, Report planned) {
        String difference = null;
        if (previous.phi() != planned.phi() || previous.alpha() != planned.alpha() || previous.beta() != planned.beta()
                || previous.gamma() != planned.gamma()) {
            difference = String.format(Locale.ROOT, "phi, alpha, beta, gamma %s, %s, %s, %s there", previous.phi(), previous.alpha(),
                    previous.beta(), previous.gamma());
        } else if (!planned.classes().equals(previous.classes())) {
            difference = "classes " + previous.classes() + " there";
        } else if (previous.models().size() != planned.models().size()) {
            difference = previous.models().size() + " models there";
        } else {
            for (int i = 0; i < planned.models().size() && difference == null; i++) {
                Entry a = planned.models().get(i);
                Entry b = previous.models().get(i);
                if (!a.kind().equals(b.kind()) || a.width() != b.width() || a.depth() != b.depth() || a.resolution() != b.resolution()
                        || a.classes() != b.classes()) {
                    difference = String.format(Locale.ROOT, "%s is %s %.4g/%.4g/%d there, %.4g/%.4g/%d now", a.label(), b.kind(),
                            b.width(), b.depth(), b.resolution(), a.width(), a.depth(), a.resolution());
                }
            }
        }
        if (difference != null) {
            throw new IllegalArgumentException(file + " belongs to another study (" + difference
                    + "): use another --out folder, or the same settings to resume");
        }
    }

    private static Entry entry(MatchedVariants.Variant v, Trainer.Result r, Path out) {
        NetworkSpec spec = v.spec();
        return new Entry(v.kind().name().toLowerCase(Locale.ROOT), v.kind().label(), spec.width(), spec.depth(), spec.resolution(),
                spec.classes(), v.params(), v.macs(), v.relativeDifference(), r == null ? null : (Double) r.top1(),
                r == null ? null : (Double) r.top5(), r == null ? 0 : r.seconds(), r == null ? 0 : r.imagesPerSecond(),
                r == null ? 0 : r.history().size(), r == null ? null : out.relativize(r.weights()).toString(),
                r == null ? List.of() : r.history());
    }

    /** A finished model of a report from before histories were kept: its history read back from its checkpoint. */
    private static Entry withHistory(Entry e, Path out) {
        if (!e.history().isEmpty()) return e;
        List<Checkpoint.EpochRecord> h = Checkpoint.finishedEpochs(out.resolve(e.kind())).orElse(List.of());
        return new Entry(e.kind(), e.label(), e.width(), e.depth(), e.resolution(), e.classes(), e.params(), e.macs(), e.macsDifference(),
                e.top1(), e.top5(), e.trainingSeconds(), e.imagesPerSecond(), e.epochs(), e.weights(), h);
    }

    static void write(Path out, Report report) throws IOException {
        ReportJson.write(out.resolve("report.json"), report);
    }

    public static Report read(Path reportJson) throws IOException {
        Report r = ReportJson.read(reportJson, Report.class);
        if (r.models() == null) throw new IOException(reportJson + " is not a study report (no models)");
        return r;
    }
}
