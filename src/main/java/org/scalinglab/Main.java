package org.scalinglab;

import org.scalinglab.cli.Cli;

/** Entry point: no arguments opens the window, anything else runs a command-line command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // never let DJL reach for the network by surprise; the model store downloads explicitly
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        if (args.length == 0) {
            org.scalinglab.ui.DesktopApp.start(args);
            return;
        }
        System.exit(Cli.run(args));
    }
}
