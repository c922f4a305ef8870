import ai.djl.engine.Engine;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Loads DJL's TensorFlow engine the way the app will and runs one op: proves the packaged natives load. */
public class TfProbe {
    public static void main(String[] a) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        Engine e = Engine.getEngine("TensorFlow");
        System.out.println("engine " + e.getEngineName() + " " + e.getVersion());
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            var y = tf.math.mul(tf.constant(new float[] {1f, 2f, 3f}), tf.constant(2f));
            try (TFloat32 t = (TFloat32) s.runner().fetch(y).run().get(0)) {
                System.out.println("2*[1,2,3] = " + t.getFloat(0) + "," + t.getFloat(1) + "," + t.getFloat(2));
            }
        }
    }
}
