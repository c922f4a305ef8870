package org.scalinglab.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scalinglab.scaling.GridCandidates;

/**
 * grid.json: Step 1 of the paper's method at small scale. Every candidate (α, β, γ) with α·β²·γ² ≈ 2 scales the
 * base at φ = 1 and trains for the same short proxy budget. All planned candidates are listed from the start;
 * {@code top1}, {@code top5} and {@code weights} stay null until a candidate is trained.
 */
public record GridSearchReport(BaseSize base, double step, double tolerance, int epochs, int perClass, List<String> classes,
                               List<Candidate> candidates) implements PlannedReport<GridSearchReport, GridSearchReport.Candidate> {

    /** One candidate: its coefficients, the scaled network they give and, once trained, its validation accuracy. */
    public record Candidate(double alpha, double beta, double gamma, double width, double depth, int resolution, long params,
                            long macs, Double top1, Double top5, double trainingSeconds, String weights)
            implements PlannedReport.Entry<Candidate> {
        public boolean trained() {
            return top1 != null;
        }

        public double constraint() {
            return alpha * beta * beta * gamma * gamma;
        }

        @Override
        public Candidate withResult(Trainer.Result r, String weights) {
            return new Candidate(alpha, beta, gamma, width, depth, resolution, params, macs, r.top1(), r.top5(), r.seconds(), weights);
        }
    }

    /** The trained candidate with the highest top-1 (ties: fewer multiply-adds), if any is trained. */
    public Optional<Candidate> best() {
        return candidates.stream().filter(Candidate::trained)
                .max(Comparator.comparingDouble(Candidate::top1).thenComparing(Comparator.comparingLong(Candidate::macs).reversed()));
    }

    @Override
    public List<Candidate> entries() {
        return candidates;
    }

    @Override
    public GridSearchReport withEntries(List<Candidate> entries) {
        return new GridSearchReport(base, step, tolerance, epochs, perClass, classes, List.copyOf(entries));
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("base", ReportText.base(base));
        m.put("step", step);
        m.put("tolerance", tolerance);
        m.put("epochs", epochs);
        m.put("images per class", perClass);
        m.put("classes", classes);
        m.put("candidates", candidates.stream().map(c -> GridSearch.id(new GridCandidates.Candidate(c.alpha(), c.beta(), c.gamma()))
                + "@" + c.resolution()).toList());
        return m;
    }

    public static GridSearchReport read(Path file) throws IOException {
        return PlannedReport.read(file, GridSearchReport.class, "a grid-search report (no candidates)");
    }
}
