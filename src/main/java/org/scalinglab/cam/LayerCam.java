package org.scalinglab.cam;

import org.scalinglab.tf.CamData;

/** LayerCAM (Jiang et al., 2021): element-wise, map_ij = sum_k relu(g_ijk) A_ijk. */
public final class LayerCam extends CamMethod {

    public LayerCam() {
        super("layercam", "LayerCAM", true);
    }

    @Override
    protected float[][] signedMap(CamData in, CamSource source, float[][][] image) {
        float[][][] g = in.requireGradients("LayerCAM");
        float[][][] a = in.activations();
        float[][] out = new float[in.height()][in.width()];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[0].length; j++) {
                double s = 0;
                for (int k = 0; k < in.channels(); k++) {
                    float gk = g[i][j][k];
                    if (gk > 0) {
                        s += (double) gk * a[i][j][k];
                    }
                }
                out[i][j] = (float) s;
            }
        }
        return out;
    }
}
