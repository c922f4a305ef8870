package org.scalinglab.ui;

import java.util.Locale;

/** Number formats of the window: the same everywhere, independent of the machine's locale. */
public final class Fmt {
    private Fmt() {
    }

    /** 5,330,571 */
    public static String count(long n) {
        return org.scalinglab.export.Numbers.count(n);
    }

    /** 5.33 M */
    public static String millions(long n) {
        return String.format(Locale.ROOT, n >= 10_000_000 ? "%.1f M" : "%.2f M", n / 1e6);
    }

    /** 0.386 G */
    public static String giga(long n) {
        return String.format(Locale.ROOT, n >= 10_000_000_000L ? "%.2f G" : "%.3f G", n / 1e9);
    }

    /** Multiply-adds of a stage or step: 29.8 M, 1.20 G, 4.1 k. */
    public static String macs(long n) {
        return org.scalinglab.export.Numbers.macs(n);
    }

    public static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** 2.0, 1.15, 600 as the paper writes them. */
    public static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
