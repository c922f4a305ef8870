package org.scalinglab.tf;

/**
 * What a CAM method needs for one image, from one forward and backward pass, in the model's NHWC layout.
 *
 * @param logits      the image's pre-softmax class scores
 * @param activations the layer's output, [h][w][c]
 * @param gradients   d(logit of {@code classIndex}) / d(activations), [h][w][c]; null where a method needs none
 *                    (CAM, Score-CAM, Eigen-CAM)
 * @param layer       the layer
 * @param classIndex  the class the gradients belong to (never {@link EfficientNetModel#TOP1})
 */
public record CamData(float[] logits, float[][][] activations, float[][][] gradients, String layer, int classIndex) {

    public CamData {
        if (activations == null || activations.length == 0 || activations[0].length == 0 || activations[0][0].length == 0) {
            throw new IllegalArgumentException("activations must be a non-empty [h][w][c] array");
        }
        if (classIndex < 0) {
            throw new IllegalArgumentException("class index must be resolved (>= 0), got " + classIndex);
        }
        if (gradients != null && (gradients.length != activations.length || gradients[0].length != activations[0].length
                || gradients[0][0].length != activations[0][0].length)) {
            throw new IllegalArgumentException("gradients " + shape(gradients) + " do not match activations " + shape(activations));
        }
    }

    public int height() {
        return activations.length;
    }

    public int width() {
        return activations[0].length;
    }

    public int channels() {
        return activations[0][0].length;
    }

    /** The gradients, or an exception naming the method that needs them. */
    public float[][][] requireGradients(String method) {
        if (gradients == null) throw new IllegalArgumentException(method + " needs the gradients of the target layer");
        return gradients;
    }

    private static String shape(float[][][] a) {
        return "[" + a.length + "][" + a[0].length + "][" + a[0][0].length + "]";
    }
}
