package org.scalinglab.export;

import java.util.Locale;

/** Number formats shared by the figures and the window, independent of the machine's locale. */
public final class Numbers {
    private Numbers() {
    }

    /** 5,330,571 */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Multiply-adds of a stage or step: 29.8 M, 1.20 G, 4.1 k. */
    public static String macs(long n) {
        if (n == 0) return "0";
        if (n >= 1_000_000_000L) return String.format(Locale.ROOT, "%.2f G", n / 1e9);
        if (n >= 1_000_000L) return String.format(Locale.ROOT, "%.1f M", n / 1e6);
        if (n >= 1_000L) return String.format(Locale.ROOT, "%.1f k", n / 1e3);
        return String.valueOf(n);
    }
}
