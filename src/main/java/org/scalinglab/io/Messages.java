package org.scalinglab.io;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a problem reaches a person: one line naming the file and the cause, never an exception class or a trace. */
public final class Messages {
    private static final Pattern JSON_WHERE = Pattern.compile("line (\\d+) column (\\d+)");

    private Messages() {
    }

    /** The first line of a message, stripped ("" for null): exceptions from libraries often carry more. */
    public static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** Any failure as one line a user can act on. */
    public static String describe(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory: try a smaller --resolution, --batch or fewer images, or give Java more memory "
                    + "(SCALING_LAB_JAVA_OPTS=-Xmx12g)";
        }
        if (t instanceof InvalidPathException e) {
            return "the file name " + e.getInput() + " cannot be written in this system's character set (" + System.getProperty("sun.jnu.encoding")
                    + "): use a UTF-8 locale, e.g. LANG=C.UTF-8";
        }
        if (t instanceof NoSuchFileException e) return "not found: " + e.getFile();
        if (t instanceof AccessDeniedException e) return "permission denied: " + e.getFile();
        if (t instanceof FileSystemException e) {
            return e.getFile() + ": " + (e.getReason() == null ? "cannot be read or written" : e.getReason());
        }
        if (t instanceof LinkageError) return "a native library could not be loaded (" + firstLine(t.getMessage()) + ")";
        String m = firstLine(t.getMessage());
        if (m.isEmpty() && t.getCause() != null && t.getCause() != t) return describe(t.getCause());
        return m.isEmpty() ? "unexpected error (" + t.getClass().getSimpleName() + ")" : withoutLibraryNoise(m);
    }

    /** A JSON parser's complaint as "not valid JSON (line 3, column 5)". */
    public static String jsonProblem(Throwable e) {
        Matcher m = JSON_WHERE.matcher(e.getMessage() == null ? "" : e.getMessage());
        return m.find() ? "not valid JSON (line " + m.group(1) + ", column " + m.group(2) + ")" : "not valid JSON";
    }

    /** Drops what parsers append for their developers (troubleshooting links, class names). */
    private static String withoutLibraryNoise(String m) {
        String s = m.replaceAll("\\s*See https?://\\S+", "").replaceAll("\\b(?:[a-z]+\\.)+[A-Z]\\w*(?:Exception|Error): ", "");
        return s.strip();
    }
}
