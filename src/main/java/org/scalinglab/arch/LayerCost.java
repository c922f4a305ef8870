package org.scalinglab.arch;

/**
 * One Keras layer of a network with what it costs at batch 1.
 *
 * @param stage      paper Table 1 stage (1 = stem incl. input normalisation, 2..8 = MBConv stages, 9 = head)
 * @param params     all weights, as Keras count_params() counts them (BN moving statistics included)
 * @param trainable  the trainable ones (BN moving mean/variance and the Normalization statistics are not)
 * @param macs       multiply-adds of convolutions and dense layers (the paper's "FLOPs"); 0 for other layers
 * @param outputElements elements of the layer's output tensor (float32, batch 1)
 */
public record LayerCost(String name, String type, int stage, int outHeight, int outWidth, int outChannels,
                        long params, long trainable, long macs, long outputElements) {
}
