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

    /** How low and high were chosen; in a grid of images × models, which maps share one colour scale. */
    public enum Scaling {
        /** low and high are the minimum and maximum over one image's maps (models comparable within a row). */
        PER_IMAGE("image", "per-image min-max", "one colour scale per image (models comparable within a row)"),
        /** low and high are this map's own minimum and maximum. */
        PER_MAP("map", "per-map min-max", "one colour scale per map (each map spans the whole scale)"),
        /** low and high are the minimum and maximum over all maps shown together. */
        SHARED("all", "shared min-max", "one colour scale over every image and model");

        private final String cliName;
        private final String label;
        private final String phrase;

        Scaling(String cliName, String label, String phrase) {
            this.cliName = cliName;
            this.label = label;
            this.phrase = phrase;
        }

        /** "image", "map" or "all", as the figure command's --scale takes it. */
        public String cliName() {
            return cliName;
        }

        public String label() {
            return label;
        }

        /** What a legend says: "one colour scale per image (models comparable within a row)". */
        public String phrase() {
            return phrase;
        }

        /** image, map or all (case-insensitive). */
        public static Scaling parse(String name) {
            String n = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
            for (Scaling s : values()) if (s.cliName.equals(n)) return s;
            throw new IllegalArgumentException("the colour scale must be image, map or all, got '" + name + "'");
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
