package org.scalinglab.ui;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.scalinglab.io.AtomicFiles;

@Command(name = "screenshot", mixinStandardHelpOptions = true,
        description = {"Render the window offscreen to a PNG (for the README or to check the layout).",
                "Needs a display; on a machine without one run it under Xvfb: xvfb-run -a ./scaling-lab screenshot ..."})
public final class ScreenshotCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "PNG file to write") Path out;
    @Option(names = "--view", defaultValue = "explorer",
            description = "explorer, cost, paper, scaling, block, cam, reward (the search reward), grid (Step 1), sweep "
                    + "(Step 2), train (the Train tab), cam-numbers, cam-agreement, cam-difference, cam-study (the CAM tab's numbers, agreement, "
                    + "difference column and study) or cam-folder (with --images DIR: that folder by class, three photos explained for their true "
                    + "class) (default ${DEFAULT-VALUE})") String view;
    @Option(names = "--size", defaultValue = "1600x1000", description = "window size WIDTHxHEIGHT (default ${DEFAULT-VALUE})") String size;
    @Option(names = "--presenter", description = "presenter mode (large fonts)") boolean presenter;
    @Option(names = "--model", description = "official model b0..b7 (default b0)") String model;
    @Option(names = "--phi", description = "formula mode at this phi instead of an official model") Double phi;
    @Option(names = "--stage", defaultValue = "0", description = "select this stage row, 1..9 (the block view shows 2..8)") int stage;
    @Option(names = "--block", defaultValue = "1", description = "block of that stage in the block view, 1 = first (default ${DEFAULT-VALUE})") int block;
    @Option(names = "--cam-lineup", defaultValue = "study", description = {"cam view: study (the bundled study), b1..b7 (official "
            + "line-up, needs its weights) or untrained (the study's line-up with random weights: meaningless maps, shows the grid) "
            + "(default ${DEFAULT-VALUE})"}) String camLineup;
    @Option(names = "--images", arity = "1..*", description = "cam view: the photos (default: three of sample-images/)") List<Path> images;
    @Option(names = "--report", description = "grid or sweep view: the grid.json or sweep.json to show (default: the bundled "
            + "one in assets/search/, if any)") Path report;
    @Option(names = "--train-data", description = "train view: train on this image folder for real, into a temporary "
            + "folder, and draw the tab during the last epoch") Path trainData;
    @Option(names = "--train-per-class", defaultValue = "100", description = "with --train-data: images per class, 0 = all "
            + "(default ${DEFAULT-VALUE})") int trainPerClass;
    @Option(names = "--train-epochs", defaultValue = "3", description = "with --train-data: epochs (default ${DEFAULT-VALUE})") int trainEpochs;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("--out must end in .png, got " + out.getFileName());
        }
        AtomicFiles.checkWritable(out);
        if (model != null && phi != null) throw new IllegalArgumentException("give either --model or --phi, not both");
        String[] wh = size.toLowerCase(java.util.Locale.ROOT).split("x");
        int width;
        int height;
        try {
            if (wh.length != 2) throw new NumberFormatException();
            width = Integer.parseInt(wh[0].trim());
            height = Integer.parseInt(wh[1].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--size must be WIDTHxHEIGHT, e.g. 1600x1000, got " + size);
        }
        Screenshots.Request request = new Screenshots.Request(view, presenter, width, height,
                phi == null ? (model == null ? "b0" : model) : null, phi == null ? Double.NaN : phi, stage, block, camLineup,
                images == null ? List.of() : images, report,
                trainData == null ? null : new Screenshots.TrainingShot(trainData, trainPerClass, trainEpochs));
        Screenshots.write(out, request);
        PrintWriter w = spec.commandLine().getOut();
        w.println("wrote " + out + " (" + width + "x" + height + ")");
        w.flush();
        return 0;
    }
}
