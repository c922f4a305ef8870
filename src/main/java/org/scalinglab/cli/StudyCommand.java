package org.scalinglab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalinglab.arch.MatchedVariants;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.app.StudyChart;
import org.scalinglab.app.StudyCurvesChart;
import org.scalinglab.scaling.CompoundScaling;
import org.scalinglab.train.ImageFolder;
import org.scalinglab.train.ScalingStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.scalinglab.export.FigureWriter;

@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Train a base network and its compound, width-only, depth-only and resolution-only scalings of equal "
                + "multiply-adds (the paper's Figure 7 models) on an image folder; writes report.json and study.png/.svg. "
                + "Each model checkpoints every epoch: run the same command again to resume.")
final class StudyCommand implements Callable<Integer> {
    @Option(names = "--phi", required = true, description = "compound coefficient phi") double phi;
    @Mixin ScalingBases bases;
    @Option(names = "--base", required = true, description = "base network WIDTH,DEPTH,RESOLUTION, e.g. 0.5,0.6,160 (or b0..b7)") String base;
    @Option(names = "--repeat-base", paramLabel = "SEED", description = "then train the base again with this seed (same recipe) "
            + "in OUT/base-seedSEED: the seed spread, which tells a real difference between the models from run-to-run noise")
    Long repeatSeed;
    @Mixin TrainingOptions options;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = options.out();
        PrintWriter err = options.err();
        if (repeatSeed != null && repeatSeed == options.config().seed()) {
            throw new IllegalArgumentException("--repeat-base " + repeatSeed + " is the study's own --seed: give another seed, whose run shows the spread");
        }
        CompoundScaling scaling = bases.at(phi);
        ImageFolder data = options.dataset();
        NetworkSpec baseSpec = BaseSpecs.parse(base).withClasses(data.classes().size());
        out.println("Study of " + baseSpec + " at phi=" + phi + " on " + data.classes().size() + " classes, "
                + data.train().size() + " training / " + data.validation().size() + " validation images:");
        for (MatchedVariants.Variant v : MatchedVariants.of(baseSpec, scaling)) out.println("  " + MatchedVariants.describe(v));
        out.flush();
        return options.run("the study", stop -> {
            ScalingStudy.Report report = ScalingStudy.run(baseSpec, scaling, data, options.config(), options.outDir(), repeatSeed,
                    TrainingOptions.printTo(err), stop);
            var chart = StudyChart.chart(report);
            StudyChart.write(options.outDir().resolve("study.png"), chart, 144);
            StudyChart.write(options.outDir().resolve("study.svg"), chart, 72);
            var curves = StudyCurvesChart.chart(report);
            for (String f : List.of("study-curves.png", "study-curves.svg")) FigureWriter.write(curves, options.outDir().resolve(f), 720, 440);
            out.printf("%-16s %8s %8s %6s %12s %10s %8s %8s %9s%n", "model", "width", "depth", "res", "mult-adds", "params", "top-1", "top-5", "time");
            for (ScalingStudy.Entry e : report.models()) {
                out.printf(Locale.ROOT, "%-16s %8.3f %8.3f %6d %,12d %,10d %8s %8s %8.0fs%n", e.label(), e.width(), e.depth(),
                        e.resolution(), e.macs(), e.params(), percent(e.top1()), percent(e.top5()), e.trainingSeconds());
            }
            for (ScalingStudy.Repeat r : report.repeats()) {
                out.printf(Locale.ROOT, "%-16s %8s %8s %6s %12s %10s %8s %8s %8.0fs%n", "Base, seed " + r.seed(), "", "", "", "", "",
                        percent(r.top1()), percent(r.top5()), r.trainingSeconds());
            }
            report.seedSpread().ifPresent(d -> out.printf(Locale.ROOT, "Seed spread of the base: %.2f points of top-1%n", 100 * d));
            out.println("Report: " + options.outDir().resolve("report.json"));
            out.flush();
        });
    }

    private static String percent(Double v) {
        return v == null || v.isNaN() ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }
}
