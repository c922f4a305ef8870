package org.scalinglab.train;

import java.io.IOException;
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
 * {@code out/<kind>/} with its own checkpoints, so an interrupted study resumes model by model.
 * {@code report.json} is rewritten after every model.
 */
public final class ScalingStudy {
    /** One model of the study, as report.json lists it; top1, top5 and weights are null until it is trained. */
    public record Entry(String kind, String label, double width, double depth, int resolution, int classes, long params,
                        long macs, double macsDifference, Double top1, Double top5, double trainingSeconds,
                        double imagesPerSecond, int epochs, String weights) {
        public boolean trained() {
            return weights != null && top1 != null && !top1.isNaN();
        }
    }

    /** What report.json holds. */
    public record Report(double phi, double alpha, double beta, double gamma, List<String> classes, List<Entry> models) {
    }

    private ScalingStudy() {
    }

    public static Report run(NetworkSpec base, CompoundScaling scaling, ImageFolder data, TrainingConfig config, Path out,
                             Consumer<TrainingProgress> progress, BooleanSupplier cancelled) throws IOException {
        NetworkSpec classed = base.withClasses(data.classes().size());
        List<MatchedVariants.Variant> variants = MatchedVariants.of(classed, scaling);
        // every planned model is in the report from the start; weights stay null until a model is trained
        List<Entry> entries = new ArrayList<>();
        for (MatchedVariants.Variant v : variants) entries.add(entry(v, null, out));
        write(out, new Report(scaling.phi(), scaling.alpha(), scaling.beta(), scaling.gamma(), data.classes(), entries));
        // every model goes through the trainer again: a finished checkpoint returns its result without training
        List<TrainingPlan.Job> jobs = variants.stream()
                .map(v -> new TrainingPlan.Job(v.kind().name().toLowerCase(Locale.ROOT), v.spec())).toList();
        TrainingPlan.run(jobs, data, config, out, progress, cancelled, (i, r) -> {
            entries.set(i, entry(variants.get(i), r, out));
            write(out, new Report(scaling.phi(), scaling.alpha(), scaling.beta(), scaling.gamma(), data.classes(), entries));
        });
        return new Report(scaling.phi(), scaling.alpha(), scaling.beta(), scaling.gamma(), data.classes(), entries);
    }

    private static Entry entry(MatchedVariants.Variant v, Trainer.Result r, Path out) {
        NetworkSpec spec = v.spec();
        return new Entry(v.kind().name().toLowerCase(Locale.ROOT), v.kind().label(), spec.width(), spec.depth(), spec.resolution(),
                spec.classes(), v.params(), v.macs(), v.relativeDifference(), r == null ? null : (Double) r.top1(),
                r == null ? null : (Double) r.top5(), r == null ? 0 : r.seconds(), r == null ? 0 : r.imagesPerSecond(),
                r == null ? 0 : r.history().size(), r == null ? null : out.relativize(r.weights()).toString());
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
