package org.scalinglab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.scaling.OfficialModel;
import org.scalinglab.tf.EfficientNetModel;
import org.scalinglab.tf.KerasWeights;
import org.scalinglab.tf.ModelOptions;
import org.scalinglab.tf.TfRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench-model", mixinStandardHelpOptions = true,
        description = "Time the TensorFlow network of an official model with random weights at batch 1, after warm-up: forward pass "
                + "and Grad-CAM pass (forward + gradient, one run; for the top-1 class and for a given class), interleaved run by run. "
                + "No weights file needed.")
final class BenchModelCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "b0", description = "b0..b7 (default ${DEFAULT-VALUE})") String model;
    @Option(names = "--resolution", description = "input size in pixels (default: the model's own)") Integer resolution;
    @Option(names = "--runs", defaultValue = "20", description = "timed runs (default ${DEFAULT-VALUE})") int runs;
    @Option(names = "--warmup", defaultValue = "5", description = "untimed runs first (default ${DEFAULT-VALUE})") int warmup;
    @Option(names = "--layer", defaultValue = "top_activation", description = "Grad-CAM layer: a block output or top_activation (default ${DEFAULT-VALUE})") String layer;
    @Option(names = "--threads", defaultValue = "0", description = "TensorFlow intra-op threads, 0 = TensorFlow's choice (default ${DEFAULT-VALUE})") int threads;
    @Option(names = "--cache", description = "SavedModel cache folder (default ~/.scaling-lab/cache/savedmodels)") Path cache;
    @Option(names = "--json", description = "print one JSON object") boolean json;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        NetworkSpec net = NetworkSpec.official(OfficialModel.parse(model));
        int size = resolution == null ? net.resolution() : resolution;
        if (size < EfficientNetModel.MIN_SIZE || size > EfficientNetModel.MAX_SIZE) {
            throw new IllegalArgumentException("--resolution must be between " + EfficientNetModel.MIN_SIZE + " and " + EfficientNetModel.MAX_SIZE);
        }
        if (runs < 1 || runs > 100_000) throw new IllegalArgumentException("--runs must be between 1 and 100000");
        if (warmup < 0 || warmup > 100_000) throw new IllegalArgumentException("--warmup must be between 0 and 100000");
        if (threads < 0 || threads > 1024) throw new IllegalArgumentException("--threads must be between 0 and 1024");
        if (!net.camLayers().contains(layer)) {
            throw new IllegalArgumentException("--layer must be a block output or top_activation, e.g. " + net.camLayers().get(0) + ", got '" + layer + "'");
        }
        ModelOptions options = ModelOptions.defaults().withThreads(threads, 0);
        if (cache != null) options = options.withCacheDir(cache);

        float[][][][] image = {randomImage(size, 7)};
        long t0 = System.nanoTime();
        KerasWeights weights = KerasWeights.random(net, 1);
        Map<String, Object> m = new LinkedHashMap<>();
        try (EfficientNetModel network = EfficientNetModel.load(net, weights, options)) {
            double loadMs = (System.nanoTime() - t0) / 1e6;
            // interleaved run by run, so that a busy machine slows all three alike
            double[][] t = time(() -> network.logits(image), () -> network.camData(image[0], layer, EfficientNetModel.TOP1),
                    () -> network.camData(image[0], layer, 0));
            double[] forward = t[0];
            double[] cam = t[1];
            double[] camGiven = t[2];
            m.put("model", net.name());
            m.put("resolution", size);
            m.put("batch", 1);
            m.put("runs", runs);
            m.put("warmup", warmup);
            m.put("device", network.device());
            m.put("tensorflow", TfRuntime.describe());
            m.put("intra_op_threads", threads);
            m.put("available_processors", Runtime.getRuntime().availableProcessors());
            m.put("load_average", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            m.put("load_ms", loadMs);
            m.put("median_ms", median(forward));
            m.put("min_ms", forward[0]);
            m.put("max_ms", forward[forward.length - 1]);
            m.put("gradcam_layer", layer);
            m.put("gradcam_median_ms", median(cam));
            m.put("gradcam_min_ms", cam[0]);
            m.put("gradcam_ratio", median(cam) / median(forward));
            m.put("gradcam_class_given_median_ms", median(camGiven));
            m.put("gradcam_class_given_ratio", median(camGiven) / median(forward));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(m));
        } else {
            out.printf(Locale.ROOT, "%s at %dpx, batch 1, %s, %d interleaved runs after %d warm-up (load/export %.0f ms, load average %.2f)%n",
                    m.get("model"), size, m.get("device"), runs, warmup, (double) m.get("load_ms"), (double) m.get("load_average"));
            out.printf(Locale.ROOT, "forward:  median %.1f ms, min %.1f ms, max %.1f ms%n", m.get("median_ms"), m.get("min_ms"), m.get("max_ms"));
            out.printf(Locale.ROOT, "grad-cam: median %.1f ms (%s, top-1 class: forward + gradient in one run), %.2f x forward%n",
                    m.get("gradcam_median_ms"), layer, m.get("gradcam_ratio"));
            out.printf(Locale.ROOT, "grad-cam: median %.1f ms (class given), %.2f x forward%n", m.get("gradcam_class_given_median_ms"),
                    m.get("gradcam_class_given_ratio"));
        }
        out.flush();
        return 0;
    }

    /** Warm-up, then the passes in turn, {@code runs} rounds; each pass's times sorted. */
    private double[][] time(Runnable... passes) {
        for (int i = 0; i < warmup; i++) for (Runnable p : passes) p.run();
        double[][] ms = new double[passes.length][runs];
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < passes.length; k++) {
                long t = System.nanoTime();
                passes[k].run();
                ms[k][i] = (System.nanoTime() - t) / 1e6;
            }
        }
        for (double[] m : ms) Arrays.sort(m);
        return ms;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static float[][][] randomImage(int size, long seed) {
        Random r = new Random(seed);
        float[][][] img = new float[size][size][3];
        for (float[][] row : img) for (float[] px : row) for (int c = 0; c < 3; c++) px[c] = r.nextInt(256);
        return img;
    }
}
