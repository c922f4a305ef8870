package org.scalinglab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.scalinglab.app.MemoryPlan;
import org.scalinglab.cam.CamMethod;
import org.scalinglab.cam.CamMethods;
import org.scalinglab.cam.CamSource;
import picocli.CommandLine.Option;
import org.scalinglab.tf.Signatures;
import org.scalinglab.tf.EfficientNetModel;

/** The options of the commands that explain one image (cam, metrics): image, method, layer, class. */
final class CamArguments {
    @Option(names = "--image", required = true, paramLabel = "FILE", description = "the image to explain (JPEG, PNG, BMP, GIF, ...)")
    Path image;

    @Option(names = "--method", defaultValue = CamMethods.DEFAULT, paramLabel = "NAME",
            description = "gradcam (default), gradcampp, xgradcam, layercam, scorecam, eigencam or cam")
    String method;

    @Option(names = "--layer", defaultValue = Signatures.DEFAULT_CAM_LAYER, paramLabel = "NAME",
            description = "target layer: top_activation (default) or a block output such as block6d_add")
    String layer;

    @Option(names = "--class", paramLabel = "C", description = "class index to explain (default: the top-1 prediction)")
    Integer classIndex;

    @Option(names = "--batch", defaultValue = "32", paramLabel = "N",
            description = "images per forward pass for Score-CAM and the metrics (default ${DEFAULT-VALUE})")
    int batch;

    /** Checks what can be checked before a model is loaded. */
    void check() {
        if (!Files.exists(image)) throw new IllegalArgumentException("image not found: " + image);
        if (batch < 1 || batch > 1024) throw new IllegalArgumentException("--batch must be between 1 and 1024, got " + batch);
        method = method.trim().toLowerCase(java.util.Locale.ROOT);
        if (!CamMethods.NAMES.contains(method)) {
            throw new IllegalArgumentException("unknown --method '" + method + "'; expected one of " + String.join(", ", CamMethods.NAMES));
        }
    }

    /**
     * Checks the layer and class against the network, and the memory the work needs at its resolution: --batch is
     * lowered (with a note) to what fits, and a single image that does not fit is refused with the figures.
     */
    void checkAgainst(ModelArguments.Resolved m, java.io.PrintWriter err) {
        int fits = MemoryPlan.current().batchFor(m.spec(), m.resolution(), batch, m.title());
        if (fits < batch) {
            err.println("note: --batch " + batch + " lowered to " + fits + " to fit in memory at " + m.resolution() + " px");
            err.flush();
            batch = fits;
        }
        if (!m.spec().camLayers().contains(layer)) {
            throw new IllegalArgumentException("unknown --layer '" + layer + "'; this network's layers are top_activation and the block "
                    + "outputs " + m.spec().camLayers().get(0) + " .. " + m.spec().camLayers().get(m.spec().camLayers().size() - 2));
        }
        if (classIndex != null && (classIndex < 0 || classIndex >= m.spec().classes())) {
            throw new IllegalArgumentException("--class must be between 0 and " + (m.spec().classes() - 1) + ", got " + classIndex);
        }
        if (method.equals("cam") && !layer.equals(Signatures.DEFAULT_CAM_LAYER)) {
            throw new IllegalArgumentException("--method cam works only at " + Signatures.DEFAULT_CAM_LAYER
                    + " (the layer the global average pool and dense head read)");
        }
    }

    CamMethod method(ModelArguments.Resolved m) {
        return m.model().camMethod(method, batch);
    }

    /** The requested class, or {@link EfficientNetModel#TOP1}: the CAM run itself then explains its top-1 prediction. */
    int classOrTop1() {
        return classIndex != null ? classIndex : EfficientNetModel.TOP1;
    }
}
