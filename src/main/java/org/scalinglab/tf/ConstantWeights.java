package org.scalinglab.tf;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Weights baked into the graph as constants named {@code weights/<layer>.<name>}: what an inference SavedModel needs.
 * One "weights" scope for all of them: TensorFlow Java scans the whole graph for each new scope, and renames an op
 * whose name is already used as a scope, so per-layer scopes would be both slow and a clash with the Keras names.
 */
public final class ConstantWeights implements WeightSource {
    private final Ops scope;
    private final KerasWeights weights;

    public ConstantWeights(Ops tf, KerasWeights weights) {
        this.scope = tf.withSubScope("weights");
        this.weights = weights;
    }

    @Override
    public Operand<TFloat32> weight(String layer, String name, long[] shape) {
        float[] values = weights.get(layer, name, shape);
        Shape s = Shape.of(shape);
        return scope.withName(layer + "." + name).constant(s, DataBuffers.of(values, true, false));
    }
}
