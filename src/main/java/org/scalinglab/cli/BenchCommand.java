package org.scalinglab.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.scalinglab.arch.CostModel;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.scaling.CompoundScaling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time a full recompute (compound rule -> NetworkSpec -> CostModel) for random phi in [0, 8], as the sliders do.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--iterations", defaultValue = "2000", description = "timed recomputes (default ${DEFAULT-VALUE})") int iterations;
    @Option(names = "--json", description = "print one JSON object") boolean json;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (iterations < 1 || iterations > 10_000_000) throw new IllegalArgumentException("--iterations must be between 1 and 10000000");
        Random random = new Random(42);
        long sink = 0;
        for (int i = 0; i < 2000; i++) sink += recompute(random.nextDouble() * 8);  // warm-up for the JIT
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            double phi = random.nextDouble() * 8;
            long t0 = System.nanoTime();
            sink += recompute(phi);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        double median = nanos[iterations / 2] / 1e6;
        double p99 = nanos[Math.min(iterations - 1, (int) (iterations * 0.99))] / 1e6;
        double max = nanos[iterations - 1] / 1e6;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("iterations", iterations);
            m.put("median_ms", median);
            m.put("p99_ms", p99);
            m.put("max_ms", max);
            m.put("checksum", sink);
            out.println(Json.write(m));
        } else {
            out.printf(Locale.ROOT, "full recompute (spec + cost model), %d runs: median %.4f ms, p99 %.4f ms, max %.4f ms (frame budget 16 ms)%n",
                    iterations, median, p99, max);
        }
        out.flush();
        return 0;
    }

    private static long recompute(double phi) {
        CostModel c = CostModel.of(NetworkSpec.compound(CompoundScaling.paper(phi), 224));
        return c.macs() + c.params() + c.stages().size();
    }
}
