package org.scalinglab.ui;

import java.io.IOException;
import org.scalinglab.app.Messages;

/** What a tab's message line says, and whether it is a problem. */
public record Message(String text, boolean error) {
    public static final Message NONE = new Message("", false);

    /** A failure as one line a user can act on. */
    public static String problem(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory: compare fewer images or smaller models, or give Java more memory "
                    + "(SCALING_LAB_JAVA_OPTS=-Xmx8g)";
        }
        String m = Messages.firstLine(t.getMessage());
        if (t instanceof IllegalArgumentException || t instanceof IllegalStateException || t instanceof IOException) {
            return m.isEmpty() ? t.getClass().getSimpleName() : m;
        }
        return t.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m);
    }

}
