package org.scalinglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.app.AppHome;
import org.scalinglab.app.LineupModel;
import org.scalinglab.app.Lineups;
import org.scalinglab.scaling.OfficialModel;
import org.scalinglab.tf.ImageNetLabels;
import org.scalinglab.train.ScalingStudy;
import org.scalinglab.tf.KerasH5;
import org.scalinglab.tf.KerasWeights;
import org.scalinglab.tf.ModelOptions;
import org.scalinglab.tf.ModelStore;
import org.scalinglab.tf.OfficialWeights;
import picocli.CommandLine.Option;

/**
 * The options of every command that runs one network (predict, cam, metrics): which model, its weights, the
 * input size, the ImageNet input fix and TensorFlow's threads. {@link #resolve()} turns them into a network, its weights and
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

    @Option(names = "--download", description = "download the official weights of b0..b7 into the cache if they are missing (md5-checked, resumable)")
    boolean download;

    @Option(names = {"--cache-dir", "--cache"}, paramLabel = "DIR", hidden = true, description = "where exported SavedModels are kept")
    Path cacheDir;

    @Option(names = "--threads", defaultValue = "0", description = "TensorFlow intra-op threads, 0 = TensorFlow's choice (default ${DEFAULT-VALUE})")
    int threads;

    /**
     * A network ready to load: its short label (b0, study:base), its title for people, its spec, weights and where
     * they came from (a file or "random"), class names, and the input size to use.
     */
    /** @param classFolders the image folders the model was trained on (a study model's), or null where unknown */
    record Resolved(LineupModel model, String title, String weightsSource, int resolution, List<String> classFolders) {
        String label() {
            return model.label();
        }

        NetworkSpec spec() {
            return model.spec();
        }

        KerasWeights weights() {
            return model.weights();
        }

        List<String> classNames() {
            return model.classNames();
        }

        String className(int index) {
            return model.className(index);
        }
    }

    /** @param err where download progress goes when --download fetches the official weights */
    Resolved resolve(PrintWriter err) throws IOException {
        if (threads < 0 || threads > 1024) throw new IllegalArgumentException("--threads must be between 0 and 1024, got " + threads);
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
        String source;
        if (weights != null && weights.equalsIgnoreCase("random")) {
            w = KerasWeights.random(spec, 0);
            source = "random";
        } else if (weights != null) {
            Path file = Path.of(weights);
            source = file.toString();
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
            Path file = officialWeights(official, err);
            source = file.toString();
            w = KerasH5.read(file, spec, KerasH5.Statistics.AUTO);
        } else {
            throw new IllegalArgumentException("a network given as WIDTH,DEPTH,RESOLUTION needs --weights FILE.h5 (or --weights random)");
        }
        String label = official != null ? official.id() : String.format(Locale.ROOT, "w=%.3g d=%.3g", spec.width(), spec.depth());
        String title = official != null ? "EfficientNet-" + official.name() : "Network " + label;
        return new Resolved(new LineupModel(label, spec, classNames(spec.classes()), w, null), title, source,
                resolution != null ? resolution : spec.resolution(), null);
    }

    ModelOptions options() {
        ModelOptions o = ModelOptions.defaults().withImagenetFix(!noImagenetFix).withThreads(threads, 0);
        return cacheDir != null ? o.withCacheDir(cacheDir) : o;
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

    private Resolved study(String kind) throws IOException {
        if (weights != null) {
            throw new IllegalArgumentException("--weights does not apply to study models: their weights are in the study folder");
        }
        Path dir = studyDir != null ? studyDir : AppHome.studyDir();
        List<LineupModel> models = Lineups.study(dir);
        List<String> kinds = new ArrayList<>();
        for (LineupModel lm : models) {
            kinds.add(lm.spec().name());
            if (!lm.spec().name().equals(kind)) continue;
            if (!lm.hasWeights()) throw new IllegalArgumentException("study model " + kind + " in " + dir + ": " + lm.missingReason());
            return new Resolved(new LineupModel("study:" + kind, lm.spec(), lm.classNames(), lm.weights(), null), "Study model " + lm.label(),
                    dir.resolve(kind).resolve("model.h5").toString(), resolution != null ? resolution : lm.spec().resolution(),
                    ScalingStudy.read(dir.resolve("report.json")).classes());
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
