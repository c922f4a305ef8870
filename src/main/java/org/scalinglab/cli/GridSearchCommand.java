package org.scalinglab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalinglab.arch.CostModel;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.app.GridChart;
import org.scalinglab.scaling.GridCandidates;
import org.scalinglab.train.GridSearch;
import org.scalinglab.train.GridSearchReport;
import org.scalinglab.train.ImageFolder;
import org.scalinglab.train.ReportText;
import org.scalinglab.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "grid-search", mixinStandardHelpOptions = true,
        description = "Step 1 of the paper's method at small scale: scale the base at phi = 1 with every (alpha, beta, gamma) "
                + "on a grid whose alpha*beta^2*gamma^2 is within the tolerance of 2, train each for the same epochs and "
                + "compare validation top-1. Writes grid.json, grid.png and grid.svg in --out, and each candidate in "
                + "--out/<id>/. Ctrl+C stops; the same command again skips finished candidates and resumes the rest.")
final class GridSearchCommand implements Callable<Integer> {
    @Option(names = "--base", required = true, description = "base network WIDTH,DEPTH,RESOLUTION, e.g. 0.35,0.4,112") String base;
    @Option(names = "--step", required = true, description = "grid step of alpha, beta and gamma (0.01..0.5), e.g. 0.05") double step;
    @Option(names = "--tolerance", defaultValue = "0.05",
            description = "keep candidates with |alpha*beta^2*gamma^2 - 2| <= 2*tolerance (default ${DEFAULT-VALUE})") double tolerance;
    @Option(names = "--include-paper", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "also train the paper's 1.2, 1.1, 1.15 when the grid misses it (default: on)") boolean includePaper;
    @Mixin TrainingOptions options;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = options.out();
        PrintWriter err = options.err();
        TrainingConfig config = options.config(); // bad training options fail before anything else
        GridSearch search = new GridSearch(BaseSpecs.parse(base), step, tolerance, includePaper);
        List<GridCandidates.Candidate> order = search.candidates(); // bad step or an empty grid fail here, before the data loads
        ImageFolder data = options.dataset();
        GridSearchReport plan = search.plan(data, options.epochs, options.perClass);
        NetworkSpec classed = search.base().withClasses(data.classes().size());
        List<GridCandidates.Candidate> grid = GridCandidates.enumerate(step, tolerance);
        boolean paperOnGrid = grid.stream().anyMatch(GridCandidates.Candidate::isPaperChoice);
        out.printf(Locale.ROOT, "Grid search at phi = 1: %d candidates with alpha*beta^2*gamma^2 within %s%% of 2 on a grid of step %s%s;%n",
                grid.size(), ReportText.number(100 * tolerance), ReportText.number(step), paperOnGrid ? " (the paper's choice among them)"
                        : order.size() > grid.size() ? ", plus the paper's choice 1.2, 1.1, 1.15, which is off this grid" : "");
        out.printf(Locale.ROOT, "base %s (%,d multiply-adds), %s.%n", base, CostModel.of(classed).macs(), PlanConsole.budget(data, options.epochs));
        out.println("Training order (paper's choice first, then spread over the grid):");
        printTable(out, plan, false);
        out.println("Results: " + options.outDir().resolve(GridSearch.REPORT) + " (rewritten after each candidate)");
        out.flush();
        List<String> ids = order.stream().map(GridSearch::id).toList();
        return options.run("the grid search", stop -> {
            GridSearchReport report = search.run(data, options.perClass, config, options.outDir(), PlanConsole.progress(err, ids), stop,
                    PlanConsole.afterEach(err, options.outDir(), "grid", GridChart::chart));
            printTable(out, report, true);
            report.best().ifPresent(b -> out.printf(Locale.ROOT, "Best: alpha %s, beta %s, gamma %s with %s top-1%n",
                    ReportText.number(b.alpha()), ReportText.number(b.beta()), ReportText.number(b.gamma()), PlanConsole.percent(b.top1())));
            out.println("Report: " + options.outDir().resolve(GridSearch.REPORT) + ", chart: " + options.outDir().resolve("grid.png"));
            out.flush();
        });
    }

    private static void printTable(PrintWriter out, GridSearchReport r, boolean results) {
        out.printf("%4s %5s %5s %5s %7s %7s %5s %12s %10s", "#", "alpha", "beta", "gamma", "width", "depth", "res", "mult-adds", "params");
        out.println(results ? PlanConsole.RESULTS_HEADER : "");
        var best = r.best().orElse(null);
        for (int i = 0; i < r.candidates().size(); i++) {
            GridSearchReport.Candidate c = r.candidates().get(i);
            out.printf(Locale.ROOT, "%4d %5.2f %5.2f %5.2f %7.3f %7.3f %5d %,12d %,10d", i + 1, c.alpha(), c.beta(), c.gamma(), c.width(), c.depth(), c.resolution(), c.macs(), c.params());
            String note = new GridCandidates.Candidate(c.alpha(), c.beta(), c.gamma()).isPaperChoice() ? "  paper" : "";
            if (c == best) note += "  best";
            out.println(results ? PlanConsole.results(c) + note : note);
        }
    }
}
