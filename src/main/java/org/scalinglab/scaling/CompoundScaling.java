package org.scalinglab.scaling;

/**
 * The compound scaling rule of EfficientNet: depth d = α^φ, width w = β^φ, resolution r = γ^φ,
 * with α·β²·γ² ≈ 2 so that multiply-adds grow by about 2^φ.
 *
 * <p>Allowed ranges (checked by {@link #of}): 0 ≤ φ ≤ {@value #MAX_PHI}; 1 ≤ α, β, γ ≤ {@value #MAX_COEFFICIENT};
 * the resulting depth multiplier at most {@value #MAX_DEPTH} (so every stage keeps at most 26 blocks, the Keras
 * block letters a..z), width multiplier at most {@value #MAX_WIDTH} and resolution multiplier at most
 * {@value #MAX_RESOLUTION}.
 */
public record CompoundScaling(double phi, double alpha, double beta, double gamma) {

    public static final double MAX_PHI = 8;
    public static final double MAX_COEFFICIENT = 3;
    public static final double MAX_DEPTH = 6.5;
    public static final double MAX_WIDTH = 8;
    public static final double MAX_RESOLUTION = 8;

    /** The coefficients the paper's grid search found at φ = 1. */
    public static final double PAPER_ALPHA = 1.2;
    public static final double PAPER_BETA = 1.1;
    public static final double PAPER_GAMMA = 1.15;

    public CompoundScaling {
        check("phi", phi, 0, MAX_PHI);
        check("alpha", alpha, 1, MAX_COEFFICIENT);
        check("beta", beta, 1, MAX_COEFFICIENT);
        check("gamma", gamma, 1, MAX_COEFFICIENT);
        checkResult("depth multiplier alpha^phi", Math.pow(alpha, phi), MAX_DEPTH);
        checkResult("width multiplier beta^phi", Math.pow(beta, phi), MAX_WIDTH);
        checkResult("resolution multiplier gamma^phi", Math.pow(gamma, phi), MAX_RESOLUTION);
    }

    public static CompoundScaling paper(double phi) {
        return new CompoundScaling(phi, PAPER_ALPHA, PAPER_BETA, PAPER_GAMMA);
    }

    /** d = α^φ */
    public double depth() {
        return Math.pow(alpha, phi);
    }

    /** w = β^φ */
    public double width() {
        return Math.pow(beta, phi);
    }

    /** r = γ^φ */
    public double resolutionMultiplier() {
        return Math.pow(gamma, phi);
    }

    /** α·β²·γ², the factor by which multiply-adds grow per unit of φ; the paper asks for ≈ 2. */
    public double constraint() {
        return alpha * beta * beta * gamma * gamma;
    }

    /** (α·β²·γ²)^φ, the predicted growth of multiply-adds over the baseline. */
    public double costMultiplier() {
        return Math.pow(constraint(), phi);
    }

    /** Input resolution for a baseline resolution, rounded to the nearest pixel. */
    public int resolution(int baseResolution) {
        if (baseResolution < 32 || baseResolution > 1024) {
            throw new IllegalArgumentException("base resolution must be between 32 and 1024 pixels, got " + baseResolution);
        }
        return (int) Math.round(baseResolution * resolutionMultiplier());
    }

    /** True when α·β²·γ² lies within the relative tolerance of 2. */
    public boolean satisfiesConstraint(double relativeTolerance) {
        return Math.abs(constraint() - 2.0) <= 2.0 * relativeTolerance;
    }

    private static void check(String name, double value, double min, double max) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new IllegalArgumentException(name + " must be a number between " + fmt(min) + " and " + fmt(max)
                    + ", got " + value);
        }
    }

    private static void checkResult(String name, double value, double max) {
        if (value > max) {
            throw new IllegalArgumentException(name + " is " + String.format("%.3f", value) + ", above the supported "
                    + fmt(max) + "; lower phi or the coefficient");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
