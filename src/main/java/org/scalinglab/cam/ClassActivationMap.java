package org.scalinglab.cam;

import java.util.function.Supplier;
import org.scalinglab.tf.CamData;
import org.scalinglab.tf.Signatures;

/**
 * CAM (Zhou et al., 2016) for a global-average-pool + dense head: a channel's weight is the dense kernel's
 * entry for that channel and the class. Only meaningful at the layer that feeds the pooling
 * ({@code top_activation}); needs no gradients.
 */
public final class ClassActivationMap extends ChannelWeightCam {
    private final Supplier<float[][]> kernel;

    /** @param denseKernel the classifier's kernel in Keras layout [in = channels][out = classes] */
    public ClassActivationMap(float[][] denseKernel) {
        this(() -> denseKernel);
    }

    /** @param denseKernel supplies the classifier's kernel when a map is made (null: a method only to describe) */
    public ClassActivationMap(Supplier<float[][]> denseKernel) {
        super("cam", "CAM", false);
        this.kernel = denseKernel;
    }

    /**
     * From a kernel stored row-major in Keras' (in, out) shape, as {@code KerasWeights.get("predictions", "kernel")}
     * returns it.
     */
    public static float[][] kernelFromRowMajor(float[] rowMajor, int channels) {
        if (channels <= 0 || rowMajor.length % channels != 0) {
            throw new IllegalArgumentException("a dense kernel of " + rowMajor.length + " values is not " + channels + " x classes");
        }
        int classes = rowMajor.length / channels;
        float[][] k = new float[channels][classes];
        for (int i = 0; i < channels; i++) {
            System.arraycopy(rowMajor, i * classes, k[i], 0, classes);
        }
        return k;
    }

    @Override
    protected float[] channelWeights(CamData in, CamSource source, float[][][] image) {
        float[][] denseKernel = kernel == null ? null : kernel.get();
        if (denseKernel == null || denseKernel.length == 0) {
            throw new IllegalArgumentException("CAM needs the dense layer's kernel [channels][classes]");
        }
        if (denseKernel.length != in.channels()) {
            throw new IllegalArgumentException("CAM: the dense kernel has " + denseKernel.length + " inputs but layer has "
                    + in.channels() + " channels; CAM works only at the layer before global average pooling ("
                    + Signatures.DEFAULT_CAM_LAYER + ")");
        }
        int cls = in.classIndex();
        if (cls >= denseKernel[0].length) {
            throw new IllegalArgumentException("CAM: class " + cls + " out of range (" + denseKernel[0].length + " classes)");
        }
        float[] w = new float[denseKernel.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = denseKernel[k][cls];
        }
        return w;
    }
}
