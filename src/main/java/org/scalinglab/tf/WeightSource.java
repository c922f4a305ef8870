package org.scalinglab.tf;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Where the graph builder gets each Keras weight from. Inference bakes the values in as constants
 * ({@link ConstantWeights}); a training graph would hand out variables here instead (and keep the
 * BatchNorm moving statistics as variables that the training ops update).
 */
public interface WeightSource {

    /**
     * The tensor of one weight in its Keras shape (kernels HWIO, depthwise (kh, kw, C, 1), dense (in, out)).
     *
     * @param layer Keras layer name, e.g. "block2a_expand_conv"
     * @param name  Keras weight name, e.g. "kernel", "gamma", "moving_mean"
     */
    Operand<TFloat32> weight(String layer, String name, long[] shape);
}
