package org.scalinglab.app;

/** How a problem reaches a person: one line. */
public final class Messages {
    private Messages() {
    }

    /** The first line of a message, stripped ("" for null): exceptions from libraries often carry more. */
    public static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
