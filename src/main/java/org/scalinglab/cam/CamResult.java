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

    /** Softmax of {@link #logits}: the class probabilities of the same pass, with no second forward pass. */
    public float[] probabilities() {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) max = Math.max(max, v);
        double sum = 0;
        double[] e = new double[logits.length];
        for (int i = 0; i < e.length; i++) sum += e[i] = Math.exp(logits[i] - max);
        float[] p = new float[e.length];
        for (int i = 0; i < p.length; i++) p[i] = (float) (e[i] / sum);
        return p;
    }

    public int height() {
        return map.length;
    }

    public int width() {
        return map[0].length;
    }
}
