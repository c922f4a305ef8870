package org.scalinglab.app;

import java.awt.image.BufferedImage;
import java.util.List;
import org.scalinglab.cam.CamMethod;
import org.scalinglab.cam.CamResult;
import org.scalinglab.cam.Heatmap;
import org.scalinglab.cam.ModelCamSource;
import org.scalinglab.cam.OverlayWriter;
import org.scalinglab.tf.EfficientNetModel;
import org.scalinglab.tf.ImagePreprocessor;
import org.scalinglab.tf.ImagePreprocessor.DecodedImage;

/**
 * The one path from an image to an explanation, shared by the window and every command: the image is decoded once
 * ({@link ImagePreprocessor#decode}); for each model, the square it takes at its resolution, the CAM pass (which also
 * predicts, so no second forward pass), the top classes with the model's names, and where the map lies on the image.
 * Scaling the maps (per map, per image, over everything) is the caller's choice; {@link #overlay} then draws one.
 */
public final class Explainer {
    public static final int TOP = 5;

    /** One model's look at one image: what it was given ({@code input.crop()} places it on the file) and what it made of it. */
    public record Explanation(ImagePreprocessor.Prepared input, CamResult cam, List<LineupModel.Prediction> top) {
    }

    private Explainer() {
    }

    /**
     * @param target a class index, or {@link EfficientNetModel#TOP1} for the model's own top-1
     */
    public static Explanation explain(EfficientNetModel net, LineupModel model, DecodedImage image, int resolution, CamMethod method,
                                      String layer, int target) {
        ImagePreprocessor.Prepared input = ImagePreprocessor.prepare(image, resolution, 1.0);
        CamResult cam = method.compute(new ModelCamSource(net), input.pixels(), layer, target);
        return new Explanation(input, cam, model.top(cam.probabilities(), TOP));
    }

    /** A scaled map drawn over a rendition of the image: the decoded image, or a smaller copy for display. */
    public static BufferedImage overlay(BufferedImage shown, Heatmap heatmap, Explanation e, OverlayWriter.Style style) {
        return OverlayWriter.render(shown, heatmap, e.input().crop().scaledTo(shown.getWidth(), shown.getHeight()), style);
    }
}
