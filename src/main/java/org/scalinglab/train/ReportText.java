package org.scalinglab.train;

import java.math.BigDecimal;

/** How the grid search and the sweep write numbers in folder names, messages, tables and charts. */
public final class ReportText {
    private ReportText() {
    }

    /** A number as short as it can be written exactly (to 6 decimals): 1.0 as "1", 1.15 as "1.15". */
    public static String number(double v) {
        return BigDecimal.valueOf(Math.round(v * 1e6) / 1e6).stripTrailingZeros().toPlainString();
    }

    /** A base network as the command line takes it: WIDTH,DEPTH,RESOLUTION. */
    public static String base(BaseSize b) {
        return b == null ? "?" : number(b.width()) + "," + number(b.depth()) + "," + b.resolution();
    }
}
