package org.scalinglab.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.scalinglab.arch.CostModel;
import org.scalinglab.arch.MatchedVariants;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.scaling.CompoundScaling;
import org.scalinglab.scaling.GridCandidates;

/**
 * Step 1 of the paper's method at small scale: every (α, β, γ) on the grid with α·β²·γ² ≈ 2 scales the base at
 * φ = 1 and trains for the same short budget in {@code out/<id>/}; {@code out/grid.json} lists every candidate from
 * the start and is rewritten after each one. Running again skips finished candidates and resumes a half-trained one.
 *
 * <p>Training order: the paper's choice first (or the candidate nearest to it), then always the candidate farthest
 * from all those already chosen (in α, β, γ), so a search stopped early has already covered the grid coarsely.
 *
 * @param includePaper add the paper's (1.2, 1.1, 1.15) when the grid misses it (e.g. step 0.1 or 0.25)
 */
public record GridSearch(NetworkSpec base, double step, double tolerance, boolean includePaper) {
    public static final String REPORT = "grid.json";

    private static final GridCandidates.Candidate PAPER =
            new GridCandidates.Candidate(CompoundScaling.PAPER_ALPHA, CompoundScaling.PAPER_BETA, CompoundScaling.PAPER_GAMMA);

    /** The candidates in training order. Throws when the grid has none within the tolerance. */
    public List<GridCandidates.Candidate> candidates() {
        List<GridCandidates.Candidate> grid = GridCandidates.enumerate(step, tolerance);
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("no (alpha, beta, gamma) on a grid of step " + ReportText.number(step)
                    + " has alpha*beta^2*gamma^2 within " + ReportText.number(100 * tolerance) + "% of 2; raise --tolerance");
        }
        List<GridCandidates.Candidate> all = new ArrayList<>(grid);
        if (includePaper && grid.stream().noneMatch(GridCandidates.Candidate::isPaperChoice)) all.add(PAPER);
        return spreadOut(all);
    }

    /** A folder name that reads as the coefficients, e.g. {@code a1.20-b1.10-g1.15}. */
    public static String id(GridCandidates.Candidate c) {
        return "a" + twoDecimals(c.alpha()) + "-b" + twoDecimals(c.beta()) + "-g" + twoDecimals(c.gamma());
    }

    /** The network a candidate trains: the base scaled at φ = 1 with the candidate's coefficients. */
    public NetworkSpec scaled(GridCandidates.Candidate c, int classes) {
        return MatchedVariants.compound(base.withClasses(classes), new CompoundScaling(1, c.alpha(), c.beta(), c.gamma()));
    }

    /** The report before training: every candidate listed, none trained. */
    public GridSearchReport plan(ImageFolder data, int epochs, int perClass) {
        List<GridSearchReport.Candidate> planned = new ArrayList<>();
        for (GridCandidates.Candidate c : candidates()) {
            NetworkSpec spec = scaled(c, data.classes().size());
            CostModel cost = CostModel.of(spec);
            planned.add(new GridSearchReport.Candidate(c.alpha(), c.beta(), c.gamma(), spec.width(), spec.depth(), spec.resolution(),
                    cost.params(), cost.macs(), null, null, 0, null));
        }
        return new GridSearchReport(BaseSize.of(base), step, tolerance, epochs, perClass, data.classes(), planned);
    }

    /**
     * Trains every candidate not yet finished, rewriting {@code out/grid.json} (and calling {@code updated}) once
     * with the plan and after each candidate. Cancelling throws {@link java.util.concurrent.CancellationException};
     * what was finished stays in the report.
     */
    public GridSearchReport run(ImageFolder data, int perClass, TrainingConfig config, Path out, Consumer<TrainingProgress> progress,
                                BooleanSupplier cancelled, Consumer<GridSearchReport> updated) throws IOException {
        List<TrainingPlan.Job> jobs = candidates().stream()
                .map(c -> new TrainingPlan.Job(id(c), scaled(c, data.classes().size()))).toList();
        return TrainingPlan.run(plan(data, config.epochs(), perClass), jobs, out.resolve(REPORT), GridSearchReport::read,
                data, config, out, progress, cancelled, updated);
    }

    /** Greedy farthest-point order, starting at the candidate nearest to the paper's choice. */
    static List<GridCandidates.Candidate> spreadOut(List<GridCandidates.Candidate> all) {
        int n = all.size();
        double[] nearestChosen = new double[n];
        boolean[] chosen = new boolean[n];
        int next = 0;
        for (int i = 1; i < n; i++) {
            if (distance(all.get(i), PAPER) < distance(all.get(next), PAPER)) next = i;
        }
        Arrays.fill(nearestChosen, Double.POSITIVE_INFINITY);
        List<GridCandidates.Candidate> order = new ArrayList<>(n);
        while (order.size() < n) {
            chosen[next] = true;
            order.add(all.get(next));
            int farthest = -1;
            for (int i = 0; i < n; i++) {
                if (chosen[i]) continue;
                nearestChosen[i] = Math.min(nearestChosen[i], distance(all.get(i), all.get(next)));
                if (farthest < 0 || nearestChosen[i] > nearestChosen[farthest] + 1e-12) farthest = i;
            }
            next = farthest;
        }
        return order;
    }

    private static double distance(GridCandidates.Candidate a, GridCandidates.Candidate b) {
        double da = a.alpha() - b.alpha();
        double db = a.beta() - b.beta();
        double dg = a.gamma() - b.gamma();
        return Math.sqrt(da * da + db * db + dg * dg);
    }

    /** At least two decimals, more only where the value needs them (a grid of step 0.025 has 1.025). */
    private static String twoDecimals(double v) {
        String s = ReportText.number(v);
        int dot = s.indexOf('.');
        int decimals = dot < 0 ? 0 : s.length() - dot - 1;
        if (decimals >= 2) return s;
        return (dot < 0 ? s + "." : s) + "0".repeat(2 - decimals);
    }
}
