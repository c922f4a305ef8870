package org.scalinglab.tf;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Weights baked into the graph as constants named {@code weights/<layer>/<name>}: what an inference SavedModel needs.
 * (Under a "weights" scope because TensorFlow Java renames an op whose name is already used as a scope.)
 */
public final class ConstantWeights implements WeightSource {
    private final KerasWeights weights;

    public ConstantWeights(KerasWeights weights) {
        this.weights = weights;
    }

    @Override
    public Operand<TFloat32> weight(Ops tf, String layer, String name, long[] shape) {
        float[] values = weights.get(layer, name);
        Shape s = Shape.of(shape);
        if (values.length != s.size()) {
            throw new IllegalArgumentException(layer + "/" + name + " has " + values.length + " values, expected " + s.size()
                    + " for shape " + s);
        }
        return tf.withSubScope("weights").withSubScope(layer).withName(name).constant(s, DataBuffers.of(values, true, false));
    }
}
