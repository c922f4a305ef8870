package org.scalinglab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.compare.LineupModel;
import org.scalinglab.compare.Lineups;
import org.scalinglab.scaling.OfficialModel;
import org.scalinglab.tf.ImageNetLabels;
import org.scalinglab.tf.KerasH5;
import org.scalinglab.tf.KerasWeights;
import org.scalinglab.tf.ModelOptions;
import org.scalinglab.tf.ModelStore;
import picocli.CommandLine.Option;

/**
 * The options of every command that runs one network (cam, metrics; predict's are the same): which model, its
 * weights, the input size and the ImageNet input fix. {@link #resolve()} turns them into a network, its weights and
 * its class names, or one clear line saying what is missing.
 */
final class ModelArguments {
    static final String MODEL_FORMS = "b0..b7, study:KIND (base, compound, width, depth, resolution) or WIDTH,DEPTH,RESOLUTION[,CLASSES]";

    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "b0..b7 (official ImageNet weights), study:KIND for a model of the study folder (base, compound, width, depth, resolution), or WIDTH,DEPTH,RESOLUTION[,CLASSES] with --weights")
    String model;

    @Option(names = "--weights", paramLabel = "FILE.h5",
            description = "Keras .h5 weights (default for b0..b7: the cached official file); 'random' for random weights (timing only)")
    String weights;

    @Option(names = "--resolution", paramLabel = "N", description = "input size in pixels (default: the model's own)")
    Integer resolution;

    @Option(names = "--no-imagenet-fix", description = "leave out Keras' extra 1/sqrt(std) input rescale of the official weights")
    boolean noImagenetFix;

    @Option(names = "--study-dir", paramLabel = "DIR", description = "the study folder for study:KIND (default: assets/study)")
    Path studyDir;

    @Option(names = "--cache-dir", paramLabel = "DIR", hidden = true, description = "where exported SavedModels are kept")
    Path cacheDir;

    /** A network ready to load: what to call it, its spec, weights and class names, and the input size to use. */
    record Resolved(String label, NetworkSpec spec, KerasWeights weights, List<String> classNames, int resolution) {
        String className(int index) {
            return index >= 0 && index < classNames.size() ? classNames.get(index) : "class " + index;
        }
    }

    Resolved resolve() throws IOException {
        if (resolution != null && (resolution < NetworkSpec.MIN_RESOLUTION || resolution > NetworkSpec.MAX_RESOLUTION)) {
            throw new IllegalArgumentException("--resolution must be between " + NetworkSpec.MIN_RESOLUTION + " and "
                    + NetworkSpec.MAX_RESOLUTION + ", got " + resolution);
        }
        String m = model.trim().toLowerCase(Locale.ROOT);
        if (m.startsWith("study:")) return study(m.substring("study:".length()));
        NetworkSpec spec;
        OfficialModel official = null;
        if (m.contains(",")) {
            spec = customSpec(m);
        } else {
            try {
                official = OfficialModel.parse(m);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--model must be " + MODEL_FORMS + ", got '" + model + "'");
            }
            spec = NetworkSpec.official(official);
        }
        KerasWeights w;
        if (weights != null && weights.equalsIgnoreCase("random")) {
            w = KerasWeights.random(spec, 0);
        } else if (weights != null) {
            Path file = Path.of(weights);
            if (!Files.isRegularFile(file)) throw new IllegalArgumentException("weights file not found: " + file);
            if (official == null && m.split(",").length == 3) {
                KerasH5.Contents c = KerasH5.inspect(file);
                if (c.hasTop() && c.classes() > 0) spec = spec.withClasses(c.classes());
            }
            w = KerasH5.read(file, spec, KerasH5.Statistics.AUTO);
            if (!w.has("predictions", "kernel")) {
                throw new IllegalArgumentException(file.getFileName() + " has no classifier (a _notop file?): predictions and CAMs need the full model");
            }
        } else if (official != null) {
            String id = official.id();
            Path file = ModelStore.standard().cached(official, true).orElseThrow(() -> new IllegalArgumentException(
                    "no weights for " + id + ": run `scaling-lab weights --download " + id + "` or pass --weights FILE"));
            w = KerasH5.read(file, spec, KerasH5.Statistics.AUTO);
        } else {
            throw new IllegalArgumentException("a network given as WIDTH,DEPTH,RESOLUTION needs --weights FILE.h5 (or --weights random)");
        }
        String label = official != null ? official.id() : String.format(Locale.ROOT, "w=%.3g d=%.3g", spec.width(), spec.depth());
        return new Resolved(label, spec, w, classNames(spec.classes()), resolution != null ? resolution : spec.resolution());
    }

    ModelOptions options() {
        ModelOptions o = ModelOptions.defaults().withImagenetFix(!noImagenetFix);
        return cacheDir != null ? o.withCacheDir(cacheDir) : o;
    }

    private Resolved study(String kind) throws IOException {
        if (weights != null) {
            throw new IllegalArgumentException("--weights does not apply to study models: their weights are in the study folder");
        }
        Path dir = studyDir != null ? studyDir : StudyFolder.defaultDir();
        List<LineupModel> models = Lineups.study(dir);
        List<String> kinds = new ArrayList<>();
        for (LineupModel lm : models) {
            kinds.add(lm.spec().name());
            if (!lm.spec().name().equals(kind)) continue;
            if (!lm.hasWeights()) throw new IllegalArgumentException("study model " + kind + " in " + dir + ": " + lm.missingReason());
            return new Resolved("study:" + kind, lm.spec(), lm.weights(), lm.classNames(),
                    resolution != null ? resolution : lm.spec().resolution());
        }
        throw new IllegalArgumentException("no model '" + kind + "' in the study in " + dir + "; it has " + String.join(", ", kinds));
    }

    private NetworkSpec customSpec(String text) {
        String[] f = text.split(",");
        try {
            if (f.length == 3 || f.length == 4) {
                int classes = f.length == 4 ? Integer.parseInt(f[3].trim()) : NetworkSpec.IMAGENET_CLASSES;
                return new NetworkSpec("custom", Double.parseDouble(f[0].trim()), Double.parseDouble(f[1].trim()),
                        Integer.parseInt(f[2].trim()), 0.2, classes);
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("--model must be " + MODEL_FORMS + ", got '" + model + "'");
    }

    private static List<String> classNames(int classes) {
        if (classes == NetworkSpec.IMAGENET_CLASSES) return ImageNetLabels.imagenet().names();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classes; i++) names.add("class " + i);
        return names;
    }
}
