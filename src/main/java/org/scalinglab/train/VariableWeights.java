package org.scalinglab.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.arch.WeightLayout;
import org.scalinglab.tf.KerasWeights;
import org.scalinglab.tf.WeightSource;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Weights as TensorFlow variables initialised from {@link KerasWeights}, for a training graph. The input
 * Normalization statistics stay constants (Keras never trains them).
 */
final class VariableWeights implements WeightSource {
    private final KerasWeights initial;
    private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
    private final Map<String, Operand<TFloat32>> reads = new LinkedHashMap<>();
    private final Map<String, Boolean> trainable = new LinkedHashMap<>();

    VariableWeights(NetworkSpec spec, KerasWeights initial) {
        this.initial = initial;
        for (WeightLayout.Weight w : WeightLayout.of(spec, true).weights()) trainable.put(key(w.layer(), w.name()), w.trainable());
    }

    static String key(String layer, String name) {
        return layer + "/" + name;
    }

    @Override
    public Operand<TFloat32> weight(Ops tf, String layer, String name, long[] shape) {
        float[] values = initial.get(layer, name);
        Ops scoped = tf.withSubScope("weights").withSubScope(layer).withName(name);
        if (layer.equals("normalization")) return scoped.constant(Shape.of(shape), DataBuffers.of(values, true, false));
        String key = key(layer, name);
        Operand<TFloat32> read = reads.get(key);
        if (read == null) {
            Operand<TFloat32> init = tf.withSubScope("init").withSubScope(layer).withName(name)
                    .constant(Shape.of(shape), DataBuffers.of(values, true, false));
            Variable<TFloat32> v = scoped.variable(init);
            variables.put(key, v);
            // the graph uses a plain (non-reference) read of the variable: TensorFlow's C++ gradients of some ops
            // (Square, for the weight decay) crash on reference inputs, so gradients are taken w.r.t. this read
            read = tf.withSubScope("read").withSubScope(layer).withName(name).identity(v);
            reads.put(key, read);
        }
        return read;
    }

    /** The read of each variable, the tensor gradients are taken against. */
    Operand<TFloat32> read(String key) {
        return reads.get(key);
    }

    /** Every variable by "layer/name", in Keras order. */
    Map<String, Variable<TFloat32>> variables() {
        return variables;
    }

    boolean isTrainable(String key) {
        return trainable.getOrDefault(key, false);
    }
}
