package org.scalinglab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalinglab.arch.MatchedVariants;
import org.scalinglab.app.SweepChart;
import org.scalinglab.train.ImageFolder;
import org.scalinglab.train.ReportText;
import org.scalinglab.train.TrainingConfig;
import org.scalinglab.train.ScaleSweep;
import org.scalinglab.train.SweepReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Step 2 of the paper's method at small scale (its Figures 3 and 8): with alpha, beta, gamma fixed, train "
                + "the base (phi = 0) and, for each phi > 0, the compound network and the width-only, depth-only and "
                + "resolution-only networks of the same multiply-adds. Writes sweep.json, sweep.png and sweep.svg in --out, "
                + "and each network in --out/<mode>-phi<phi>/. Ctrl+C stops; the same command again resumes.")
final class SweepCommand implements Callable<Integer> {
    @Option(names = "--base", required = true, description = "base network WIDTH,DEPTH,RESOLUTION, e.g. 0.35,0.4,112") String base;
    @Mixin ScalingBases bases;
    @Option(names = "--phis", split = ",", defaultValue = "0,1,2", description = "compound coefficients to train (default ${DEFAULT-VALUE})")
    List<Double> phis;
    @Mixin TrainingOptions options;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = options.out();
        PrintWriter err = options.err();
        TrainingConfig config = options.config(); // bad training options fail before anything else
        ScaleSweep sweep = new ScaleSweep(BaseSpecs.parse(base), bases.alpha, bases.beta, bases.gamma, phis);
        ImageFolder data = options.dataset();
        List<ScaleSweep.Planned> points = sweep.points(data.classes().size());
        out.printf(Locale.ROOT, "Sweep of base %s with alpha %s, beta %s, gamma %s (alpha*beta^2*gamma^2 = %.3f) at phi %s: %d networks,%n",
                base, ReportText.number(bases.alpha), ReportText.number(bases.beta), ReportText.number(bases.gamma),
                bases.alpha * bases.beta * bases.beta * bases.gamma * bases.gamma,
                sweep.phis().stream().map(ReportText::number).toList(), points.size());
        out.println(PlanConsole.budget(data, options.epochs) + ". Training order (smallest phi first):");
        printTable(out, points.stream().map(ScaleSweep.Planned::point).toList(), false);
        out.println("Results: " + options.outDir().resolve(ScaleSweep.REPORT) + " (rewritten after each network)");
        out.flush();
        return options.run("the sweep", stop -> {
            SweepReport report = sweep.run(data, options.perClass, config, options.outDir(),
                    PlanConsole.progress(err, points.stream().map(ScaleSweep.Planned::id).toList()), stop,
                    PlanConsole.afterEach(err, options.outDir(), "sweep", SweepChart::chart));
            printTable(out, report.points(), true);
            out.println("Report: " + options.outDir().resolve(ScaleSweep.REPORT) + ", chart: " + options.outDir().resolve("sweep.png"));
            out.flush();
        });
    }

    private static void printTable(PrintWriter out, List<SweepReport.Point> points, boolean results) {
        out.printf("%4s %-11s %5s %7s %7s %5s %12s %8s %10s", "#", "mode", "phi", "width", "depth", "res", "mult-adds", "vs comp", "params");
        out.println(results ? PlanConsole.RESULTS_HEADER : "");
        for (int i = 0; i < points.size(); i++) {
            SweepReport.Point p = points.get(i);
            // the base is not matched to anything; the others are compared with the compound network of their phi
            String diff = p.mode().equals("base") || p.mode().equals("compound") ? "" : String.format(Locale.ROOT, "%+.1f%%", 100 * p.macsDifference());
            String off = Math.abs(p.macsDifference()) > MatchedVariants.TOLERANCE && !p.mode().equals("base") ? "  off target: rounding allows no closer" : "";
            out.printf(Locale.ROOT, "%4d %-11s %5s %7.3f %7.3f %5d %,12d %8s %,10d", i + 1, p.mode(), ReportText.number(p.phi()), p.width(),
                    p.depth(), p.resolution(), p.macs(), diff, p.params());
            out.println(results ? PlanConsole.results(p) + off : off);
        }
    }
}
