package org.scalinglab.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * sweep.json: Step 2 of the paper's method at small scale (its Figures 3 and 8). With α, β, γ fixed, each φ in
 * the sweep gives a compound network and width-only, depth-only and resolution-only networks of the same
 * multiply-adds; all train the same way. φ = 0 is the base, shared by every mode (mode "base"). All planned
 * points are listed from the start; {@code top1}, {@code top5} and {@code weights} stay null until trained.
 */
public record SweepReport(BaseSize base, double alpha, double beta, double gamma, List<Double> phis, int epochs, int perClass,
                          List<String> classes, List<Point> points) implements PlannedReport<SweepReport, SweepReport.Point> {

    /** One trained network of the sweep. mode: base, compound, width, depth or resolution. */
    public record Point(String mode, double phi, double width, double depth, int resolution, long params, long macs,
                        double macsDifference, Double top1, Double top5, double trainingSeconds, String weights)
            implements PlannedReport.Entry<Point> {
        public boolean trained() {
            return top1 != null;
        }

        @Override
        public Point withResult(Trainer.Result r, String weights) {
            return new Point(mode, phi, width, depth, resolution, params, macs, macsDifference, r.top1(), r.top5(), r.seconds(), weights);
        }
    }

    @Override
    public List<Point> entries() {
        return points;
    }

    @Override
    public SweepReport withEntries(List<Point> entries) {
        return new SweepReport(base, alpha, beta, gamma, phis, epochs, perClass, classes, List.copyOf(entries));
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("base", ReportText.base(base));
        m.put("alpha", alpha);
        m.put("beta", beta);
        m.put("gamma", gamma);
        m.put("phis", phis);
        m.put("epochs", epochs);
        m.put("images per class", perClass);
        m.put("classes", classes);
        m.put("points", points.stream().map(p -> ScaleSweep.id(p.mode(), p.phi()) + "@" + ReportText.number(p.width()) + ","
                + ReportText.number(p.depth()) + "," + p.resolution()).toList());
        return m;
    }

    public static SweepReport read(Path file) throws IOException {
        return PlannedReport.read(file, SweepReport.class, "a sweep report (no points)");
    }
}
