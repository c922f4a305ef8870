package org.scalinglab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scalinglab.app.Explainer;
import org.scalinglab.cam.CamMethod;
import org.scalinglab.cam.CamResult;
import org.scalinglab.cam.Colormap;
import org.scalinglab.cam.Heatmap;
import org.scalinglab.cam.HeatmapScaling;
import org.scalinglab.cam.Localization;
import org.scalinglab.cam.ModelCamSource;
import org.scalinglab.cam.OverlayWriter;
import org.scalinglab.tf.EfficientNetModel;
import org.scalinglab.tf.ImagePreprocessor;
import org.scalinglab.tf.ImagePreprocessor.DecodedImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.scalinglab.io.AtomicFiles;

@Command(name = "cam", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Where the network looks: a class activation map of one image for one class at one layer. The map is computed at the layer's own size (7x7 for B0 at 224 at top_activation), then scaled per map to [0, 1] (--raw: left as it is, after ReLU) and, for --out, upsampled bilinearly onto the original image.")
final class CamCommand implements Callable<Integer> {
    private static final int MAX_PRINTED_COLUMNS = 24;

    @Mixin ModelArguments models;
    @Mixin CamArguments cam;

    @Option(names = "--raw", description = "print the map before normalisation (after ReLU), at the layer's size")
    boolean raw;
    @Option(names = "--json", description = "print one JSON object (with the map as the 2-D array 'cam')")
    boolean json;
    @Option(names = "--out", paramLabel = "FILE.png", description = "write the heatmap over the original image as a PNG")
    Path out;
    @Option(names = "--colormap", defaultValue = "jet", paramLabel = "NAME",
            description = "jet (default), turbo, viridis, inferno or gray")
    String colormap;
    @Option(names = "--alpha", defaultValue = "0.5", paramLabel = "A", description = "heatmap opacity in [0, 1] (default ${DEFAULT-VALUE})")
    double alpha;
    @Option(names = "--bench", paramLabel = "N",
            description = "also time N runs of the method against N plain forward passes (after warm-up)")
    Integer bench;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    private CamBench.Result benchResult;

    @Override
    public Integer call() throws Exception {
        cam.check();
        Colormap colors = Colormap.parse(colormap);
        OverlayWriter.Style style = new OverlayWriter.Style(colors, alpha, Double.NaN, false);
        if (out != null && !out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("--out must be a .png file, got " + out.getFileName());
        }
        if (out != null) AtomicFiles.checkWritable(out);
        if (bench != null && (bench < 1 || bench > 100_000)) throw new IllegalArgumentException("--bench must be between 1 and 100000, got " + bench);
        ModelArguments.Resolved m = models.resolve(spec.commandLine().getErr());
        cam.checkAgainst(m, spec.commandLine().getErr());
        DecodedImage image = ImagePreprocessor.decode(cam.image);

        Map<String, Object> report = new LinkedHashMap<>();
        try (EfficientNetModel net = EfficientNetModel.load(m.spec(), m.weights(), models.options())) {
            int target = cam.classOrTop1();
            CamMethod method = cam.method(m);
            Explainer.Explanation e = Explainer.explain(net, m.model(), image, m.resolution(), method, cam.layer, target);
            CamResult r = e.cam();
            float[] probabilities = r.probabilities();
            Heatmap heatmap = HeatmapScaling.perMap(r.map());

            report.put("model", m.label());
            report.put("image", cam.image.toString());
            report.put("resolution", m.resolution());
            report.put("method", r.method());
            report.put("layer", r.layer());
            report.put("class", r.classIndex());
            report.put("label", m.className(r.classIndex()));
            report.put("probability", probabilities[r.classIndex()]);
            report.put("shape", List.of(r.height(), r.width()));
            int[] peak = Localization.argmax(r.map());
            report.put("peak", List.of(peak[0], peak[1]));
            report.put("values", raw ? "raw: after ReLU, before upsampling and normalisation" : heatmap.describe());
            report.put("cam", raw ? r.map() : heatmap.values());
            report.put("forward_images", r.forwardImages());
            report.put("model_calls", r.modelCalls());
            report.put("device", net.device());
            if (out != null) {
                OverlayWriter.writePng(Explainer.overlay(image.image(), heatmap, e, style), out);
                report.put("overlay", out.toString());
            }
            if (bench != null) {
                benchResult = CamBench.run(net, method, new ModelCamSource(net), e.input().pixels(), cam.layer, target, bench, r);
                report.put("bench", benchResult.toMap());
            }
        }
        print(report);
        return 0;
    }


    private void print(Map<String, Object> r) {
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(Json.write(r));
            o.flush();
            return;
        }
        o.printf(Locale.ROOT, "%s on %s (%s at %d px): class %d %s, p = %.4f%n", r.get("method"), r.get("image"), r.get("model"),
                (Integer) r.get("resolution"), (Integer) r.get("class"), r.get("label"), ((Number) r.get("probability")).doubleValue());
        o.printf(Locale.ROOT, "map at %s: %s cells, peak at row/column %s; %s%n", r.get("layer"), r.get("shape"), r.get("peak"), r.get("values"));
        float[][] map = (float[][]) r.get("cam");
        if (map[0].length <= MAX_PRINTED_COLUMNS) {
            for (float[] row : map) {
                StringBuilder line = new StringBuilder(" ");
                for (float v : row) line.append(String.format(Locale.ROOT, raw ? " %10.4g" : " %5.2f", v));
                o.println(line);
            }
        } else {
            o.println("  (" + map[0].length + " columns: use --json for the values)");
        }
        o.printf(Locale.ROOT, "forward images: %d in %d model calls%n", (Integer) r.get("forward_images"), (Integer) r.get("model_calls"));
        if (r.containsKey("overlay")) o.println("overlay: " + r.get("overlay"));
        if (benchResult != null) o.println(benchResult.describe());
        o.flush();
    }
}
