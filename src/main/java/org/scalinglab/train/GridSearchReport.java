package org.scalinglab.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * grid.json: Step 1 of the paper's method at small scale. Every candidate (α, β, γ) with α·β²·γ² ≈ 2 scales the
 * base at φ = 1 and trains for the same short proxy budget. All planned candidates are listed from the start;
 * {@code top1}, {@code top5} and {@code weights} stay null until a candidate is trained.
 */
public record GridSearchReport(BaseSize base, double step, double tolerance, int epochs, int perClass, List<String> classes,
                               List<Candidate> candidates) {

    /** One candidate: its coefficients, the scaled network they give and, once trained, its validation accuracy. */
    public record Candidate(double alpha, double beta, double gamma, double width, double depth, int resolution, long params,
                            long macs, Double top1, Double top5, double trainingSeconds, String weights) {
        public boolean trained() {
            return top1 != null;
        }

        public double constraint() {
            return alpha * beta * beta * gamma * gamma;
        }
    }

    /** The trained candidate with the highest top-1 (ties: fewer multiply-adds), if any is trained. */
    public Optional<Candidate> best() {
        return candidates.stream().filter(Candidate::trained)
                .max(Comparator.comparingDouble(Candidate::top1).thenComparing(Comparator.comparingLong(Candidate::macs).reversed()));
    }

    public static GridSearchReport read(Path file) throws IOException {
        GridSearchReport r = ReportJson.read(file, GridSearchReport.class);
        if (r.candidates() == null || r.base() == null) throw new IOException(file + " is not a grid-search report (no candidates)");
        return r;
    }

    public void write(Path file) throws IOException {
        ReportJson.write(file, this);
    }
}
