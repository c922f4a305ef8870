package org.scalinglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.scaling.OfficialModel;
import org.scalinglab.tf.EfficientNetModel;
import org.scalinglab.tf.ImageNetLabels;
import org.scalinglab.tf.ImagePreprocessor;
import org.scalinglab.tf.KerasH5;
import org.scalinglab.tf.KerasWeights;
import org.scalinglab.tf.ModelOptions;
import org.scalinglab.tf.ModelStore;
import org.scalinglab.tf.OfficialWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Classify an image with EfficientNet-B0..B7 and print the top classes.",
                "Weights: --weights FILE.h5 (any Keras .h5 of that architecture, e.g. your own 10-class model), or the official "
                        + "ImageNet file from the cache; --download fetches it (md5-checked, resumable) when it is not there yet.",
                "The image's centre square is resized to the model resolution (area averaging)."})
final class PredictCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "architecture b0..b7") String model;
    @Option(names = "--weights", paramLabel = "FILE.h5", description = "Keras .h5 weights (default: the official ImageNet file from the cache)") Path weights;
    @Option(names = "--image", required = true, paramLabel = "FILE", description = "JPEG, PNG, BMP or GIF") Path image;
    @Option(names = "--resolution", paramLabel = "N", description = "input size in pixels, 32..2048 (default: the model's, e.g. 224 for b0)") Integer resolution;
    @Option(names = "--top", paramLabel = "K", defaultValue = "5", description = "how many classes to show (default ${DEFAULT-VALUE})") int top;
    @Option(names = "--logits", description = "also print the raw pre-softmax logits") boolean logits;
    @Option(names = "--no-imagenet-fix", description = "do not apply Keras' extra 1/sqrt(std) input rescale of the official files (shows the tensorflow#49930 effect)") boolean noImagenetFix;
    @Option(names = "--labels", paramLabel = "FILE", description = "class names, one per line (default: ImageNet's for 1000 classes, else 'class N')") Path labelsFile;
    @Option(names = "--download", description = "download the official weights into the cache if they are missing") boolean download;
    @Option(names = "--bench", paramLabel = "N", description = "time N forward passes (batch 1) after warm-up; report median_ms, min_ms, max_ms") Integer bench;
    @Option(names = "--json", description = "print one JSON object") boolean json;
    @Option(names = "--threads", defaultValue = "0", description = "TensorFlow intra-op threads, 0 = TensorFlow's choice (default ${DEFAULT-VALUE})") int threads;
    @Option(names = "--cache", paramLabel = "DIR", description = "SavedModel cache folder (default ~/.scaling-lab/cache/savedmodels)") Path savedModelCache;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OfficialModel official = OfficialModel.parse(model);
        if (top < 1) throw new IllegalArgumentException("--top must be at least 1, got " + top);
        if (threads < 0 || threads > 1024) throw new IllegalArgumentException("--threads must be between 0 and 1024, got " + threads);
        if (bench != null && (bench < 1 || bench > 100_000)) throw new IllegalArgumentException("--bench must be between 1 and 100000, got " + bench);
        NetworkSpec net = NetworkSpec.official(official);
        if (resolution != null) net = net.withResolution(resolution);

        Path weightsFile = weights != null ? weights : officialWeights(official, err);
        KerasH5.Contents contents = KerasH5.inspect(weightsFile);
        if (!contents.hasTop()) {
            throw new IllegalArgumentException(weightsFile.getFileName() + " has no classifier (a _notop file); predict needs the full "
                    + OfficialWeights.fileName(official, true) + " or a .h5 with a 'predictions' layer");
        }
        if (contents.classes() != net.classes()) net = net.withClasses(contents.classes());
        KerasWeights w = KerasH5.read(weightsFile, net, KerasH5.Statistics.AUTO);
        Labels labels = labels(net.classes());
        top = Math.min(top, net.classes());

        ImagePreprocessor.Prepared input = ImagePreprocessor.load(image, net.resolution());
        ModelOptions options = ModelOptions.defaults().withImagenetFix(!noImagenetFix).withThreads(threads, 0);
        if (savedModelCache != null) options = options.withCacheDir(savedModelCache);
        long t0 = System.nanoTime();
        Map<String, Object> result = new LinkedHashMap<>();
        try (EfficientNetModel m = EfficientNetModel.load(net, w, options)) {
            double loadMs = (System.nanoTime() - t0) / 1e6;
            float[][][][] batch = {input.pixels()};
            EfficientNetModel.Predictions p = m.predict(batch);
            result.put("model", official.id());
            result.put("resolution", net.resolution());
            result.put("classes", net.classes());
            result.put("weights", weightsFile.toString());
            result.put("imagenet_statistics", w.imagenetStatistics());
            result.put("imagenet_fix", !noImagenetFix && w.imagenetStatistics());
            result.put("image", image.toString());
            ImagePreprocessor.Crop c = input.crop();
            Map<String, Object> crop = new LinkedHashMap<>();
            crop.put("image_width", c.imageWidth());
            crop.put("image_height", c.imageHeight());
            crop.put("left", c.left());
            crop.put("top", c.top());
            crop.put("side", c.side());
            crop.put("scale", c.scale());
            result.put("crop", crop);
            result.put("device", m.device());
            result.put("load_ms", loadMs);
            result.put("top", topK(p.probabilities()[0], labels, top));
            if (logits) result.put("logits", p.logits()[0]);
            if (bench != null) result.putAll(bench(m, batch, bench));
        }
        if (json) {
            out.println(Json.write(result));
        } else {
            out.print(text(result, official));
        }
        out.flush();
        return 0;
    }

    private Path officialWeights(OfficialModel official, PrintWriter err) throws IOException {
        ModelStore store = ModelStore.standard();
        Optional<Path> cached = store.cached(official, true);
        if (cached.isPresent()) return cached.get();
        String name = OfficialWeights.fileName(official, true);
        if (!download) {
            throw new IllegalStateException("no weights for EfficientNet-" + official.name() + ": " + name + " is not in " + store.dir()
                    + ". Run again with --download to fetch it from " + store.url(name) + ", or pass --weights FILE.h5");
        }
        return store.download(name, new DownloadProgress(err, name));
    }

    /** Class names; ImageNet's when the network has 1000 classes and no --labels file was given. */
    private Labels labels(int classes) throws IOException {
        if (labelsFile != null) {
            ImageNetLabels l = ImageNetLabels.fromFile(labelsFile);
            return l::name;
        }
        if (classes == NetworkSpec.IMAGENET_CLASSES) return ImageNetLabels.imagenet()::name;
        return i -> "class " + i;
    }

    interface Labels {
        String name(int index);
    }

    static List<Map<String, Object>> topK(float[] probabilities, Labels labels, int k) {
        List<Map<String, Object>> out = new ArrayList<>();
        IntStream.range(0, probabilities.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -probabilities[i]).thenComparingInt(i -> i))
                .limit(k)
                .forEach(i -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("index", i);
                    row.put("label", labels.name(i));
                    row.put("probability", probabilities[i]);
                    out.add(row);
                });
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
    private static String text(Map<String, Object> r, OfficialModel official) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "EfficientNet-%s at %d px on %s, %d classes, weights %s%s%n", official.name(),
                (Integer) r.get("resolution"), r.get("device"), (Integer) r.get("classes"), Path.of((String) r.get("weights")).getFileName(),
                (Boolean) r.get("imagenet_fix") ? " (ImageNet input fix on)" : ""));
        sb.append("image ").append(r.get("image")).append('\n');
        int rank = 1;
        for (Map<String, Object> row : (List<Map<String, Object>>) r.get("top")) {
            sb.append(String.format(Locale.ROOT, "%3d. %6.2f%%  %4d  %s%n", rank++, 100 * (Float) row.get("probability"),
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
