package org.scalinglab.arch;

/** The Keras rounding rules that turn width and depth multipliers into whole filters and blocks. */
public final class Rounding {
    private static final int DIVISOR = 8;

    private Rounding() {
    }

    /** Keras round_filters: scale, round to a multiple of 8, never more than 10% below the scaled value. */
    public static int roundFilters(int filters, double width) {
        double f = filters * width;
        int rounded = Math.max(DIVISOR, (int) (f + DIVISOR / 2.0) / DIVISOR * DIVISOR);
        if (rounded < 0.9 * f) {
            rounded += DIVISOR;
        }
        return rounded;
    }

    /** Keras round_repeats: ceil(depth * repeats), in double precision. */
    public static int roundRepeats(int repeats, double depth) {
        return (int) Math.ceil(depth * repeats);
    }
}
