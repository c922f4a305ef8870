package org.scalinglab;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.scalinglab.app.AppLog;
import org.scalinglab.cli.Cli;
import org.scalinglab.tf.TfProfile;
import org.scalinglab.tf.TfRuntime;
import org.scalinglab.ui.BenchStartupCommand;
import org.scalinglab.ui.ScreenshotCommand;
import org.slf4j.LoggerFactory;

/** Entry point: no arguments (or a scenario file, as a file manager passes it) opens the window, anything else runs a command. */
public final class Main {
    /** Scenario files: the installers associate this extension with the app. */
    public static final String SCENARIO_EXTENSION = ".sclab";

    private Main() {
    }

    public static void main(String[] args) {
        // never let DJL reach for the network by surprise; the model store downloads explicitly
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        boolean window = args.length == 0 || args[0].toLowerCase(Locale.ROOT).endsWith(SCENARIO_EXTENSION);
        // the profile follows what the process does; -Dscalinglab.tensorflow.profile=... overrides it (for benchmarks)
        if (System.getProperty(TfProfile.PROPERTY) == null) TfRuntime.use(window ? TfProfile.INFERENCE : Cli.profileFor(args));
        AppLog.configure(window);
        LoggerFactory.getLogger(Main.class).info("Scaling Lab {} starting ({}), Java {} on {} {}",
                Main.class.getPackage().getImplementationVersion(), window ? "window" : "command",
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
        if (window) {
            org.scalinglab.ui.DesktopApp.start(args);
            return;
        }
        System.exit(Cli.run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), List.of(new ScreenshotCommand(), new BenchStartupCommand()), args));
    }
}
