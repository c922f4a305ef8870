package org.scalinglab.ui;

import org.scalinglab.io.Messages;

/** What a tab's message line says, and whether it is a problem. */
public record Message(String text, boolean error) {
    public static final Message NONE = new Message("", false);

    /** A failure as one line a user can act on. */
    public static String problem(Throwable t) {
        return Messages.describe(t);
    }

}
