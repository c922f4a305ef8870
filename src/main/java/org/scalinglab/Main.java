package org.scalinglab;

import org.scalinglab.cli.Cli;

/** Entry point: no arguments opens the window, anything else runs a command-line command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // never let DJL reach for the network by surprise; the model store downloads explicitly
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        // jhdf's jar carries a simplelogger.properties that sends every library log line to stdout, which breaks
        // `--json` output; logs belong on stderr, and DJL's INFO lines are noise for a command-line user
        if (System.getProperty("org.slf4j.simpleLogger.logFile") == null) System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (args.length == 0) {
            org.scalinglab.ui.DesktopApp.start(args);
            return;
        }
        System.exit(Cli.run(args));
    }
}
