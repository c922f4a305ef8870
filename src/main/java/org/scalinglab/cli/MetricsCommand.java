package org.scalinglab.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scalinglab.tf.Box;
import org.scalinglab.app.Explainer;
import org.scalinglab.cam.CamResult;
import org.scalinglab.tf.CropGeometry;
import org.scalinglab.cam.Faithfulness;
import org.scalinglab.cam.FaithfulnessReport;
import org.scalinglab.cam.HeatmapScaling;
import org.scalinglab.cam.Localization;
import org.scalinglab.cam.ModelCamSource;
import org.scalinglab.cam.PerturbationCurve;
import org.scalinglab.tf.EfficientNetModel;
import org.scalinglab.tf.ImagePreprocessor;
import org.scalinglab.tf.ImagePreprocessor.DecodedImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "metrics", mixinStandardHelpOptions = true, sortOptions = false,
        description = "How faithful a class activation map is, on one image: deletion and insertion AUC (RISE: the class probability as the most salient pixels are blacked out / restored from a blurred copy), average drop and increase in confidence (Grad-CAM++), and with --box whether the map's peak lies inside the box, the pointing game (the same within 15 px) and the share of the map's energy inside the box. Each step is one forward image: 2 x steps + 5 in all (the CAM pass, which also predicts, included).")
final class MetricsCommand implements Callable<Integer> {
    @Mixin ModelArguments models;
    @Mixin CamArguments cam;

    @Option(names = "--box", paramLabel = "x0,y0,x1,y1", description = "the object's box in pixels of the original image (x1, y1 exclusive)")
    String box;
    @Option(names = "--steps", defaultValue = "50", paramLabel = "N", description = "deletion/insertion steps (default ${DEFAULT-VALUE})")
    int steps;
    @Option(names = "--json", description = "print one JSON object, curves included")
    boolean json;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        cam.check();
        if (steps < 1 || steps > 10_000) throw new IllegalArgumentException("--steps must be between 1 and 10000, got " + steps);
        Box originalBox = box == null ? null : parseBox(box);
        ModelArguments.Resolved m = models.resolve(spec.commandLine().getErr());
        cam.checkAgainst(m, spec.commandLine().getErr());
        DecodedImage image = ImagePreprocessor.decode(cam.image);
        CropGeometry crop = ImagePreprocessor.prepare(image, m.resolution(), 1.0).crop();
        if (originalBox != null && (originalBox.x1() > crop.originalWidth() || originalBox.y1() > crop.originalHeight())) {
            throw new IllegalArgumentException("--box " + box + " reaches outside the " + crop.originalWidth() + "x" + crop.originalHeight() + " image");
        }
        Box inputBox = originalBox == null ? null : crop.toInput(originalBox, m.resolution());
        if (inputBox != null && inputBox.area() == 0) {
            throw new IllegalArgumentException("--box " + box + " lies outside the centred square the model sees (" + String.format(Locale.ROOT,
                    "x %.0f..%.0f, y %.0f..%.0f", crop.cropX(), crop.cropX() + crop.cropSize(), crop.cropY(), crop.cropY() + crop.cropSize()) + ")");
        }

        Map<String, Object> r = new LinkedHashMap<>();
        try (EfficientNetModel net = EfficientNetModel.load(m.spec(), m.weights(), models.options())) {
            Explainer.Explanation e = Explainer.explain(net, m.model(), image, m.resolution(), cam.method(m), cam.layer, cam.classOrTop1());
            ImagePreprocessor.Prepared in = e.input();
            ModelCamSource source = new ModelCamSource(net);
            CamResult result = e.cam();
            int target = result.classIndex();
            float[] probabilities = result.probabilities();
            float[][] saliency = HeatmapScaling.perMap(result.map()).values();
            Faithfulness.Options options = new Faithfulness.Options(steps, cam.batch, Faithfulness.Baseline.BLACK, Faithfulness.Baseline.BLUR,
                    5.0, Localization.POINTING_TOLERANCE_PX);
            FaithfulnessReport f = Faithfulness.evaluate(source, in.pixels(), saliency, target, inputBox, options);

            r.put("model", m.label());
            r.put("image", cam.image.toString());
            r.put("resolution", m.resolution());
            r.put("method", result.method());
            r.put("layer", result.layer());
            r.put("class", target);
            r.put("label", m.className(target));
            r.put("probability", probabilities[target]);
            r.put("map", "per-map min-max, upsampled bilinearly to the input");
            r.put("deletion_auc", f.deletion().auc());
            r.put("insertion_auc", f.insertion().auc());
            r.put("average_drop_percent", f.confidence().dropPercent());
            r.put("increase_in_confidence", f.confidence().increased());
            r.put("score_on_image", f.confidence().fullScore());
            r.put("score_on_explanation", f.confidence().explanationScore());
            if (originalBox != null) {
                r.put("box", List.of(originalBox.x0(), originalBox.y0(), originalBox.x1(), originalBox.y1()));
                r.put("box_in_input", List.of(inputBox.x0(), inputBox.y0(), inputBox.x1(), inputBox.y1()));
                r.put("peak_in_box", f.peakInBox());
                r.put("pointing_hit", f.pointingHit());
                r.put("pointing_tolerance_px", options.pointingTolerancePx());
                r.put("energy_in_box", f.energyInBox());
            }
            r.put("steps", steps);
            r.put("deletion_baseline", "black");
            r.put("insertion_baseline", "gaussian blur, sigma 5 px");
            r.put("forward_images", f.forwardImages() + result.forwardImages());
            if (json) {
                r.put("deletion_curve", curve(f.deletion()));
                r.put("insertion_curve", curve(f.insertion()));
            }
        }
        print(r);
        return 0;
    }

    static Box parseBox(String text) {
        String[] f = text.split(",");
        if (f.length != 4) throw new IllegalArgumentException("--box must be x0,y0,x1,y1 in pixels, got '" + text + "'");
        int[] v = new int[4];
        try {
            for (int i = 0; i < 4; i++) v[i] = Integer.parseInt(f[i].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--box must be four whole numbers x0,y0,x1,y1, got '" + text + "'");
        }
        if (v[0] < 0 || v[1] < 0 || v[2] <= v[0] || v[3] <= v[1]) {
            throw new IllegalArgumentException("--box needs 0 <= x0 < x1 and 0 <= y0 < y1, got '" + text + "'");
        }
        return new Box(v[0], v[1], v[2], v[3]);
    }

    private static Map<String, Object> curve(PerturbationCurve c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fraction", c.fraction());
        m.put("score", c.score());
        return m;
    }

    private void print(Map<String, Object> r) {
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(Json.write(r));
        } else {
            o.printf(Locale.ROOT, "%s on %s (%s at %d px, %s): class %d %s, p = %.4f%n", r.get("method"), r.get("image"), r.get("model"),
                    (Integer) r.get("resolution"), r.get("layer"), (Integer) r.get("class"), r.get("label"), num(r, "probability"));
            o.printf(Locale.ROOT, "  deletion AUC   %.4f  (lower is better; %d steps, black)%n", num(r, "deletion_auc"), steps);
            o.printf(Locale.ROOT, "  insertion AUC  %.4f  (higher is better; from a blurred copy)%n", num(r, "insertion_auc"));
            o.printf(Locale.ROOT, "  average drop   %.2f %%  (p %.4f on the image, %.4f on image x map)%n", num(r, "average_drop_percent"),
                    num(r, "score_on_image"), num(r, "score_on_explanation"));
            o.printf(Locale.ROOT, "  increase       %s%n", (Boolean) r.get("increase_in_confidence") ? "yes" : "no");
            if (r.containsKey("box")) {
                o.printf(Locale.ROOT, "  peak in box    %s  (strictly inside the box %s)%n", (Boolean) r.get("peak_in_box") ? "yes" : "no",
                        r.get("box"));
                o.printf(Locale.ROOT, "  pointing game  %s  (peak within %d px of the box)%n", (Boolean) r.get("pointing_hit") ? "hit" : "miss",
                        (Integer) r.get("pointing_tolerance_px"));
                o.printf(Locale.ROOT, "  energy in box  %.1f %%%n", 100 * num(r, "energy_in_box"));
            }
            o.printf(Locale.ROOT, "  forward images %d%n", (Integer) r.get("forward_images"));
        }
        o.flush();
    }

    private static double num(Map<String, Object> r, String key) {
        return ((Number) r.get(key)).doubleValue();
    }
}
