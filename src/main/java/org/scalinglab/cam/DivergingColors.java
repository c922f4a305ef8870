package org.scalinglab.cam;

/**
 * A diverging colour scale for signed differences in [-1, 1]: blue below zero, a light neutral grey at zero, red above
 * (ColorBrewer's RdBu, five stops, interpolated linearly in RGB). Values outside [-1, 1] are clamped.
 */
public final class DivergingColors {
    /** RdBu from -1 to +1: dark blue, light blue, neutral, light red, dark red. */
    private static final int[] STOPS = {0x2166ac, 0x92c5de, 0xf7f7f7, 0xf4a582, 0xb2182b};
    /** The colour of zero: no difference. */
    public static final int NEUTRAL = 0xf7f7f7;

    private DivergingColors() {
    }

    /** 0xRRGGBB for {@code value} in [-1, 1]. */
    public static int rgb(double value) {
        double v = Double.isFinite(value) ? Math.max(-1, Math.min(1, value)) : 0;
        double pos = (v + 1) / 2 * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) Math.floor(pos));
        double t = pos - i;
        int a = STOPS[i];
        int b = STOPS[i + 1];
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
        int bl = (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return (r << 16) | (g << 8) | bl;
    }

    /** {r, g, b} in [0, 1], for a legend. */
    public static double[] color(double value) {
        int c = rgb(value);
        return new double[] {((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0, (c & 0xff) / 255.0};
    }
}
