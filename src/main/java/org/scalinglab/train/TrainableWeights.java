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
 * Weights as TensorFlow variables initialised from {@link KerasWeights}, for a training graph, named
 * {@code train/<layer>.<name>} under one scope (TensorFlow Java rescans the graph for every new scope). The graph
 * uses a plain read of each variable and gradients are taken with respect to that read: TensorFlow's C++ gradients
 * of some ops (Square, for the weight decay) crash on reference-typed inputs. The input Normalization statistics
 * stay constants: Keras never trains them.
 */
final class TrainableWeights implements WeightSource {
    private final Ops scope;
    private final KerasWeights initial;
    private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
    private final Map<String, Operand<TFloat32>> reads = new LinkedHashMap<>();
    private final Map<String, Boolean> trainable = new LinkedHashMap<>();

    TrainableWeights(Ops tf, NetworkSpec spec, KerasWeights initial) {
        this.scope = tf.withSubScope("train");
        this.initial = initial;
        for (WeightLayout.Weight w : WeightLayout.of(spec, true).weights()) trainable.put(key(w.layer(), w.name()), w.trainable());
    }

    static String key(String layer, String name) {
        return layer + "/" + name;
    }

    @Override
    public Operand<TFloat32> weight(String layer, String name, long[] shape) {
        float[] values = initial.get(layer, name, shape);
        String id = layer + "." + name;
        if (layer.equals("normalization")) return scope.withName(id).constant(Shape.of(shape), DataBuffers.of(values, true, false));
        String key = key(layer, name);
        Operand<TFloat32> read = reads.get(key);
        if (read == null) {
            Operand<TFloat32> init = scope.withName(id + ".init").constant(Shape.of(shape), DataBuffers.of(values, true, false));
            Variable<TFloat32> v = scope.withName(id).variable(init);
            variables.put(key, v);
            read = scope.withName(id + ".read").identity(v);
            reads.put(key, read);
        }
        return read;
    }

    /** The read of a variable: what gradients are taken against. */
    Operand<TFloat32> read(String key) {
        return reads.get(key);
    }

    /** Every variable by "layer/name", in the order the graph asked for them. */
    Map<String, Variable<TFloat32>> variables() {
        return variables;
    }

    boolean isTrainable(String key) {
        return trainable.getOrDefault(key, false);
    }
}
