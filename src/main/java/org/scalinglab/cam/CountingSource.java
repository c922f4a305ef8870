package org.scalinglab.cam;

import org.scalinglab.tf.CamData;

/** Counts the images and the model calls that pass through a source, so results can state their cost. */
final class CountingSource implements CamSource {
    private final CamSource inner;
    private int images;
    private int calls;

    CountingSource(CamSource inner) {
        this.inner = inner;
    }

    @Override
    public CamData camData(float[][][] image, String layer, int classIndex) {
        images++;
        calls++;
        return inner.camData(image, layer, classIndex);
    }

    @Override
    public float[][] probabilities(float[][][][] batch) {
        images += batch.length;
        calls++;
        float[][] p = inner.probabilities(batch);
        if (p.length != batch.length) {
            throw new IllegalStateException("model returned " + p.length + " rows for a batch of " + batch.length);
        }
        return p;
    }

    int images() {
        return images;
    }

    int calls() {
        return calls;
    }
}
