package org.scalinglab.cam;

import java.util.Objects;
import org.scalinglab.tf.CamData;
import org.scalinglab.tf.Signatures;

/**
 * The common path of every CAM method, in the style of pytorch-grad-cam's {@code BaseCAM}: capture the
 * target layer's activations and gradients for the class, let the method make its map, apply ReLU.
 * Scaling and upsampling are separate ({@link HeatmapScaling}, {@link Bilinear}) so several maps can share
 * one scale.
 */
public abstract class CamMethod {
    private final String name;
    private final String title;
    private final boolean usesGradients;

    /**
     * @param name          the CLI name (gradcam)
     * @param title         the name papers use (Grad-CAM)
     * @param usesGradients whether the map needs the gradients of the target layer
     */
    protected CamMethod(String name, String title, boolean usesGradients) {
        this.name = name;
        this.title = title;
        this.usesGradients = usesGradients;
    }

    /** The CLI name of the method. */
    public final String name() {
        return name;
    }

    /** The name papers use: "Grad-CAM". */
    public final String title() {
        return title;
    }

    public final boolean usesGradients() {
        return usesGradients;
    }

    /** Whether the map depends on the class explained (Eigen-CAM's does not). */
    public boolean classSpecific() {
        return true;
    }

    /** Images through the network for one map at a layer of {@code channels} channels, the CAM pass included. */
    public int forwardImages(int channels) {
        return 1;
    }

    /**
     * Explain {@code classIndex} ({@link EfficientNetModel#TOP1} for the top-1 class) at {@code layer}
     * (null for {@link Signatures#DEFAULT_CAM_LAYER}, the head's output before global average pooling) on one preprocessed image [H][W][3].
     */
    public final CamResult compute(CamSource source, float[][][] image, String layer, int classIndex) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(image, "image");
        String target = layer == null || layer.isBlank() ? Signatures.DEFAULT_CAM_LAYER : layer;
        CountingSource counted = new CountingSource(source);
        CamData in = counted.camData(image, target, classIndex);
        if (classIndex >= 0 && in.classIndex() != classIndex) {
            throw new IllegalStateException("source explained class " + in.classIndex() + ", asked for " + classIndex);
        }
        float[][] map = relu(signedMap(in, counted, image));
        return new CamResult(name, target, in.classIndex(), in.logits(), map, counted.images(), counted.calls());
    }

    /**
     * The map before ReLU, [h][w] at the layer's size. {@code source} and {@code image} are for methods that
     * perturb the input (Score-CAM); the others use only {@code in}.
     */
    protected abstract float[][] signedMap(CamData in, CamSource source, float[][][] image);

    static float[][] relu(float[][] m) {
        float[][] out = new float[m.length][m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                float v = m[i][j];
                out[i][j] = v > 0 ? v : 0; // NaN -> 0 as well
            }
        }
        return out;
    }
}
