package org.scalinglab.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * sweep.json: Step 2 of the paper's method at small scale (its Figures 3 and 8). With α, β, γ fixed, each φ in
 * the sweep gives a compound network and width-only, depth-only and resolution-only networks of the same
 * multiply-adds; all train the same way. φ = 0 is the base, shared by every mode (mode "base"). All planned
 * points are listed from the start; {@code top1}, {@code top5} and {@code weights} stay null until trained.
 */
public record SweepReport(BaseSize base, double alpha, double beta, double gamma, List<Double> phis, int epochs, int perClass,
                          List<String> classes, List<Point> points) {

    /** One trained network of the sweep. mode: base, compound, width, depth or resolution. */
    public record Point(String mode, double phi, double width, double depth, int resolution, long params, long macs,
                        double macsDifference, Double top1, Double top5, double trainingSeconds, String weights) {
        public boolean trained() {
            return top1 != null;
        }
    }

    public static SweepReport read(Path file) throws IOException {
        SweepReport r = ReportJson.read(file, SweepReport.class);
        if (r.points() == null || r.base() == null) throw new IOException(file + " is not a sweep report (no points)");
        return r;
    }

    public void write(Path file) throws IOException {
        ReportJson.write(file, this);
    }
}
