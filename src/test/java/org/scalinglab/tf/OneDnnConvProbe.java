package org.scalinglab.tf;

import java.util.List;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Not a test: the smallest graph that shows TensorFlow's oneDNN fault (README, Limits). A 1x1 Conv2D, stride 1, NHWC,
 * batch 2 at 7x7 with 48 outputs; the gradient of sum(w * y) with respect to the input, against a plain double loop,
 * for every input-channel count that is a multiple of 8 up to 384. Run it with oneDNN (the training profile) and
 * without (after {@code ./mvnw test-compile}):
 *
 * <pre>
 * CP="target/classes:target/test-classes:$(ls target/lib/*.jar | tr '\n' ':')target/natives"
 * java -cp "$CP" -Dscalinglab.tensorflow.profile=training org.scalinglab.tf.OneDnnConvProbe
 * java -cp "$CP" org.scalinglab.tf.OneDnnConvProbe
 * </pre>
 */
public final class OneDnnConvProbe {
    private OneDnnConvProbe() {
    }

    public static void main(String[] args) {
        TfRuntime.ensureLoaded();
        System.out.println(TfRuntime.describe());
        StringBuilder wrong = new StringBuilder();
        for (int c = 8; c <= 384; c += 8) {
            double error = inputGradientError(2, 7, c, 48);
            if (error > 1e-4) wrong.append(String.format(" %d (%.2f)", c, error));
        }
        System.out.println("input channels with a wrong input gradient (relative error):" + (wrong.length() == 0 ? " none" : wrong));
    }

    /** max |TensorFlow - reference| / max |reference| of d sum(w * conv(x)) / dx. */
    static double inputGradientError(int n, int side, int in, int out) {
        Random r = new Random(1);
        float[] x = new float[n * side * side * in];
        float[] k = new float[in * out];
        float[] w = new float[n * side * side * out];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        for (int i = 0; i < k.length; i++) k[i] = (float) r.nextGaussian();
        for (int i = 0; i < w.length; i++) w[i] = (float) r.nextGaussian();
        float[] got = new float[x.length];
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            var xp = tf.placeholder(TFloat32.class);
            Operand<TFloat32> y = tf.nn.conv2d(xp, tf.constant(Shape.of(1, 1, in, out), DataBuffers.of(k, true, false)),
                    List.of(1L, 1L, 1L, 1L), "SAME");
            Operand<TFloat32> loss = tf.reduceSum(tf.math.mul(y, tf.constant(Shape.of(n, side, side, out), DataBuffers.of(w, true, false))),
                    tf.constant(new int[] {0, 1, 2, 3}));
            Operand<?> dx = tf.gradients(loss, List.of(xp)).dy(0);
            try (Session s = new Session(g); TFloat32 input = TFloat32.tensorOf(Shape.of(n, side, side, in), DataBuffers.of(x, true, false));
                 Result res = s.runner().feed(xp, input).fetch(dx).run()) {
                ((TFloat32) res.get(0)).copyTo(DataBuffers.of(got, false, false));
            }
        }
        double maxDiff = 0, maxRef = 0;
        for (int p = 0; p < n * side * side; p++) {
            for (int c = 0; c < in; c++) {
                double ref = 0;
                for (int o = 0; o < out; o++) ref += (double) w[p * out + o] * k[c * out + o];
                maxDiff = Math.max(maxDiff, Math.abs(got[p * in + c] - ref));
                maxRef = Math.max(maxRef, Math.abs(ref));
            }
        }
        return maxDiff / maxRef;
    }
}
