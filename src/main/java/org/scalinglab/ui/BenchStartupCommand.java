package org.scalinglab.ui;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench-startup", mixinStandardHelpOptions = true,
        description = {"Time cold starts of the window: from the JVM's start to the first frame drawn, and to the first CAM grid "
                + "(the CAM tab opened on sample-images/china-temple.jpg with the bundled study), each in a fresh JVM.",
                "Needs a display: xvfb-run -a ./scaling-lab bench-startup"})
public final class BenchStartupCommand implements Callable<Integer> {
    private static final List<String> MARKS = List.of("fx_start_ms", "built_ms", "shown_ms", "window_ms", "cam_opened_ms", "cam_grid_ms");

    @Option(names = "--runs", defaultValue = "3", description = "cold starts (default ${DEFAULT-VALUE})") int runs;
    @Option(names = "--cam-after", defaultValue = "0", paramLabel = "MS", description = "open the CAM tab this long after the "
            + "first frame, as a user would (the window loads TensorFlow and the models meanwhile); default at once") long camAfter;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    /** This JVM's options (a class data archive, memory), so each start is measured as this one was launched. */
    private static List<String> jvmOptions() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(o -> !o.startsWith("-XX:ArchiveClassesAtExit") && !o.startsWith("-D" + StartupProbe.PROPERTY)
                        && !o.startsWith("-D" + StartupProbe.CAM_AFTER)).toList();
    }

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || runs > 50) throw new IllegalArgumentException("--runs must be between 1 and 50, got " + runs);
        PrintWriter out = spec.commandLine().getOut();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<long[]> results = new ArrayList<>();
        out.println(jvmOptions().stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile"))
                ? "with the class data archive (AppCDS) this JVM uses" : "without a class data archive (./scaling-lab makes and uses one)");
        out.printf(Locale.ROOT, "%-4s %s%n", "run", String.join("  ", MARKS));
        for (int r = 0; r < runs; r++) {
            Path report = Files.createTempFile("startup-", ".json");
            try {
                Files.delete(report);
                List<String> command = new ArrayList<>(List.of(java));
                command.addAll(jvmOptions());
                command.addAll(List.of("-D" + StartupProbe.PROPERTY + "=" + report, "-D" + StartupProbe.CAM_AFTER + "=" + camAfter,
                        "-cp", System.getProperty("java.class.path"), "org.scalinglab.Main"));
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(5, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("the app did not show its first CAM grid within 5 minutes");
                }
                if (!Files.exists(report)) throw new IllegalStateException("the app ended without a start-up report (exit " + p.exitValue() + "): is there a display?");
                String json = Files.readString(report, StandardCharsets.UTF_8);
                Matcher failed = Pattern.compile("\"failure\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
                if (failed.find()) throw new IllegalStateException("the CAM tab showed no grid: " + failed.group(1).replace("\\\"", "\""));
                long[] v = new long[MARKS.size()];
                for (int i = 0; i < v.length; i++) {
                    Matcher m = Pattern.compile("\"" + MARKS.get(i) + "\": (\\d+)").matcher(json);
                    v[i] = m.find() ? Long.parseLong(m.group(1)) : -1;
                }
                results.add(v);
                out.printf(Locale.ROOT, "%-4d %s%n", r + 1, String.join("  ", Arrays.stream(v).mapToObj(x -> String.format(Locale.ROOT, "%" + 9 + "d", x)).toList()));
                out.flush();
            } finally {
                Files.deleteIfExists(report);
            }
        }
        long[] median = new long[MARKS.size()];
        for (int i = 0; i < median.length; i++) {
            final int k = i;
            long[] col = results.stream().mapToLong(v -> v[k]).sorted().toArray();
            median[i] = col[col.length / 2];
        }
        out.printf(Locale.ROOT, "median: window drawn %d ms, first CAM grid %d ms after the JVM started, %d ms after the CAM tab was opened (%d runs)%n",
                median[3], median[5], median[5] - median[4], runs);
        return 0;
    }
}
