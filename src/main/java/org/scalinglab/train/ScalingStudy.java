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

    /** What report.json holds. */
    public record Report(double phi, double alpha, double beta, double gamma, List<String> classes, List<Entry> models) {
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
        NetworkSpec classed = base.withClasses(data.classes().size());
        List<MatchedVariants.Variant> variants = MatchedVariants.of(classed, scaling);
        // every planned model is in the report from the start; weights stay null until a model is trained
        List<Entry> entries = new ArrayList<>();
        for (MatchedVariants.Variant v : variants) entries.add(entry(v, null, out));
        Report planned = new Report(scaling.phi(), scaling.alpha(), scaling.beta(), scaling.gamma(), data.classes(), entries);
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
        }
        write(out, planned);
        List<TrainingPlan.Job> jobs = variants.stream()
                .map(v -> new TrainingPlan.Job(v.kind().name().toLowerCase(Locale.ROOT), v.spec())).toList();
        TrainingPlan.run(jobs, done, data, config, out, progress, cancelled, (i, r) -> {
            entries.set(i, entry(variants.get(i), r, out));
            write(out, planned);
        });
        return planned;
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
