package org.scalinglab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.scalinglab.app.SanityChart;
import org.scalinglab.app.SanityCheck;
import org.scalinglab.cam.CamMethods;
import org.scalinglab.export.FigureWriter;
import org.scalinglab.io.AtomicFiles;
import org.scalinglab.tf.ImagePreprocessor;
import org.scalinglab.train.ImageFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sanity", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sanity checks for saliency maps (Adebayo et al., 2018): destroy one model's weights in a cascade, from the "
                + "classifier down to the stem, and after each step compare every method's maps with the trained model's by rank "
                + "correlation and SSIM, averaged over the images. A method whose maps survive the destroyed weights fails. Writes "
                + "sanity.json and sanity.png/.svg/.pdf in --out.")
final class SanityCommand implements Callable<Integer> {
    @Mixin ModelArguments models;
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "images in class sub-folders, or a train/val root (val/ is used)")
    Path data;
    @Option(names = "--images", defaultValue = "20", paramLabel = "N", description = "images, spread over the classes (default ${DEFAULT-VALUE})")
    int images;
    @Option(names = "--methods", defaultValue = "gradcam,eigencam", split = ",", paramLabel = "M,M", description = "methods (default ${DEFAULT-VALUE})")
    List<String> methods;
    @Option(names = "--layer", defaultValue = "top_activation", paramLabel = "NAME", description = "layer (default ${DEFAULT-VALUE})")
    String layer;
    @Option(names = "--seed", defaultValue = "7", description = "the random weights (default ${DEFAULT-VALUE})") long seed;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder") Path out;
    @Option(names = "--json", description = "print one JSON object") boolean json;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (images < 1 || images > 1000) throw new IllegalArgumentException("--images must be between 1 and 1000, got " + images);
        List<String> ms = methods.stream().map(m -> m.trim().toLowerCase(Locale.ROOT)).toList();
        for (String m : ms) CamMethods.describe(m);
        AtomicFiles.checkWritable(out.resolve("sanity.json"));
        ModelArguments.Resolved m = models.resolve(err);
        if (!m.spec().camLayers().contains(layer)) throw new IllegalArgumentException("unknown --layer '" + layer + "' for this network");
        ImageFolder folder = ImageFolder.forEvaluation(data);
        List<ImageFolder.Item> picked = EvaluateCommand.spread(folder.validation(), images, folder.classes().size());
        List<float[][][]> inputs = new ArrayList<>();
        for (ImageFolder.Item i : picked) inputs.add(ImagePreprocessor.load(i.file(), m.resolution()).pixels());
        ProgressBar bar = new ProgressBar(err, "maps");
        SanityCheck.Report r;
        try (StopOnInterrupt stop = new StopOnInterrupt(err, "the sanity check")) {
            try {
                r = SanityCheck.run(m.model(), inputs, ms, layer, SanityCheck.cascade(m.spec()), seed, models.options(),
                        (done, total, what) -> bar.update(done, total), stop);
            } catch (CancellationException e) {
                bar.end();
                err.println(e.getMessage() + "; nothing written");
                return 130;
            }
        }
        bar.end();
        AtomicFiles.writeString(out.resolve("sanity.json"), Json.write(r) + "\n");
        var chart = SanityChart.chart(r);
        for (String f : List.of("sanity.png", "sanity.svg", "sanity.pdf")) FigureWriter.write(chart, out.resolve(f), 900, 620);
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(Json.write(r));
        } else {
            o.printf(Locale.ROOT, "%s at %s, %d images; rank correlation with the trained maps after each step:%n", r.model(), r.layer(), r.images());
            o.printf(Locale.ROOT, "  %-12s %s%n", "", String.join(" ", r.steps().stream().map(s -> String.format(Locale.ROOT, "%9s", s)).toList()));
            for (SanityCheck.MethodResult mr : r.methods()) {
                o.printf(Locale.ROOT, "  %-12s %s%n", mr.title(), String.join(" ", mr.spearman().stream().map(v -> String.format(Locale.ROOT, "%9.2f", v)).toList()));
                o.println("    " + mr.verdict());
            }
            o.println("written: " + out.resolve("sanity.json") + ", sanity.png/.svg/.pdf");
        }
        o.flush();
        return 0;
    }

}
