package org.scalinglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scalinglab.app.ComparisonResult;
import org.scalinglab.tf.EfficientNetModel;
import org.scalinglab.tf.ImageNetLabels;
import org.scalinglab.app.LineupModel;
import org.scalinglab.tf.CropGeometry;
import org.scalinglab.tf.ImagePreprocessor;
import org.scalinglab.tf.TfRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Classify an image and print the top classes: EfficientNet-B0..B7, a model of the study, or any network with its .h5.",
                "Weights: --weights FILE.h5 (any Keras .h5 of that architecture, e.g. your own 10-class model), or the official "
                        + "ImageNet file from the cache; --download fetches it (md5-checked, resumable) when it is not there yet.",
                "The image's centre square is resized to the model resolution (area averaging)."})
final class PredictCommand implements Callable<Integer> {
    @Mixin ModelArguments models;
    @Option(names = "--image", required = true, paramLabel = "FILE", description = "JPEG, PNG, BMP or GIF") Path image;
    @Option(names = "--top", paramLabel = "K", defaultValue = "5", description = "how many classes to show (default ${DEFAULT-VALUE})") int top;
    @Option(names = "--logits", description = "also print the raw pre-softmax logits") boolean logits;
    @Option(names = "--labels", paramLabel = "FILE", description = "class names, one per line (default: ImageNet's for 1000 classes, the study's for study models, else 'class N')") Path labelsFile;
    @Option(names = "--bench", paramLabel = "N", description = "time N forward passes (batch 1) after warm-up; report median_ms, min_ms, max_ms") Integer bench;
    @Option(names = "--json", description = "print one JSON object") boolean json;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (top < 1) throw new IllegalArgumentException("--top must be at least 1, got " + top);
        if (bench != null && (bench < 1 || bench > 100_000)) throw new IllegalArgumentException("--bench must be between 1 and 100000, got " + bench);
        ModelArguments.Resolved m = models.resolve(spec.commandLine().getErr());
        if (labelsFile != null && !Files.isRegularFile(labelsFile)) throw new IllegalArgumentException("labels file not found: " + labelsFile);
        List<String> names = labelsFile != null ? ImageNetLabels.fromFile(labelsFile).names() : m.classNames();
        ImagePreprocessor.Prepared input = ImagePreprocessor.load(image, m.resolution());
        long t0 = System.nanoTime();
        Map<String, Object> result = new LinkedHashMap<>();
        try (EfficientNetModel net = EfficientNetModel.load(m.spec(), m.weights(), models.options())) {
            double loadMs = (System.nanoTime() - t0) / 1e6;
            float[][][][] batch = {input.pixels()};
            EfficientNetModel.Predictions p = net.predict(batch);
            result.put("model", m.label());
            result.put("resolution", m.resolution());
            result.put("classes", m.spec().classes());
            result.put("weights", m.weightsSource());
            result.put("imagenet_statistics", m.weights().imagenetStatistics());
            result.put("imagenet_fix", !models.noImagenetFix && m.weights().imagenetStatistics());
            result.put("image", image.toString());
            CropGeometry c = input.crop();
            Map<String, Object> crop = new LinkedHashMap<>();
            crop.put("image_width", c.originalWidth());
            crop.put("image_height", c.originalHeight());
            crop.put("left", c.cropX());
            crop.put("top", c.cropY());
            crop.put("side", c.cropSize());
            crop.put("scale", c.cropSize() / input.resolution());
            result.put("crop", crop);
            result.put("device", net.device());
            result.put("tensorflow", TfRuntime.describe());
            result.put("load_ms", loadMs);
            LineupModel named = labelsFile == null ? m.model() : new LineupModel(m.label(), m.spec(), names, m.weights(), null);
            result.put("top", rows(named.top(p.probabilities()[0], top)));
            if (logits) result.put("logits", p.logits()[0]);
            if (bench != null) result.putAll(bench(net, batch, bench));
        }
        if (json) {
            out.println(Json.write(result));
        } else {
            out.print(text(result, m));
        }
        out.flush();
        return 0;
    }

    private static List<Map<String, Object>> rows(List<LineupModel.Prediction> predictions) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LineupModel.Prediction p : predictions) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", p.index());
            row.put("label", p.label());
            row.put("probability", p.probability());
            out.add(row);
        }
        return out;
    }

    /** Warm-up (graph optimisation, memory pools), then n timed passes. */
    private static Map<String, Object> bench(EfficientNetModel m, float[][][][] batch, int n) {
        for (int i = 0; i < Math.min(3, n); i++) m.predict(batch);
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            m.predict(batch);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("bench_runs", n);
        r.put("batch", 1);
        r.put("median_ms", n % 2 == 1 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2);
        r.put("min_ms", ms[0]);
        r.put("max_ms", ms[n - 1]);
        return r;
    }

    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> r, ModelArguments.Resolved m) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s at %d px on %s, %d classes, weights %s%s%n", m.title(),
                (Integer) r.get("resolution"), r.get("device"), (Integer) r.get("classes"), Path.of((String) r.get("weights")).getFileName(),
                (Boolean) r.get("imagenet_fix") ? " (ImageNet input fix on)" : ""));
        sb.append("image ").append(r.get("image")).append('\n');
        int rank = 1;
        for (Map<String, Object> row : (List<Map<String, Object>>) r.get("top")) {
            sb.append(String.format(Locale.ROOT, "%3d. %6.2f%%  %4d  %s%n", rank++, 100 * (Double) row.get("probability"),
                    (Integer) row.get("index"), row.get("label")));
        }
        if (r.containsKey("logits")) sb.append("logits ").append(Arrays.toString((float[]) r.get("logits"))).append('\n');
        if (r.containsKey("median_ms")) {
            sb.append(String.format(Locale.ROOT, "forward pass (batch 1, %d runs after warm-up): median %.2f ms, min %.2f ms, max %.2f ms%n",
                    (Integer) r.get("bench_runs"), (Double) r.get("median_ms"), (Double) r.get("min_ms"), (Double) r.get("max_ms")));
        }
        return sb.toString();
    }
}
