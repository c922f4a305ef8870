package org.scalinglab.cam;

/**
 * CAM (Zhou et al., 2016) for a global-average-pool + dense head: a channel's weight is the dense kernel's
 * entry for that channel and the class. Only meaningful at the layer that feeds the pooling
 * ({@code top_activation}); needs no gradients.
 */
public final class ClassActivationMap extends ChannelWeightCam {
    private final float[][] denseKernel;

    /** @param denseKernel the classifier's kernel in Keras layout [in = channels][out = classes] */
    public ClassActivationMap(float[][] denseKernel) {
        super("cam");
        if (denseKernel == null || denseKernel.length == 0) {
            throw new IllegalArgumentException("CAM needs the dense layer's kernel [channels][classes]");
        }
        this.denseKernel = denseKernel;
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
    protected float[] channelWeights(CamInputs in, CamSource source, float[][][] image) {
        if (denseKernel.length != in.channels()) {
            throw new IllegalArgumentException("CAM: the dense kernel has " + denseKernel.length + " inputs but layer has "
                    + in.channels() + " channels; CAM works only at the layer before global average pooling ("
                    + DEFAULT_LAYER + ")");
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
