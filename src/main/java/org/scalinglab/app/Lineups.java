package org.scalinglab.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scalinglab.arch.MatchedVariants;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.scaling.OfficialModel;
import org.scalinglab.tf.ImageNetLabels;
import org.scalinglab.tf.KerasH5;
import org.scalinglab.tf.KerasWeights;
import org.scalinglab.tf.ModelStore;
import org.scalinglab.train.ScalingStudy;

/** The line-ups the comparison offers: the bundled study, or the official models. */
public final class Lineups {
    private Lineups() {
    }

    /**
     * The five models of a study folder (report.json and each model's model.h5). A {@code classes.txt} beside the
     * report ("folder name" then a display name, one per line) gives readable class names. A model without weights
     * says why: how far its training has come when its folder holds a checkpoint, else "not trained yet".
     */
    public static List<LineupModel> study(Path dir) throws IOException {
        Path report = dir.resolve("report.json");
        if (!Files.isRegularFile(report)) {
            throw new IllegalArgumentException("no study in " + dir + " (report.json is missing); train one with the study command");
        }
        ScalingStudy.Report r = ScalingStudy.read(report);
        List<String> names = displayNames(dir.resolve("classes.txt"), r.classes());
        List<LineupModel> out = new ArrayList<>();
        for (ScalingStudy.Entry e : r.models()) {
            NetworkSpec spec = new NetworkSpec(e.kind(), e.width(), e.depth(), e.resolution(), 0.2, e.classes());
            Path weights = e.weights() == null ? null : dir.resolve(e.weights());
            if (weights == null || !Files.isRegularFile(weights)) {
                String progress = org.scalinglab.train.Checkpoint.progress(dir.resolve(e.kind())).map(p -> "training: " + p).orElse("not trained yet");
                out.add(LineupModel.missing(e.label(), spec, progress));
            } else {
                KerasWeights w = KerasH5.read(weights, spec, KerasH5.Statistics.AS_STORED);
                out.add(new LineupModel(e.label(), spec, names, w, null));
            }
        }
        return out;
    }

    /** A line-up's class names: those of its first model that has names (none: empty). */
    public static List<String> classNames(List<LineupModel> lineup) {
        return lineup.stream().map(LineupModel::classNames).filter(n -> !n.isEmpty()).findFirst().orElse(List.of());
    }

    private static List<String> displayNames(Path file, List<String> folders) throws IOException {
        if (!Files.isRegularFile(file)) return folders;
        Map<String, String> map = folderNames(file);
        return folders.stream().map(f -> map.getOrDefault(f, f)).toList();
    }

    /** A study's {@code classes.txt}: folder name to class name ("n01440764" to "tench"); empty when there is no file. */
    public static Map<String, String> folderNames(Path file) throws IOException {
        Map<String, String> map = new HashMap<>();
        if (!Files.isRegularFile(file)) return map;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            String[] f = t.split("\\s+", 2);
            if (f.length == 2) map.put(f[0], f[1]);
        }
        return map;
    }

    /**
     * The official line-up for B{φ}: B0 as the base, the official model as the compound one, B0's weights at the
     * resolution of matching cost as the resolution-only model, and the width-only and depth-only networks of
     * matching cost, which have no public weights.
     */
    public static List<LineupModel> official(OfficialModel compound, ModelStore store) {
        NetworkSpec b0 = NetworkSpec.official(OfficialModel.B0);
        NetworkSpec bx = NetworkSpec.official(compound);
        List<MatchedVariants.Variant> v = MatchedVariants.matching(b0, org.scalinglab.arch.CostModel.of(bx).macs());
        List<String> labels = ImageNetLabels.imagenet().names();
        Optional<KerasWeights> b0Weights = weights(store, OfficialModel.B0, b0);
        List<LineupModel> out = new ArrayList<>();
        out.add(model("B0 (base)", b0, labels, b0Weights, OfficialModel.B0));
        out.add(model("Compound " + compound.name(), bx, labels, weights(store, compound, bx), compound));
        out.add(LineupModel.missing("Width only", v.get(0).spec(), "no public weights for a width-only EfficientNet"));
        out.add(LineupModel.missing("Depth only", v.get(1).spec(), "no public weights for a depth-only EfficientNet"));
        NetworkSpec res = v.get(2).spec();
        out.add(b0Weights.isPresent() ? new LineupModel("Resolution only", res, labels, b0Weights.get(), null)
                : LineupModel.missing("Resolution only", res, "needs B0's weights: download b0"));
        return out;
    }

    /**
     * The study's line-up with random, untrained weights: base, compound, width-only, depth-only and resolution-only
     * of equal multiply-adds, each labelled "(untrained)". Its maps mean nothing; it shows the grid working where no
     * model is trained yet (screenshots, demos of the tool itself).
     */
    public static List<LineupModel> untrained(NetworkSpec base, org.scalinglab.scaling.CompoundScaling scaling,
                                              List<String> classNames, long seed) {
        NetworkSpec classed = base.withClasses(classNames.size());
        List<LineupModel> out = new ArrayList<>();
        for (MatchedVariants.Variant v : MatchedVariants.of(classed, scaling)) {
            NetworkSpec spec = v.spec().withName(v.kind().name().toLowerCase(java.util.Locale.ROOT));
            out.add(new LineupModel(v.kind().label() + " (untrained)", spec, classNames, KerasWeights.random(spec, seed++), null));
        }
        return out;
    }

    private static LineupModel model(String label, NetworkSpec spec, List<String> labels, Optional<KerasWeights> w, OfficialModel m) {
        return w.map(weights -> new LineupModel(label, spec, labels, weights, null))
                .orElseGet(() -> LineupModel.missing(label, spec, "weights not downloaded: scaling-lab weights --download " + m.id()));
    }

    private static Optional<KerasWeights> weights(ModelStore store, OfficialModel m, NetworkSpec spec) {
        return store.cached(m, true).map(p -> KerasH5.read(p, spec, KerasH5.Statistics.AUTO));
    }
}
