package org.scalinglab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalinglab.cam.CamMethod;
import org.scalinglab.cam.CamMethods;
import org.scalinglab.cam.Colormap;
import org.scalinglab.cam.Heatmap;
import org.scalinglab.app.AppHome;
import org.scalinglab.app.ComparisonResult;
import org.scalinglab.app.ComparisonRunner;
import org.scalinglab.app.LineupModel;
import org.scalinglab.app.Lineups;
import org.scalinglab.export.FigureWriter;
import org.scalinglab.scaling.OfficialModel;
import org.scalinglab.tf.ModelOptions;
import org.scalinglab.tf.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.scalinglab.tf.Signatures;
import org.scalinglab.io.AtomicFiles;

@Command(name = "figure", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The CAM comparison as a figure for a paper or slides (headless): one row per image, one column per model of the line-up (base, compound and the width-, depth- and resolution-only networks of equal cost), each with its top-1 and heatmap, the colour scale chosen (one per image by default) named in its legend. PNG (at --dpi), SVG or PDF by extension.")
final class FigureCommand implements Callable<Integer> {
    @Option(names = "--images", required = true, arity = "1..*", paramLabel = "FILE", description = "the images, one row each")
    List<Path> images;
    @Option(names = "--lineup", defaultValue = "study", paramLabel = "study|b1..b7",
            description = "study (default): the five models of the study folder; bN: B0, official BN, and B0's weights at BN's cost in resolution (width- and depth-only have no public weights)")
    String lineup;
    @Option(names = "--study-dir", paramLabel = "DIR", description = "the study folder (default: assets/study)")
    Path studyDir;
    @Option(names = "--method", defaultValue = CamMethods.DEFAULT, paramLabel = "NAME",
            description = "gradcam (default), gradcampp, xgradcam, layercam, scorecam, eigencam or cam")
    String method;
    @Option(names = "--layer", defaultValue = Signatures.DEFAULT_CAM_LAYER, paramLabel = "NAME", description = "target layer (default ${DEFAULT-VALUE})")
    String layer;
    @Option(names = "--class", paramLabel = "C", description = "class index to explain (default: each model's top-1)")
    Integer classIndex;
    @Option(names = "--colormap", defaultValue = "jet", paramLabel = "NAME", description = "jet (default), turbo, viridis, inferno or gray")
    String colormap;
    @Option(names = "--alpha", defaultValue = "0.5", paramLabel = "A", description = "heatmap opacity in [0, 1] (default ${DEFAULT-VALUE})")
    double alpha;
    @Option(names = "--scale", defaultValue = "image", paramLabel = "image|map|all",
            description = "the colour scale: image (default: one per image, so the models of a row compare and another image never recolours it), map (each map its own min-max) or all (one over every image)")
    String scale;
    @Option(names = "--dpi", defaultValue = "300", paramLabel = "N", description = "PNG resolution (default ${DEFAULT-VALUE}; SVG and PDF are vector)")
    int dpi;
    @Option(names = "--batch", defaultValue = "32", paramLabel = "N", description = "images per forward pass for Score-CAM (default ${DEFAULT-VALUE})")
    int batch;
    @Option(names = "--no-imagenet-fix", description = "leave out Keras' extra 1/sqrt(std) input rescale of the official weights")
    boolean noImagenetFix;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "fig.pdf, fig.svg or fig.png")
    Path out;
    @Option(names = "--cache-dir", paramLabel = "DIR", hidden = true, description = "where exported SavedModels are kept")
    Path cacheDir;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        FigureWriter.Format format = FigureWriter.Format.of(out);
        AtomicFiles.checkWritable(out);
        if (dpi < FigureWriter.MIN_DPI || dpi > FigureWriter.MAX_DPI) {
            throw new IllegalArgumentException("--dpi must be between " + FigureWriter.MIN_DPI + " and " + FigureWriter.MAX_DPI + ", got " + dpi);
        }
        if (batch < 1 || batch > 1024) throw new IllegalArgumentException("--batch must be between 1 and 1024, got " + batch);
        Colormap colors = Colormap.parse(colormap);
        Heatmap.Scaling scaling;
        try {
            scaling = Heatmap.Scaling.parse(scale);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--scale must be image, map or all, got '" + scale + "'");
        }
        ComparisonRunner.Settings settings = new ComparisonRunner.Settings(method.trim().toLowerCase(Locale.ROOT), layer, classIndex,
                colors, alpha, scaling, batch);
        List<ComparisonRunner.Input> inputs = new java.util.ArrayList<>();
        for (Path image : images) {
            if (!Files.exists(image)) throw new IllegalArgumentException("image not found: " + image);
            inputs.add(ComparisonRunner.Input.read(image)); // one line for a file that is no image, before any model loads
        }
        List<LineupModel> models = lineup();
        if (models.stream().noneMatch(LineupModel::hasWeights)) {
            throw new IllegalArgumentException("no model of the line-up has weights: " + models.get(0).label() + ": " + models.get(0).missingReason());
        }
        int classes = models.stream().filter(LineupModel::hasWeights).mapToInt(m -> m.spec().classes()).max().orElse(0);
        if (classIndex != null && (classIndex < 0 || classIndex >= classes)) {
            throw new IllegalArgumentException("--class must be between 0 and " + (classes - 1) + ", got " + classIndex);
        }
        // a photo in a class folder (Imagenette's n03028079 or a folder named after a class) is captioned with its class
        List<String> names = Lineups.classNames(models);
        java.util.Map<String, String> folders = Lineups.folderNames((studyDir != null ? studyDir : AppHome.studyDir()).resolve("classes.txt"));
        for (int i = 0; i < inputs.size(); i++) {
            ComparisonRunner.Input in = inputs.get(i);
            inputs.set(i, new ComparisonRunner.Input(in.name(), in.image(), org.scalinglab.app.TrueClass.of(images.get(i), names, folders)));
        }
        for (LineupModel m : models) {
            if (!m.hasWeights()) err.println("note: " + m.label() + " has no weights (" + m.missingReason() + "); its cells say so");
        }

        ModelOptions options = ModelOptions.defaults().withImagenetFix(!noImagenetFix);
        if (cacheDir != null) options = options.withCacheDir(cacheDir);
        long t0 = System.nanoTime();
        ComparisonResult result;
        try (ComparisonRunner runner = new ComparisonRunner(models, options)) {
            result = runner.run(inputs, settings, (done, total, message) -> {
                if (done < total) err.printf(Locale.ROOT, "[%d/%d] %s%n", done + 1, total, message);
                else err.println(message);
                err.flush();
            }, () -> false);
        }
        org.scalinglab.app.PhotoClasses samples = org.scalinglab.app.PhotoClasses.samples();
        FigureWriter.write(out, ComparisonRunner.figure(result, colors, images.stream().map(p -> samples.verdict(p, names)).toList()), dpi);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "figure: %s (%s, %d images x %d models, %s, %.1f s)%n", out, format.name().toLowerCase(Locale.ROOT)
                        + (format == FigureWriter.Format.PNG ? " at " + dpi + " dpi" : ""), images.size(), models.size(),
                result.hasMaps() ? result.scaling().phrase() : "no maps", (System.nanoTime() - t0) / 1e9);
        o.flush();
        return 0;
    }

    private List<LineupModel> lineup() throws java.io.IOException {
        String l = lineup.trim().toLowerCase(Locale.ROOT);
        if (l.equals("study")) return Lineups.study(studyDir != null ? studyDir : AppHome.studyDir());
        OfficialModel m;
        try {
            m = OfficialModel.parse(l);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--lineup must be study or b1..b7, got '" + lineup + "'");
        }
        if (m == OfficialModel.B0) throw new IllegalArgumentException("--lineup b0 compares B0 with itself: use b1..b7");
        return Lineups.official(m, ModelStore.standard());
    }
}
