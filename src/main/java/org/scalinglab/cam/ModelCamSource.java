package org.scalinglab.cam;

import org.scalinglab.tf.CamData;
import org.scalinglab.tf.EfficientNetModel;

/** A loaded EfficientNet as the CAM methods see it. */
public final class ModelCamSource implements CamSource {
    private final EfficientNetModel model;

    public ModelCamSource(EfficientNetModel model) {
        this.model = model;
    }

    @Override
    public CamData camData(float[][][] image, String layer, int classIndex) {
        // one run either way: for TOP1 the graph picks the class from the logits it returns
        return model.camData(image, layer, classIndex);
    }

    @Override
    public float[][] probabilities(float[][][][] batch) {
        return model.probabilities(batch);
    }
}
