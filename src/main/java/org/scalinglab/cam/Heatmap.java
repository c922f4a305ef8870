package org.scalinglab.cam;

/**
 * A CAM scaled to [0, 1] for display, with the scaling that made it so exports can state it:
 * value = (raw - low) / (high - low), clamped; all zeros when high <= low.
 *
 * @param values  [h][w] at the layer's size (upsample with {@link Bilinear})
 * @param scaling how low and high were chosen
 * @param low     the raw value shown as 0
 * @param high    the raw value shown as 1
 */
public record Heatmap(float[][] values, Scaling scaling, double low, double high) {

    public enum Scaling {
        /** low and high are this map's own minimum and maximum. */
        PER_MAP("per-map min-max"),
        /** low and high are the minimum and maximum over all maps shown together. */
        SHARED("shared min-max");

        private final String label;

        Scaling(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One line for a figure caption or an export's metadata. */
    public String describe() {
        return scaling.label() + ", raw range [" + shortNumber(low) + ", " + shortNumber(high) + "] -> [0, 1]";
    }

    private static String shortNumber(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
