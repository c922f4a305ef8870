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
    public CamInputs camInputs(float[][][] image, String layer, int classIndex) {
        int target = classIndex == TOP1 ? CamSource.argmax(model.logits(new float[][][][] {image})[0]) : classIndex;
        CamData d = model.camData(image, layer, target);
        return new CamInputs(d.logits(), d.activations(), d.gradients(), d.classIndex());
    }

    @Override
    public float[][] probabilities(float[][][][] batch) {
        return model.probabilities(batch);
    }
}
