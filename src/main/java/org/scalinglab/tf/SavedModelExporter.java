package org.scalinglab.tf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scalinglab.arch.NetworkSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;

/**
 * Writes the inference SavedModel of a network: the graph, its weights as variables (in the SavedModel's checkpoint,
 * see {@link VariableWeights}), a serving signature and
 * one CAM signature per CAM layer ({@link NetworkSpec#camLayers()}). A CAM signature returns the logits, the class it
 * explains, the layer's activations and their gradients in one run; given an all-zero target row it explains the
 * top-1 class (see {@link Signatures#TARGET}), so the default case needs no separate forward pass. All CAM signatures share one backward pass
 * (one gradients call over every CAM layer), so the file holds one backward graph, and running a signature only
 * computes the part of it down to its layer.
 */
public final class SavedModelExporter {
    private SavedModelExporter() {
    }

    public static void export(NetworkSpec spec, KerasWeights weights, boolean imagenetRescale, Path dir) throws IOException {
        TfRuntime.ensureLoaded();
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            VariableWeights variables = new VariableWeights(tf, weights);
            GraphBuilder.EfficientNetGraph net = new GraphBuilder(tf, spec, variables, imagenetRescale,
                    GraphBuilder.Mode.INFERENCE).build();
            Operand<TFloat32> logits = tf.withName(Signatures.LOGITS).identity(net.logits());
            List<Signature> signatures = new ArrayList<>();
            signatures.add(Signature.builder(Signatures.SERVING).input(Signatures.IMAGE, net.image())
                    .output(Signatures.LOGITS, logits).output(Signatures.PROBABILITIES, net.probabilities()).build());

            Placeholder<TFloat32> target = tf.withName(Signatures.TARGET).placeholder(TFloat32.class,
                    Placeholder.shape(org.tensorflow.ndarray.Shape.of(-1, spec.classes())));
            Operand<TFloat32> used = targetOrTop1(tf, target, logits, spec.classes());
            Operand<TFloat32> chosen = tf.withName("target_class").dtypes.cast(tf.math.argMax(used, tf.constant(1)), TFloat32.class);
            Operand<TFloat32> score = tf.withName("target_score").reduceSum(tf.math.mul(logits, used), tf.constant(new int[] {0, 1}));
            List<String> camLayers = spec.camLayers();
            List<Operand<TFloat32>> activations = new ArrayList<>();
            for (String layer : camLayers) activations.add(net.layer(layer));
            Gradients gradients = tf.withSubScope("gradcam").gradients(score, activations);
            for (int i = 0; i < camLayers.size(); i++) {
                String layer = camLayers.get(i);
                Operand<TFloat32> gradient = gradients.<TFloat32>dy(i);
                Signature.Builder cam = Signature.builder(Signatures.gradcam(layer)).input(Signatures.IMAGE, net.image())
                        .input(Signatures.TARGET, target).output(Signatures.LOGITS, logits).output(Signatures.CLASS, chosen)
                        .output(Signatures.ACTIVATIONS, activations.get(i))
                        .output(Signatures.GRADIENTS, tf.withName("gradient_" + layer).identity(gradient));
                signatures.add(cam.build());
                if (layer.equals(Signatures.DEFAULT_CAM_LAYER)) {
                    signatures.add(Signature.builder(Signatures.GRADCAM).input(Signatures.IMAGE, net.image())
                            .input(Signatures.TARGET, target).output(Signatures.LOGITS, logits).output(Signatures.CLASS, chosen)
                            .output(Signatures.ACTIVATIONS, activations.get(i))
                            .output(Signatures.GRADIENTS, tf.withName("gradient").identity(gradient)).build());
                }
            }
            try (Session session = new Session(graph)) {
                variables.assign(session);
                SavedModelBundle.exporter(dir.toString()).withSession(session)
                        .withSignatures(signatures.toArray(new Signature[0])).export();
            }
        }
    }

    /**
     * The target rows with every all-zero row replaced by the one-hot of that image's argmax logit (the first on
     * ties), outside the gradient: the choice of class is not differentiated, only the chosen logit.
     */
    static Operand<TFloat32> targetOrTop1(Ops tf, Operand<TFloat32> target, Operand<TFloat32> logits, int classes) {
        Operand<TFloat32> rowMass = tf.reduceSum(tf.math.abs(target), tf.constant(1), ReduceSum.keepDims(true));
        Operand<TFloat32> unset = tf.dtypes.cast(tf.math.equal(rowMass, tf.constant(0f)), TFloat32.class);
        Operand<TFloat32> top1 = tf.oneHot(tf.math.argMax(logits, tf.constant(1)), tf.constant(classes), tf.constant(1f), tf.constant(0f));
        return tf.withName("target_used").stopGradient(tf.math.add(target, tf.math.mul(unset, top1)));
    }
}
