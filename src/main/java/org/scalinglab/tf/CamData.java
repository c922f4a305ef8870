package org.scalinglab.tf;

/**
 * What a CAM method needs for one image: the logits, one layer's activations and the gradient of one class's
 * pre-softmax logit with respect to them, both [h][w][c] (NHWC without the batch).
 */
public record CamData(float[] logits, float[][][] activations, float[][][] gradients, String layer, int classIndex) {
}
