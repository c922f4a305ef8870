package org.scalinglab.cam;

import java.util.Objects;

/**
 * The common path of every CAM method, in the style of pytorch-grad-cam's {@code BaseCAM}: capture the
 * target layer's activations and gradients for the class, let the method make its map, apply ReLU.
 * Scaling and upsampling are separate ({@link HeatmapScaling}, {@link Bilinear}) so several maps can share
 * one scale.
 */
public abstract class CamMethod {
    /** The default target layer: the head's output just before global average pooling. */
    public static final String DEFAULT_LAYER = "top_activation";

    private final String name;

    protected CamMethod(String name) {
        this.name = name;
    }

    /** The CLI name of the method. */
    public final String name() {
        return name;
    }

    /**
     * Explain {@code classIndex} ({@link CamSource#TOP1} for the top-1 class) at {@code layer}
     * (null for {@link #DEFAULT_LAYER}) on one preprocessed image [H][W][3].
     */
    public final CamResult compute(CamSource source, float[][][] image, String layer, int classIndex) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(image, "image");
        String target = layer == null || layer.isBlank() ? DEFAULT_LAYER : layer;
        CountingSource counted = new CountingSource(source);
        CamInputs in = counted.camInputs(image, target, classIndex);
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
    protected abstract float[][] signedMap(CamInputs in, CamSource source, float[][][] image);

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
