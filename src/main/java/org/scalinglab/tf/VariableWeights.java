package org.scalinglab.tf;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Weights as graph variables named {@code weights/<layer>.<name>}, filled from {@link KerasWeights} by
 * {@link #assign(Session)}. A SavedModel exported from such a session keeps the values in its variables checkpoint,
 * not in the graph: the graph stays small, and each session that loads it holds one copy of the weights (constants
 * would be copied by the graph import and again by TensorFlow's optimizer). A training graph can use the same
 * variables.
 *
 * <p>Each variable gets a placeholder and an assign op for loading its value; they stay in the graph, unused after.
 */
public final class VariableWeights implements WeightSource {
    private static final long BATCH_BYTES = 64L << 20;
    private record Slot(String layer, String name, Placeholder<TFloat32> value, Assign<TFloat32> assign) {
    }

    private final Ops scope;
    private final KerasWeights weights;
    private final List<Slot> slots = new ArrayList<>();

    public VariableWeights(Ops tf, KerasWeights weights) {
        this.scope = tf.withSubScope("weights");
        this.weights = weights;
    }

    @Override
    public Operand<TFloat32> weight(String layer, String name, long[] shape) {
        weights.get(layer, name, shape); // fails now, naming the weight, when it is missing or of another size
        Shape s = Shape.of(shape);
        String id = layer + "." + name;
        Variable<TFloat32> variable = scope.withName(id).variable(s, TFloat32.class);
        Placeholder<TFloat32> value = scope.withName(id + ".value").placeholder(TFloat32.class, Placeholder.shape(s));
        slots.add(new Slot(layer, name, value, scope.withName(id + ".assign").assign(variable, value)));
        return variable;
    }

    /**
     * Copies every weight into its variable in this session. Runs in batches of about 64 MB: each distinct run costs
     * TensorFlow a new executor, and each batch holds one extra copy of its values.
     */
    public void assign(Session session) {
        List<Tensor> batch = new ArrayList<>();
        Session.Runner runner = session.runner();
        long bytes = 0;
        try {
            for (Slot slot : slots) {
                float[] values = weights.get(slot.layer(), slot.name());
                TFloat32 t = TFloat32.tensorOf(slot.value().shape(), DataBuffers.of(values, true, false));
                batch.add(t);
                runner.feed(slot.value(), t).addTarget(slot.assign());
                bytes += 4L * values.length;
                if (bytes > BATCH_BYTES) {
                    runner.run();
                    batch.forEach(Tensor::close);
                    batch.clear();
                    runner = session.runner();
                    bytes = 0;
                }
            }
            if (!batch.isEmpty()) runner.run();
        } finally {
            batch.forEach(Tensor::close);
        }
    }
}
