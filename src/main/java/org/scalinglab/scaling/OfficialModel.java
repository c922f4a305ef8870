package org.scalinglab.scaling;

import java.util.Locale;

/**
 * The published EfficientNet-B0..B7 settings (keras/src/applications/efficientnet.py). They are not exactly
 * α^φ, β^φ, γ^φ with the paper's coefficients: {@link #formula()} gives those for comparison.
 */
public enum OfficialModel {
    B0(1.0, 1.0, 224, 0.2),
    B1(1.0, 1.1, 240, 0.2),
    B2(1.1, 1.2, 260, 0.3),
    B3(1.2, 1.4, 300, 0.3),
    B4(1.4, 1.8, 380, 0.4),
    B5(1.6, 2.2, 456, 0.4),
    B6(1.8, 2.6, 528, 0.5),
    B7(2.0, 3.1, 600, 0.5);

    public static final int BASE_RESOLUTION = 224;

    private final double width;
    private final double depth;
    private final int resolution;
    private final double dropout;

    OfficialModel(double width, double depth, int resolution, double dropout) {
        this.width = width;
        this.depth = depth;
        this.resolution = resolution;
        this.dropout = dropout;
    }

    public double width() { return width; }
    public double depth() { return depth; }
    public int resolution() { return resolution; }
    public double dropout() { return dropout; }

    /** φ of this model in the paper's naming: B{φ}. */
    public int phi() { return ordinal(); }

    /** The compound rule with the paper's α, β, γ at this model's φ. */
    public CompoundScaling formula() {
        return CompoundScaling.paper(phi());
    }

    /** "b0".."b7" */
    public String id() { return name().toLowerCase(Locale.ROOT); }

    /** Parses "b3", "B3" or "efficientnet-b3". */
    public static OfficialModel parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace("efficientnet-", "").replace("efficientnetb", "b");
        for (OfficialModel m : values()) {
            if (m.id().equals(t)) return m;
        }
        throw new IllegalArgumentException("model must be one of b0..b7, got '" + text + "'");
    }
}
