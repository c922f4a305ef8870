package org.scalinglab.cam;

import org.scalinglab.tf.Box;
import org.scalinglab.tf.CropGeometry;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.scalinglab.io.AtomicFiles;

/** Renders a heatmap over the original image and writes PNG files, headless (for the CLI and figure export). */
public final class OverlayWriter {

    /**
     * @param threshold contour (and box) level in [0, 1]; NaN for none
     * @param box       also draw the bounding box of the largest thresholded region
     */
    public record Style(Colormap colormap, double alpha, double threshold, boolean box) {
        public static final double DEFAULT_ALPHA = 0.5;

        public Style {
            if (colormap == null) {
                throw new IllegalArgumentException("colormap is required");
            }
            if (!(alpha >= 0 && alpha <= 1)) {
                throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
            }
        }

        public static Style defaults() {
            return new Style(Colormap.JET, DEFAULT_ALPHA, Double.NaN, false);
        }
    }

    private OverlayWriter() {
    }

    /** The heatmap (which covers the model's crop) mapped onto the whole original image; no heat outside the crop. */
    public static BufferedImage render(BufferedImage original, Heatmap heatmap, CropGeometry crop, Style style) {
        if (original.getWidth() != crop.originalWidth() || original.getHeight() != crop.originalHeight()) {
            throw new IllegalArgumentException("crop geometry is for " + crop.originalWidth() + "x" + crop.originalHeight()
                    + " but the image is " + original.getWidth() + "x" + original.getHeight());
        }
        float[][] heat = Bilinear.toOriginal(heatmap.values(), crop);
        BufferedImage out = Overlay.blend(original, heat, style.colormap(), style.alpha());
        if (!Double.isNaN(style.threshold())) {
            Overlay.drawContour(out, heat, style.threshold(), Color.WHITE);
            if (style.box()) {
                Box box = ThresholdRegion.largestRegionBox(heat, style.threshold());
                if (box != null) {
                    Overlay.drawBox(out, box, Color.WHITE);
                }
            }
        }
        return out;
    }

    public static void writePng(BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer available");
        });
    }
}
