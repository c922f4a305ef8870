package org.scalinglab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.scalinglab.app.AppLog;
import org.scalinglab.io.Messages;
import org.slf4j.LoggerFactory;
import org.scalinglab.tf.TfProfile;
import org.scalinglab.tf.TfRuntime;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless commands. Bad arguments: one line on stderr and exit code 2, never a stack trace. */
@Command(name = "scaling-lab", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Explore EfficientNet compound scaling. Without a command, opens the window.",
        subcommands = {
                SpecCommand.class,
                VariantsCommand.class,
                WeightsCommand.class,
                TrainCommand.class,
                StudyCommand.class,
                GridSearchCommand.class,
                SweepCommand.class,
                BenchCommand.class,
                BenchModelCommand.class,
                CamCommand.class,
                MetricsCommand.class,
                FigureCommand.class,
                PredictCommand.class,
                EvaluateCommand.class,
                MapQualityCommand.class,
                SanityCommand.class,
                DatasetsCommand.class,
                CommandLine.HelpCommand.class})
public final class Cli implements Runnable {
    public static final int EXIT_USAGE = 2;
    /**
     * The commands that train run TensorFlow with oneDNN, which trains about twice as fast here; evaluate too, so it
     * runs the trainer's validation with the trainer's kernels and reproduces its figures exactly.
     */
    private static final Set<String> TRAINING_COMMANDS = Set.of("train", "study", "grid-search", "sweep", "evaluate");

    /** The TensorFlow profile for a command line: training for the training commands, inference for the rest. */
    public static TfProfile profileFor(String... args) {
        return args.length > 0 && TRAINING_COMMANDS.contains(args[0]) ? TfProfile.TRAINING : TfProfile.INFERENCE;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), List.of(), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, List.of(), args);
    }

    /**
     * @param more commands from above this package (the window's screenshot command, which Main adds), each annotated
     *             with picocli's {@code @Command}
     */
    public static int run(PrintWriter out, PrintWriter err, List<Object> more, String... args) {
        CommandLine cl = new CommandLine(new Cli());
        for (Object command : more) cl.addSubcommand(command);
        cl.getCommandSpec().usageMessage().footer("%nLogs: " + AppLog.logDir().toString().replace("%", "%%"));
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("error: " + usageProblem(ex) + " (try '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> fail(cmd.getErr(), cmd.getCommandSpec().qualifiedName(), ex));
        try {
            return cl.execute(args);
        } catch (Error e) {
            // out of memory, a native library that would not load: picocli passes Errors on
            return fail(err, "scaling-lab", e);
        }
    }

    /**
     * The one error path of every command: one line naming the file and the cause (never an exception class or a trace),
     * the full trace in this process's log file, named in the line. Bad input exits 2, anything else 1.
     */
    static int fail(PrintWriter err, String command, Throwable ex) {
        boolean input = ex instanceof IllegalArgumentException || ex instanceof java.nio.file.InvalidPathException;
        LoggerFactory.getLogger(Cli.class).error("{} failed", command, ex);
        Path log = AppLog.logFile();
        boolean unexpected = !input && !(ex instanceof IllegalStateException) && !(ex instanceof java.io.IOException);
        err.println("error: " + Messages.describe(ex) + (log != null && unexpected ? " (details in " + log + ")" : ""));
        err.flush();
        return input ? EXIT_USAGE : 1;
    }

    /** picocli's messages, with its internal notation for exclusive options put plainly. */
    private static String usageProblem(CommandLine.ParameterException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof java.nio.file.InvalidPathException bad) return Messages.describe(bad);
        }
        String m = ex.getMessage();
        if (m != null && m.contains("InvalidPathException")) {
            java.util.regex.Matcher value = java.util.regex.Pattern.compile("cannot convert '([^']*)'").matcher(m);
            return "the file name " + (value.find() ? value.group(1) + " " : "") + "cannot be read in this system's character set ("
                    + System.getProperty("sun.jnu.encoding") + "): use a UTF-8 locale, e.g. LANG=C.UTF-8";
        }
        if (m != null && m.startsWith("Error: expected only one match but got")) {
            java.util.regex.Matcher names = java.util.regex.Pattern.compile("=\\{(--[\\w-]+)=").matcher(m);
            List<String> given = new java.util.ArrayList<>();
            while (names.find()) given.add(names.group(1));
            return given.size() >= 2 ? given.get(0) + " and " + given.get(1) + " cannot be used together" : "these options cannot be used together";
        }
        if (m != null && m.startsWith("Unmatched argument at index 0")) {
            return "unknown command " + m.substring(m.indexOf('\'')) ;
        }
        return m;
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            String tensorflow;
            try {
                tensorflow = TfRuntime.describe();
            } catch (RuntimeException | LinkageError e) {
                tensorflow = "TensorFlow unavailable (" + e.getMessage() + ")";
            }
            return new String[] {"Scaling Lab " + (v == null ? "dev" : v), tensorflow.replace("%", "%%"),
                "Logs: " + AppLog.logDir().toString().replace("%", "%%")};
        }
    }
}
