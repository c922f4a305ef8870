package org.scalinglab.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.arch.WeightLayout;
import org.scalinglab.tf.GraphBuilder;
import org.scalinglab.tf.KerasWeights;
import org.scalinglab.tf.TfRuntime;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.ApplyMomentum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The EfficientNet training graph of one network, in its own TensorFlow session: forward in training mode,
 * softmax cross-entropy with label smoothing plus L2 on the kernels, gradients, Nesterov momentum updates and the
 * BatchNorm moving-average updates, all in one step op. Weights and the optimizer's momentum slots can be read
 * out (for checkpoints) and are restored by building a new graph from them.
 */
final class TrainingGraph implements AutoCloseable {

    /**
     * What one step returns: the mean loss (cross-entropy + L2), the correct top-1 count of the batch and the global
     * norm of the gradients before clipping.
     */
    record StepResult(double loss, int correct, double gradientNorm) {
    }

    private final NetworkSpec spec;
    private final Graph graph;
    private final Session session;
    private final Placeholder<TFloat32> image;
    private final Placeholder<TInt32> labels;
    private final Placeholder<TFloat32> learningRate;
    private final Placeholder<TInt64> noiseSeed;
    private final long seed;
    private final Operand<TFloat32> loss;
    private final Operand<TFloat32> logits;
    private final Op step;
    private final Operand<TFloat32> gradientNorm;
    private final TrainableWeights weights;
    private final Map<String, Variable<TFloat32>> slots = new LinkedHashMap<>();
    /** The gradient of the loss for each trainable weight, by "layer/name" */
    private final Map<String, Output<?>> gradients = new LinkedHashMap<>();
    private final float[] normalizationMean;
    private final float[] normalizationVariance;

    /**
     * @param momentumSlots the optimizer state of a checkpoint ("layer/name" -> values), or empty to start at zero
     */
    TrainingGraph(NetworkSpec spec, KerasWeights initial, Map<String, float[]> momentumSlots, TrainingConfig config) {
        TfRuntime.ensureLoaded();
        this.spec = spec;
        this.seed = config.seed();
        this.normalizationMean = initial.get("normalization", "mean");
        this.normalizationVariance = initial.get("normalization", "variance");
        this.graph = new Graph();
        try {
            Ops tf = Ops.create(graph);
            weights = new TrainableWeights(tf, spec, initial);
            GraphBuilder.EfficientNetGraph net = new GraphBuilder(tf, spec, weights, false, GraphBuilder.Mode.TRAINING).build();
            // training-mode BatchNorm does not read its moving statistics; create them for the moving-average updates
            for (String layer : net.batchStatistics().keySet()) {
                long[] shape = {initial.get(layer, "moving_mean").length};
                weights.weight(layer, "moving_mean", shape);
                weights.weight(layer, "moving_variance", shape);
            }
            image = net.image();
            noiseSeed = net.noiseSeed();
            logits = net.logits();
            labels = tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
            learningRate = tf.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));

            int k = spec.classes();
            float off = (float) (config.labelSmoothing() / k);
            float on = (float) (1 - config.labelSmoothing()) + off;
            Operand<TFloat32> target = tf.oneHot(labels, tf.constant(k), tf.constant(on), tf.constant(off));
            Operand<TFloat32> crossEntropy = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, target).loss(), tf.constant(0));

            List<String> trainableKeys = new ArrayList<>();
            List<Variable<TFloat32>> trainable = new ArrayList<>();
            List<Operand<TFloat32>> trainableReads = new ArrayList<>();
            Operand<TFloat32> l2 = tf.constant(0f);
            for (Map.Entry<String, Variable<TFloat32>> e : weights.variables().entrySet()) {
                if (!weights.isTrainable(e.getKey())) continue;
                trainableKeys.add(e.getKey());
                trainable.add(e.getValue());
                Operand<TFloat32> read = weights.read(e.getKey());
                trainableReads.add(read);
                if (e.getKey().endsWith("/kernel") || e.getKey().endsWith("/depthwise_kernel")) {
                    l2 = tf.math.add(l2, tf.reduceSum(tf.math.square(read), tf.constant(allAxes(read))));
                }
            }
            loss = tf.withName("loss").math.add(crossEntropy, tf.math.mul(tf.constant((float) config.weightDecay()), l2));

            Output<?>[] grads = graph.addGradients(loss.asOutput(), trainableReads.stream().map(Operand::asOutput).toArray(Output[]::new));
            for (int i = 0; i < grads.length; i++) gradients.put(trainableKeys.get(i), grads[i]);
            // global norm over all gradients; with clipping on, every gradient is scaled by min(1, clip / norm)
            Operand<TFloat32> squares = tf.constant(0f);
            for (Output<?> g : grads) {
                @SuppressWarnings("unchecked")
                Operand<TFloat32> gf = (Operand<TFloat32>) g;
                squares = tf.math.add(squares, tf.reduceSum(tf.math.square(gf), tf.constant(allAxes(gf))));
            }
            gradientNorm = tf.withName("gradient_norm").math.sqrt(squares);
            // Every update waits for all the gradients (TF1's GATE_GRAPH): a variable's read shares its buffer, so an
            // update that ran before another layer's gradient was taken would change the weights that gradient uses.
            // The scale depends on the global norm, so multiplying by it is the gate.
            Operand<TFloat32> scale = config.gradientClipNorm() > 0
                    ? tf.math.div(tf.constant((float) config.gradientClipNorm()), tf.math.maximum(gradientNorm, tf.constant((float) config.gradientClipNorm())))
                    : tf.withControlDependencies(List.of(gradientNorm)).constant(1f);
            List<Op> updates = new ArrayList<>();
            Operand<TFloat32> mu = tf.constant((float) config.momentum());
            for (int i = 0; i < trainable.size(); i++) {
                String key = trainableKeys.get(i);
                Variable<TFloat32> v = trainable.get(i);
                float[] slotInit = momentumSlots.getOrDefault(key, new float[(int) v.shape().size()]);
                Variable<TFloat32> slot = tf.withSubScope("momentum").withName(key.replace('/', '_'))
                        .variable(tf.constant(v.shape(), DataBuffers.of(slotInit, true, false)));
                slots.put(key, slot);
                @SuppressWarnings("unchecked")
                Operand<TFloat32> g = (Operand<TFloat32>) grads[i];
                g = tf.math.mul(g, scale);
                updates.add(tf.train.applyMomentum(v, slot, learningRate, g, mu, ApplyMomentum.useNesterov(true)));
            }
            Operand<TFloat32> keep = tf.constant((float) config.batchNormMomentum());
            Operand<TFloat32> blend = tf.constant((float) (1 - config.batchNormMomentum()));
            for (Map.Entry<String, GraphBuilder.BatchStatistics> e : net.batchStatistics().entrySet()) {
                Variable<TFloat32> mean = weights.variables().get(TrainableWeights.key(e.getKey(), "moving_mean"));
                Variable<TFloat32> var = weights.variables().get(TrainableWeights.key(e.getKey(), "moving_variance"));
                updates.add(tf.assign(mean, tf.math.add(tf.math.mul(mean, keep), tf.math.mul(e.getValue().mean(), blend))));
                updates.add(tf.assign(var, tf.math.add(tf.math.mul(var, keep), tf.math.mul(e.getValue().variance(), blend))));
            }
            step = tf.withName("train_step").withControlDependencies(updates).noOp();
            session = new Session(graph);
            session.initialize();
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    private static int[] allAxes(Operand<?> v) {
        int[] axes = new int[v.shape().numDimensions()];
        for (int i = 0; i < axes.length; i++) axes[i] = i;
        return axes;
    }

    /** One optimizer step; {@code stepNumber} (the global step) picks the dropout and drop-connect masks. */
    StepResult step(BatchLoader.Batch batch, double lr, long stepNumber) {
        int n = batch.count();
        try (TFloat32 x = TFloat32.tensorOf(Shape.of(n, batch.size(), batch.size(), 3), DataBuffers.of(batch.pixels(), true, false));
             TInt32 y = TInt32.vectorOf(batch.labels());
             TFloat32 rate = TFloat32.scalarOf((float) lr);
             TInt64 noise = TInt64.vectorOf(seed, stepNumber);
             Result r = session.runner().feed(image, x).feed(labels, y).feed(learningRate, rate).feed(noiseSeed, noise)
                     .addTarget(step).fetch(loss).fetch(logits).fetch(gradientNorm).run()) {
            double lossValue = ((TFloat32) r.get(0)).getFloat();
            TFloat32 out = (TFloat32) r.get(1);
            int correct = 0;
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int c = 1; c < spec.classes(); c++) if (out.getFloat(i, c) > out.getFloat(i, best)) best = c;
                if (best == batch.labels()[i]) correct++;
            }
            return new StepResult(lossValue, correct, ((TFloat32) r.get(2)).getFloat());
        }
    }

    /**
     * The loss of a batch and its gradient for every trainable weight ("layer/name" -> values, the loss under the
     * key "loss"), at the current weights and without a step: what {@link #step} would apply, for checking.
     */
    Map<String, float[]> lossAndGradients(BatchLoader.Batch batch, long stepNumber) {
        int n = batch.count();
        List<String> keys = new ArrayList<>(gradients.keySet());
        try (TFloat32 x = TFloat32.tensorOf(Shape.of(n, batch.size(), batch.size(), 3), DataBuffers.of(batch.pixels(), true, false));
             TInt32 y = TInt32.vectorOf(batch.labels());
             TInt64 noise = TInt64.vectorOf(seed, stepNumber)) {
            Session.Runner runner = session.runner().feed(image, x).feed(labels, y).feed(noiseSeed, noise).fetch(loss);
            for (String k : keys) runner.fetch(gradients.get(k));
            try (Result r = runner.run()) {
                Map<String, float[]> out = new LinkedHashMap<>();
                out.put("loss", new float[] {((TFloat32) r.get(0)).getFloat()});
                for (int i = 0; i < keys.size(); i++) {
                    TFloat32 t = (TFloat32) r.get(i + 1);
                    float[] v = new float[(int) t.shape().size()];
                    t.asRawTensor().data().asFloats().read(v);
                    out.put(keys.get(i), v);
                }
                return out;
            }
        }
    }

    /** The current weights (BatchNorm moving statistics included) in Keras layout. */
    KerasWeights weights() {
        Map<String, Map<String, float[]>> out = new LinkedHashMap<>();
        out.computeIfAbsent("normalization", l -> new LinkedHashMap<>()).put("mean", normalizationMean);
        out.get("normalization").put("variance", normalizationVariance);
        out.get("normalization").put("count", new float[] {1f});
        Map<String, float[]> values = fetch(weights.variables());
        for (WeightLayout.Weight w : WeightLayout.of(spec, true).weights()) {
            float[] v = values.get(TrainableWeights.key(w.layer(), w.name()));
            if (v != null) out.computeIfAbsent(w.layer(), l -> new LinkedHashMap<>()).put(w.name(), v);
        }
        return new KerasWeights(out, false);
    }

    /** The Nesterov momentum slots by "layer/name". */
    Map<String, float[]> momentumSlots() {
        return fetch(slots);
    }

    private Map<String, float[]> fetch(Map<String, Variable<TFloat32>> vars) {
        Map<String, float[]> out = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(vars.keySet());
        Session.Runner runner = session.runner();
        for (String k : keys) runner.fetch(vars.get(k));
        try (Result r = runner.run()) {
            for (int i = 0; i < keys.size(); i++) {
                TFloat32 t = (TFloat32) r.get(i);
                float[] v = new float[(int) t.shape().size()];
                t.asRawTensor().data().asFloats().read(v);
                out.put(keys.get(i), v);
            }
        }
        return out;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
