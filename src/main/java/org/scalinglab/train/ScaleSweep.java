package org.scalinglab.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.scalinglab.arch.CostModel;
import org.scalinglab.arch.MatchedVariants;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.scaling.CompoundScaling;

/**
 * Step 2 of the paper's method at small scale (its Figures 3 and 8): with α, β, γ fixed, each φ &gt; 0 gives the
 * compound network and the width-only, depth-only and resolution-only networks of matched multiply-adds
 * ({@link MatchedVariants}); φ = 0 is the base, trained once (mode "base"). Each point trains in
 * {@code out/<mode>-phi<φ>/}, smallest φ first; {@code out/sweep.json} lists every point from the start and is
 * rewritten after each one. Running again skips finished points and resumes a half-trained one.
 *
 * @param phis the φ values, sorted and without repeats by the constructor
 */
public record ScaleSweep(NetworkSpec base, double alpha, double beta, double gamma, List<Double> phis) {
    public static final String REPORT = "sweep.json";

    public ScaleSweep {
        if (phis.isEmpty()) throw new IllegalArgumentException("give at least one phi");
        for (double phi : phis) {
            new CompoundScaling(phi, alpha, beta, gamma); // checks each phi and the coefficients, with a clear message
        }
        phis = phis.stream().distinct().sorted().toList();
    }

    /** One planned network: its folder name, its spec and its report entry (untrained). */
    public record Planned(String id, NetworkSpec spec, SweepReport.Point point) {
    }

    /** Every network of the sweep in training order: by φ, then compound, width, depth, resolution. */
    public List<Planned> points(int classes) {
        NetworkSpec classed = base.withClasses(classes);
        List<Planned> out = new ArrayList<>();
        for (double phi : phis) {
            if (phi == 0) {
                CostModel cost = CostModel.of(classed);
                out.add(new Planned(id("base", 0), classed, new SweepReport.Point("base", 0, classed.width(), classed.depth(),
                        classed.resolution(), cost.params(), cost.macs(), 0, null, null, 0, null)));
                continue;
            }
            List<MatchedVariants.Variant> variants = MatchedVariants.of(classed, new CompoundScaling(phi, alpha, beta, gamma));
            for (MatchedVariants.Variant v : variants.subList(1, variants.size())) {
                String mode = v.kind().name().toLowerCase(Locale.ROOT);
                NetworkSpec s = v.spec();
                out.add(new Planned(id(mode, phi), s, new SweepReport.Point(mode, phi, s.width(), s.depth(), s.resolution(),
                        v.params(), v.macs(), v.relativeDifference(), null, null, 0, null)));
            }
        }
        return out;
    }

    /** A point's folder name, e.g. {@code compound-phi1} or {@code width-phi1.5}. */
    public static String id(String mode, double phi) {
        return mode + "-phi" + ReportText.number(phi);
    }

    /** The report before training: every point listed, none trained. */
    public SweepReport plan(ImageFolder data, int epochs, int perClass) {
        List<SweepReport.Point> planned = points(data.classes().size()).stream().map(Planned::point).toList();
        return new SweepReport(BaseSize.of(base), alpha, beta, gamma, phis, epochs, perClass, data.classes(), planned);
    }

    /**
     * Trains every point not yet finished, rewriting {@code out/sweep.json} (and calling {@code updated}) once with
     * the plan and after each point. Cancelling throws {@link java.util.concurrent.CancellationException}.
     */
    public SweepReport run(ImageFolder data, int perClass, TrainingConfig config, Path out, Consumer<TrainingProgress> progress,
                           BooleanSupplier cancelled, Consumer<SweepReport> updated) throws IOException {
        List<TrainingPlan.Job> jobs = points(data.classes().size()).stream().map(p -> new TrainingPlan.Job(p.id(), p.spec())).toList();
        return TrainingPlan.run(plan(data, config.epochs(), perClass), jobs, out.resolve(REPORT), SweepReport::read,
                data, config, out, progress, cancelled, updated);
    }
}
