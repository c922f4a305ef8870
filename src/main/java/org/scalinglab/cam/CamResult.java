package org.scalinglab.cam;

/**
 * One class activation map.
 *
 * @param method        the method's CLI name (gradcam, scorecam, ...)
 * @param layer         the target layer
 * @param classIndex    the class explained
 * @param logits        the image's logits from the CAM pass
 * @param map           [h][w] at the layer's own size, after ReLU, before upsampling and normalisation
 *                      (what {@code cam --raw} prints)
 * @param forwardImages images run through the model, the CAM pass included (Score-CAM: 1 + channels)
 * @param modelCalls    model invocations (batches), the CAM pass included
 */
public record CamResult(String method, String layer, int classIndex, float[] logits, float[][] map,
                        int forwardImages, int modelCalls) {

    public int height() {
        return map.length;
    }

    public int width() {
        return map[0].length;
    }
}
