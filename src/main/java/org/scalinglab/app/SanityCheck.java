package org.scalinglab.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.scalinglab.arch.BlockSpec;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.cam.Bilinear;
import org.scalinglab.cam.CamMethod;
import org.scalinglab.cam.CamMethods;
import org.scalinglab.cam.CamResult;
import org.scalinglab.cam.HeatmapScaling;
import org.scalinglab.cam.MapComparison;
import org.scalinglab.cam.ModelCamSource;
import org.scalinglab.tf.EfficientNetModel;
import org.scalinglab.tf.KerasWeights;
import org.scalinglab.tf.ModelOptions;

/**
 * The model-randomisation test of Adebayo et al. (2018), "Sanity Checks for Saliency Maps": the weights of one model are
 * destroyed in a cascade, from the classifier down to the stem, stage by stage (each step re-initialises its layers on
 * top of the earlier steps'), and after each step every method's maps are compared with the trained model's maps of
 * the same images and classes, by Spearman's rank correlation and SSIM on a common 56x56 grid. A method whose maps
 * survive the destruction of the weights explains the image, not the model: it fails.
 */
public final class SanityCheck {
    static final int GRID = 56;
    /** A method fails when its maps still correlate this much with the trained ones after the whole cascade. */
    public static final double FAIL_CORRELATION = 0.5;

    /** One step of the cascade: its name and the layer-name prefixes it re-initialises. */
    public record Step(String name, List<String> layerPrefixes) {
    }

    /** One method: per step the mean rank correlation and SSIM with the trained maps, and the verdict. */
    public record MethodResult(String method, String title, List<Double> spearman, List<Double> ssim, boolean passes, String verdict) {
    }

    public record Report(String model, String layer, List<String> steps, int images, List<MethodResult> methods) {
    }

    public interface Progress {
        void update(int done, int total, String what);
    }

    private SanityCheck() {
    }

    /** The classifier, the head, then each stage from the last to the first, then the stem. */
    public static List<Step> cascade(NetworkSpec spec) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("classifier", List.of("predictions")));
        steps.add(new Step("head", List.of("top_conv", "top_bn")));
        // the paper's stages 2..8 are the MBConv blocks, named block1a.. to block7a.. in Keras
        Map<Integer, String> stages = new LinkedHashMap<>();
        for (BlockSpec b : spec.blocks()) stages.put(b.stage(), b.name().substring(0, b.name().indexOf('_') - 1));
        List<Integer> down = new ArrayList<>(stages.keySet());
        java.util.Collections.reverse(down);
        for (int s : down) steps.add(new Step("stage " + s, List.of(stages.get(s) + "")));
        steps.add(new Step("stem", List.of("stem_conv", "stem_bn")));
        return steps;
    }

    /** The original weights with the layers of {@code prefixes} taken from {@code random} (the input normalisation stays). */
    static KerasWeights randomized(KerasWeights original, KerasWeights random, Set<String> prefixes) {
        Map<String, Map<String, float[]>> out = new LinkedHashMap<>();
        original.values().forEach((layer, named) -> {
            boolean replace = prefixes.stream().anyMatch(layer::startsWith);
            out.put(layer, replace ? random.values().get(layer) : named);
        });
        return new KerasWeights(out, original.imagenetStatistics());
    }

    /**
     * @param images preprocessed inputs at the model's resolution; each is explained for the trained model's top-1 class
     * @param steps  the cascade (or a part of it, for tests)
     */
    public static Report run(LineupModel model, List<float[][][]> images, List<String> methods, String layer, List<Step> steps, long seed,
                             ModelOptions options, Progress progress, BooleanSupplier cancelled) {
        KerasWeights random = KerasWeights.random(model.spec(), seed);
        int total = (steps.size() + 1) * images.size() * methods.size();
        int[] done = {0};
        List<Integer> classes = new ArrayList<>();
        Map<String, List<float[][]>> trained = maps(model, images, methods, layer, classes, options, "trained", progress, cancelled, done, total);
        Map<String, List<List<Double>>> rho = new LinkedHashMap<>();
        Map<String, List<List<Double>>> ssim = new LinkedHashMap<>();
        for (String m : methods) {
            rho.put(m, new ArrayList<>());
            ssim.put(m, new ArrayList<>());
        }
        Set<String> destroyed = new LinkedHashSet<>();
        for (Step step : steps) {
            destroyed.addAll(step.layerPrefixes());
            LineupModel broken = new LineupModel(model.label(), model.spec(), model.classNames(),
                    randomized(model.weights(), random, destroyed), null);
            Map<String, List<float[][]>> now = maps(broken, images, methods, layer, classes, options, step.name(), progress, cancelled, done, total);
            for (String m : methods) {
                List<Double> r = new ArrayList<>();
                List<Double> s = new ArrayList<>();
                for (int i = 0; i < images.size(); i++) {
                    r.add(MapComparison.spearman(trained.get(m).get(i), now.get(m).get(i)));
                    s.add(MapComparison.ssim(trained.get(m).get(i), now.get(m).get(i)));
                }
                rho.get(m).add(r);
                ssim.get(m).add(s);
            }
        }
        List<MethodResult> results = new ArrayList<>();
        for (String m : methods) {
            List<Double> meanRho = rho.get(m).stream().map(SanityCheck::mean).toList();
            List<Double> meanSsim = ssim.get(m).stream().map(SanityCheck::mean).toList();
            double last = meanRho.isEmpty() ? Double.NaN : meanRho.get(meanRho.size() - 1);
            boolean passes = last < FAIL_CORRELATION;
            int falls = -1;
            for (int i = 0; i < meanRho.size() && falls < 0; i++) if (meanRho.get(i) < FAIL_CORRELATION) falls = i;
            String verdict = passes
                    ? String.format(Locale.ROOT, "passes: its maps follow the weights (rank correlation with the trained maps %.2f after the"
                    + " whole cascade, below %.1f from \"%s\" on)", last, FAIL_CORRELATION, steps.get(falls).name())
                    : String.format(Locale.ROOT, "fails: its maps survive the destroyed weights (rank correlation still %.2f after the whole"
                    + " cascade)", last);
            results.add(new MethodResult(m, CamMethods.describe(m).title(), meanRho, meanSsim, passes, verdict));
        }
        return new Report(model.label(), layer, steps.stream().map(Step::name).toList(), images.size(), results);
    }

    /** Every method's map of every image, scaled to [0, 1] on the common grid; the first call fixes the classes. */
    private static Map<String, List<float[][]>> maps(LineupModel model, List<float[][][]> images, List<String> methods, String layer,
                                                     List<Integer> classes, ModelOptions options, String what, Progress progress,
                                                     BooleanSupplier cancelled, int[] done, int total) {
        Map<String, List<float[][]>> out = new LinkedHashMap<>();
        try (EfficientNetModel net = model.load(options)) {
            ModelCamSource source = new ModelCamSource(net);
            for (String m : methods) {
                CamMethod method = model.camMethod(m, 32);
                List<float[][]> maps = new ArrayList<>();
                for (int i = 0; i < images.size(); i++) {
                    if (cancelled.getAsBoolean()) throw new CancellationException("sanity check stopped");
                    int target = classes.size() > i ? classes.get(i) : EfficientNetModel.TOP1;
                    CamResult r = method.compute(source, images.get(i), layer, target);
                    if (classes.size() <= i) classes.add(r.classIndex());
                    maps.add(Bilinear.resize(HeatmapScaling.perMap(r.map()).values(), GRID, GRID));
                    progress.update(++done[0], total, what + ": " + m);
                }
                out.put(m, maps);
            }
        }
        return out;
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
