package org.scalinglab.arch;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import org.scalinglab.scaling.CompoundScaling;

/**
 * The paper's Figure 7 line-up: a base network scaled by the compound rule, and the width-only, depth-only and
 * resolution-only networks whose multiply-adds match the compound one as closely as the rounding rules allow.
 * Each single coefficient is solved against the {@link CostModel} by bisection (multiply-adds grow monotonically,
 * in steps, with each coefficient), then the closer of the two neighbours of the target is kept.
 */
public final class MatchedVariants {
    /** The promise: every variant within ±5% of the compound multiply-adds, where rounding allows. */
    public static final double TOLERANCE = 0.05;
    /** How far a single coefficient may be pushed (times the base) when matching the cost. */
    private static final double MAX_FACTOR = 6;

    public enum Kind {
        BASE("Base"), COMPOUND("Compound"), WIDTH("Width only"), DEPTH("Depth only"), RESOLUTION("Resolution only");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A scaled network and how far its multiply-adds landed from the compound target (0.02 = +2%). */
    public record Variant(Kind kind, NetworkSpec spec, long macs, long params, double relativeDifference) {
        /** Whether this variant matched the compound cost; the base is not meant to and always counts as true. */
        public boolean withinTolerance() {
            return kind == Kind.BASE || Math.abs(relativeDifference) <= TOLERANCE;
        }
    }

    private MatchedVariants() {
    }

    /** Base, compound, width-only, depth-only and resolution-only, in that order. */
    public static List<Variant> of(NetworkSpec base, CompoundScaling scaling) {
        NetworkSpec compound = compound(base, scaling);
        long target = CostModel.of(compound).macs();
        List<Variant> single = matching(base, target);
        return List.of(variant(Kind.BASE, base, target), variant(Kind.COMPOUND, compound, target),
                single.get(0), single.get(1), single.get(2));
    }

    /** The compound rule applied to any base: width × β^φ, depth × α^φ, resolution × γ^φ rounded to a pixel. */
    public static NetworkSpec compound(NetworkSpec base, CompoundScaling scaling) {
        return new NetworkSpec(name(base, "compound"), base.width() * scaling.width(), base.depth() * scaling.depth(),
                (int) Math.round(base.resolution() * scaling.resolutionMultiplier()), base.dropout(), base.classes());
    }

    /** Width-only, depth-only and resolution-only scalings of the base whose multiply-adds come closest to a target. */
    public static List<Variant> matching(NetworkSpec base, long target) {
        double w0 = base.width();
        double d0 = base.depth();
        int r0 = base.resolution();
        NetworkSpec width = solve(target, w0, Math.min(CompoundScaling.MAX_WIDTH, MAX_FACTOR * w0),
                w -> new NetworkSpec(name(base, "width"), w, d0, r0, base.dropout(), base.classes()));
        NetworkSpec depth = solve(target, d0, Math.min(CompoundScaling.MAX_DEPTH, MAX_FACTOR * d0),
                d -> new NetworkSpec(name(base, "depth"), w0, d, r0, base.dropout(), base.classes()));
        NetworkSpec resolution = solve(target, r0, Math.min(NetworkSpec.MAX_RESOLUTION, MAX_FACTOR * r0),
                r -> new NetworkSpec(name(base, "resolution"), w0, d0, (int) Math.round(r), base.dropout(), base.classes()));
        return List.of(variant(Kind.WIDTH, width, target), variant(Kind.DEPTH, depth, target),
                variant(Kind.RESOLUTION, resolution, target));
    }

    private static Variant variant(Kind kind, NetworkSpec spec, long target) {
        CostModel c = CostModel.of(spec);
        return new Variant(kind, spec, c.macs(), c.params(), c.macs() / (double) target - 1);
    }

    /** Bisection for the smallest coefficient whose cost reaches the target, then the closer neighbour. */
    private static NetworkSpec solve(long target, double low, double high, DoubleFunction<NetworkSpec> make) {
        if (CostModel.of(make.apply(high)).macs() < target) {
            return make.apply(high); // cannot reach it within the limits: the largest one, reported as off target
        }
        double lo = low;
        double hi = high;
        for (int i = 0; i < 60 && hi - lo > 1e-6; i++) {
            double mid = 0.5 * (lo + hi);
            if (CostModel.of(make.apply(mid)).macs() >= target) hi = mid;
            else lo = mid;
        }
        NetworkSpec above = make.apply(hi);
        NetworkSpec below = make.apply(lo);
        long a = CostModel.of(above).macs();
        long b = CostModel.of(below).macs();
        return Math.abs(a - target) <= Math.abs(target - b) ? above : below;
    }

    private static String name(NetworkSpec base, String kind) {
        return base.name() + " " + kind;
    }

    public static String describe(Variant v) {
        return String.format(Locale.ROOT, "%-16s w=%.3f d=%.3f r=%d  %,d multiply-adds (%+.1f%%)", v.kind().label(),
                v.spec().width(), v.spec().depth(), v.spec().resolution(), v.macs(), 100 * v.relativeDifference());
    }
}
