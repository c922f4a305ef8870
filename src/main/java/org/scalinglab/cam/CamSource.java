package org.scalinglab.cam;

import org.scalinglab.tf.CamData;

/**
 * The model as CAM methods and faithfulness metrics see it. Images are [H][W][3] pixels 0..255, the
 * preprocessed crop the model takes; the model does its own normalisation.
 */
public interface CamSource {

    /**
     * One forward and backward pass: logits, the named layer's activations and the gradients of the
     * class's pre-softmax logit with respect to them. {@code classIndex} may be {@link EfficientNetModel#TOP1}; the returned
     * inputs then carry the class actually used.
     */
    CamData camData(float[][][] image, String layer, int classIndex);

    /** Softmax probabilities for a batch [N][H][W][3], one row per image. */
    float[][] probabilities(float[][][][] batch);

    /** The index of the largest value (the first one on ties). */
    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
