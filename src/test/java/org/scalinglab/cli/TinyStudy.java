package org.scalinglab.cli;

import com.google.gson.GsonBuilder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.scalinglab.arch.CostModel;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.tf.KerasH5;
import org.scalinglab.tf.KerasWeights;
import org.scalinglab.train.ScalingStudy;

/** Small random-weight networks, a study folder for them and test images, written by the tests that need them. */
final class TinyStudy {
    static final List<String> CLASSES = List.of("disc", "square", "triangle", "ring");

    private TinyStudy() {
    }

    static NetworkSpec spec(int resolution) {
        return new NetworkSpec("tiny", 0.25, 0.25, resolution, 0.2, CLASSES.size());
    }

    /** A random-weight network of {@link #spec} in the Keras layout. */
    static Path weights(Path file, long seed) throws IOException {
        NetworkSpec spec = spec(128);
        KerasH5.write(file, spec, KerasWeights.random(spec, seed));
        return file;
    }

    /**
     * A study folder as the study command writes it: report.json with base (64 px), compound (80 px) and
     * resolution-only (96 px) models that have weights, and width-only and depth-only models not trained yet.
     */
    static Path study(Path dir) throws IOException {
        Files.createDirectories(dir);
        weights(dir.resolve("base.h5"), 1);
        weights(dir.resolve("compound.h5"), 2);
        List<ScalingStudy.Entry> entries = new ArrayList<>();
        entries.add(entry("base", "Base", 0.25, 0.25, 64, "base.h5"));
        entries.add(entry("compound", "Compound", 0.25, 0.25, 80, "compound.h5"));
        entries.add(entry("width", "Width only", 0.3, 0.25, 64, null));
        entries.add(entry("depth", "Depth only", 0.25, 0.4, 64, null));
        entries.add(entry("resolution", "Resolution only", 0.25, 0.25, 96, "base.h5"));
        Files.writeString(dir.resolve("report.json"), new GsonBuilder().serializeSpecialFloatingPointValues().create().toJson(new ScalingStudy.Report(1, 1.2, 1.1, 1.15, CLASSES, entries)));
        return dir;
    }

    private static ScalingStudy.Entry entry(String kind, String label, double w, double d, int r, String weights) {
        NetworkSpec spec = new NetworkSpec(kind, w, d, r, 0.2, CLASSES.size());
        CostModel cost = CostModel.of(spec);
        return new ScalingStudy.Entry(kind, label, w, d, r, CLASSES.size(), cost.params(), cost.macs(), 0, weights == null ? Double.NaN : 0.5,
                weights == null ? Double.NaN : 1, 0, 0, weights == null ? 0 : 1, weights, null);
    }

    /** A width x height PNG: a smooth gradient with a red disc, so maps and overlays have something to show. */
    static Path image(Path file, int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int g = 60 + (x * 120) / width;
                img.setRGB(x, y, (g << 16) | ((g + y * 60 / height) << 8) | 128);
            }
        }
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(220, 40, 40));
        g.fillOval(width / 3, height / 4, width / 4, width / 4);
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(img, "png", file.toFile());
        return file;
    }
}
