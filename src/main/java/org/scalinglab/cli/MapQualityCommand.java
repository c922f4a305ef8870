package org.scalinglab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import org.scalinglab.app.AppHome;
import org.scalinglab.app.Bootstrap;
import org.scalinglab.app.LineupModel;
import org.scalinglab.app.Lineups;
import org.scalinglab.app.MapQualityStudy;
import org.scalinglab.cam.CamMethods;
import org.scalinglab.export.FigureWriter;
import org.scalinglab.export.IntervalFigure;
import org.scalinglab.io.AtomicFiles;
import org.scalinglab.tf.ModelOptions;
import org.scalinglab.tf.Signatures;
import org.scalinglab.train.ImageFolder;
import org.scalinglab.train.ScalingStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "map-quality", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The numbers behind the maps: every model of the study on the same images of a folder laid out by class (the val/ of a "
                + "train/val root), each image's map for its true class, with deletion and insertion AUC, average drop and increase in "
                + "confidence, and the share of the map in its top 20 % of pixels; per model the means with 95 % bootstrap intervals "
                + "(images it gets right; those it gets wrong apart), and compound minus each other model on the same images. Writes "
                + "quality.json, quality.csv and quality/differences.png/.svg/.pdf in --out; Ctrl+C stops, the same command resumes.")
final class MapQualityCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "images in class sub-folders, or a train/val root (val/ is used)")
    Path data;
    @Option(names = "--study-dir", paramLabel = "DIR", description = "the study folder (default: the bundled assets/study)")
    Path studyDir;
    @Option(names = "--per-class", defaultValue = "50", paramLabel = "N", description = "images per class (default ${DEFAULT-VALUE})")
    int perClass;
    @Option(names = "--method", defaultValue = CamMethods.DEFAULT, paramLabel = "NAME", description = "CAM method (default ${DEFAULT-VALUE})")
    String method;
    @Option(names = "--layer", defaultValue = Signatures.DEFAULT_CAM_LAYER, paramLabel = "NAME", description = "layer (default ${DEFAULT-VALUE})")
    String layer;
    @Option(names = "--steps", defaultValue = "20", paramLabel = "N", description = "deletion/insertion steps (default ${DEFAULT-VALUE})")
    int steps;
    @Option(names = "--seed", defaultValue = "1", description = "which images are drawn (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (records.jsonl makes a stopped run resumable)")
    Path out;
    @Option(names = {"--cache-dir"}, hidden = true, paramLabel = "DIR") Path cacheDir;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        if (perClass < 1 || perClass > 10_000) throw new IllegalArgumentException("--per-class must be between 1 and 10000, got " + perClass);
        if (steps < 2 || steps > 1000) throw new IllegalArgumentException("--steps must be between 2 and 1000, got " + steps);
        method = method.trim().toLowerCase(Locale.ROOT);
        CamMethods.describe(method);
        AtomicFiles.checkWritable(out.resolve("quality.json"));
        Path study = studyDir != null ? studyDir : AppHome.studyDir();
        List<LineupModel> lineup = Lineups.study(study);
        List<String> classes = ScalingStudy.read(study.resolve("report.json")).classes();
        ImageFolder folder = ImageFolder.forEvaluation(data);
        ModelOptions options = cacheDir == null ? ModelOptions.defaults() : ModelOptions.defaults().withCacheDir(cacheDir);
        MapQualityStudy.Settings settings = new MapQualityStudy.Settings(folder.root().toAbsolutePath().normalize().getFileName().toString(), classes,
                lineup.stream().map(LineupModel::label).toList(), method, layer, perClass, steps, seed, MapQualityStudy.weightDigests(study));
        List<String> again = MapQualityStudy.retrained(out, settings);
        if (!again.isEmpty()) {
            err.println(String.join(", ", again) + (again.size() == 1 ? " was" : " were") + " trained again since " + out
                    + " was measured (or its weights were not recorded): measured again; the other models' records are kept");
        }
        ProgressBar bar = new ProgressBar(err, "maps");
        MapQualityStudy.Report report;
        try (StopOnInterrupt stop = new StopOnInterrupt(err, "the measurement")) {
            try {
                report = MapQualityStudy.run(lineup, classes, folder, settings, options, out, (done, total, what) -> bar.update(done, total), stop);
            } catch (CancellationException e) {
                bar.end();
                err.println(e.getMessage());
                return 130;
            }
        }
        bar.end();
        writeCsv();
        for (String f : List.of("quality.png", "quality.svg", "quality.pdf")) write(out.resolve(f), means(report));
        for (String f : List.of("differences.png", "differences.svg", "differences.pdf")) write(out.resolve(f), differences(report));
        print(o, report);
        return 0;
    }

    private static void write(Path file, IntervalFigure f) throws java.io.IOException {
        FigureWriter.write(file, f.width(), f.height(), FigureWriter.CHART_DPI, f.title(), f::draw);
    }

    private void writeCsv() throws java.io.IOException {
        StringBuilder csv = new StringBuilder("model,image,true_class,predicted,correct,deletion_auc,insertion_auc,average_drop_percent,increase,top20_share\n");
        for (MapQualityStudy.Record r : MapQualityStudy.records(out)) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%b,%.6f,%.6f,%.4f,%b,%.6f%n", r.model(), r.image(), r.trueClass(), r.predicted(),
                    r.correct(), r.deletionAuc(), r.insertionAuc(), r.averageDropPercent(), r.increase(), r.topShare()));
        }
        AtomicFiles.writeString(out.resolve("quality.csv"), csv.toString());
    }

    static IntervalFigure means(MapQualityStudy.Report r) {
        List<IntervalFigure.Panel> panels = new ArrayList<>();
        panels.add(panel("Deletion AUC", "lower is better", r, MapQualityStudy.ModelSummary::deletionAuc, null));
        panels.add(panel("Insertion AUC", "higher is better", r, MapQualityStudy.ModelSummary::insertionAuc, null));
        panels.add(panel("Average drop (%)", "lower is better", r, MapQualityStudy.ModelSummary::averageDropPercent, null));
        panels.add(panel("Share in top 20 % of the map", "higher: more concentrated", r,
                MapQualityStudy.ModelSummary::topShare, 0.2));
        return new IntervalFigure(String.format(Locale.ROOT, "%s at %s: means over the images each model gets right, 95 %% bootstrap intervals",
                CamMethods.describe(r.settings().method()).title(), r.settings().layer()),
                String.format(Locale.ROOT, "%d images (%d per class), the same for every model, each explained for its true class; %d steps; dashed: a flat map's share (0.2)",
                        r.images(), r.settings().perClass(), r.settings().steps()), panels);
    }

    static IntervalFigure differences(MapQualityStudy.Report r) {
        String compound = r.settings().models().size() > 1 ? r.settings().models().get(1) : "?";
        List<IntervalFigure.Panel> panels = new ArrayList<>();
        panels.add(diff("Deletion AUC", r, MapQualityStudy.Difference::deletionAuc));
        panels.add(diff("Insertion AUC", r, MapQualityStudy.Difference::insertionAuc));
        panels.add(diff("Average drop (%)", r, MapQualityStudy.Difference::averageDropPercent));
        panels.add(diff("Share in top 20 %", r, MapQualityStudy.Difference::topShare));
        return new IntervalFigure(compound + " minus each other model, image by image, 95 % bootstrap intervals",
                "an interval that crosses the dashed zero line is no difference at this sample size; " + r.images() + " images", panels);
    }

    private static IntervalFigure.Panel panel(String title, String note, MapQualityStudy.Report r,
                                              Function<MapQualityStudy.ModelSummary, Bootstrap.Interval> metric, Double reference) {
        List<IntervalFigure.Row> rows = new ArrayList<>();
        for (MapQualityStudy.ModelSummary m : r.models()) {
            Bootstrap.Interval i = metric.apply(m);
            rows.add(new IntervalFigure.Row(m.model() + " (" + m.correct() + ")", i.mean(), i.low(), i.high()));
        }
        return new IntervalFigure.Panel(title, note, rows, reference);
    }

    private static IntervalFigure.Panel diff(String title, MapQualityStudy.Report r, Function<MapQualityStudy.Difference, Bootstrap.Interval> metric) {
        List<IntervalFigure.Row> rows = new ArrayList<>();
        for (MapQualityStudy.Difference d : r.compoundMinus()) {
            Bootstrap.Interval i = metric.apply(d);
            rows.add(new IntervalFigure.Row("− " + d.minus(), i.mean(), i.low(), i.high()));
        }
        return new IntervalFigure.Panel(title, "compound minus", rows, 0.0);
    }

    private void print(PrintWriter o, MapQualityStudy.Report r) {
        o.printf(Locale.ROOT, "%s at %s on %d images (%d per class); means over the images each model gets right, [95 %% interval]%n",
                r.settings().method(), r.settings().layer(), r.images(), r.settings().perClass());
        o.printf(Locale.ROOT, "%-18s %8s %22s %22s %22s %22s%n", "model", "right", "deletion AUC", "insertion AUC", "average drop %", "top-20 % share");
        for (MapQualityStudy.ModelSummary m : r.models()) {
            o.printf(Locale.ROOT, "%-18s %4d/%-3d %22s %22s %22s %22s%n", m.model(), m.correct(), m.images(), fmt(m.deletionAuc()),
                    fmt(m.insertionAuc()), fmt(m.averageDropPercent()), fmt(m.topShare()));
        }
        for (MapQualityStudy.Difference d : r.compoundMinus()) {
            o.printf(Locale.ROOT, "compound - %-12s %22s %22s %22s %22s%n", d.minus(), fmt(d.deletionAuc()), fmt(d.insertionAuc()),
                    fmt(d.averageDropPercent()), fmt(d.topShare()));
        }
        o.println("written: " + out.resolve("quality.json") + ", quality.csv, quality.png/.svg/.pdf, differences.png/.svg/.pdf");
        o.flush();
    }

    private static String fmt(Bootstrap.Interval i) {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", i.mean(), i.low(), i.high());
    }
}
