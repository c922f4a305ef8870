package org.scalinglab.train;

import java.util.List;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.tf.ConstantWeights;
import org.scalinglab.tf.GraphBuilder;
import org.scalinglab.tf.KerasWeights;
import org.scalinglab.tf.TfRuntime;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Top-1 and top-5 accuracy of weights on labelled images, with an inference graph in its own session. */
final class Evaluator {

    record Accuracy(double top1, double top5, int images) {
    }

    private Evaluator() {
    }

    static Accuracy evaluate(NetworkSpec spec, KerasWeights weights, List<ImageFolder.Item> items, BatchLoader loader) {
        TfRuntime.ensureLoaded();
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            GraphBuilder.EfficientNetGraph net = new GraphBuilder(tf, spec, new ConstantWeights(tf, weights),
                    weights.imagenetStatistics(), GraphBuilder.Mode.INFERENCE).build();
            int top1 = 0;
            int top5 = 0;
            int n = 0;
            try (Session session = new Session(graph)) {
                for (BatchLoader.Batch b : loader.epoch(items, false, 0, 0)) {
                    if (b.count() == 0) continue;
                    try (TFloat32 x = TFloat32.tensorOf(Shape.of(b.count(), b.size(), b.size(), 3), DataBuffers.of(b.pixels(), true, false));
                         Result r = session.runner().feed(net.image(), x).fetch(net.logits()).run()) {
                        TFloat32 logits = (TFloat32) r.get(0);
                        for (int i = 0; i < b.count(); i++) {
                            float truth = logits.getFloat(i, b.labels()[i]);
                            int above = 0;
                            for (int c = 0; c < spec.classes(); c++) if (logits.getFloat(i, c) > truth) above++;
                            if (above == 0) top1++;
                            if (above < 5) top5++;
                            n++;
                        }
                    }
                }
            }
            return new Accuracy(n == 0 ? Double.NaN : top1 / (double) n, n == 0 ? Double.NaN : top5 / (double) n, n);
        }
    }
}
