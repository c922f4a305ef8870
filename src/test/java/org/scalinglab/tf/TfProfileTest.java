package org.scalinglab.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.cli.Cli;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;

/**
 * TensorFlow runs with the profile the process chose, whatever TF_ENABLE_ONEDNN_OPTS the environment holds (the
 * build sets it to the opposite of each test JVM's profile), and no graph asks for Conv2DBackpropInput, the oneDNN
 * kernel that returns wrong input gradients.
 */
class TfProfileTest {

    @Test
    void theRunningTensorFlowHasTheProfileOfThisProcess() {
        TfProfile wanted = TfProfile.fromSystemProperty();
        assertEquals(wanted, TfRuntime.profile());
        String environment = System.getenv("TF_ENABLE_ONEDNN_OPTS");
        assertEquals(wanted.oneDnn(), TfRuntime.oneDnnActive(),
                "oneDNN in force with the " + wanted.id() + " profile (TF_ENABLE_ONEDNN_OPTS was " + environment + " at start)");
        assertTrue(TfRuntime.describe().endsWith("oneDNN " + (wanted.oneDnn() ? "on" : "off") + " (" + wanted.id() + " profile)"),
                TfRuntime.describe());
    }

    @Test
    void trainingCommandsTrainWithOneDnnAndEverythingElseRunsWithout() {
        for (String c : List.of("train", "study", "grid-search", "sweep", "evaluate")) assertEquals(TfProfile.TRAINING, Cli.profileFor(c, "--help"), c);
        for (String c : List.of("predict", "cam", "metrics", "figure", "bench-model", "screenshot", "--version")) {
            assertEquals(TfProfile.INFERENCE, Cli.profileFor(c), c);
        }
        assertEquals(TfProfile.INFERENCE, Cli.profileFor());
    }

    /** The app as a user starts it, from a shell that asks for oneDNN: --version says it runs without. */
    @Test
    void aLaunchedAppOverridesTheEnvironment() throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "org.scalinglab.Main", "--version").redirectErrorStream(true);
        pb.environment().put("TF_ENABLE_ONEDNN_OPTS", "1");
        pb.environment().put("HOME", Files.createTempDirectory("home").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("oneDNN off (inference profile)"), out);
    }

    @Test
    void noExportedSignatureNeedsConv2DBackpropInput(@TempDir Path dir) throws IOException {
        NetworkSpec spec = TinyNetworks.tiny();
        SavedModelExporter.export(spec, TinyNetworks.weights(spec, 3, false), false, dir.resolve("m"));
        SavedModel model = SavedModel.parseFrom(Files.readAllBytes(dir.resolve("m").resolve("saved_model.pb")));
        Set<String> ops = new TreeSet<>();
        for (NodeDef n : model.getMetaGraphs(0).getGraphDef().getNodeList()) ops.add(n.getOp());
        assertTrue(ops.contains("MatMul") && ops.contains("DepthwiseConv2dNativeBackpropInput"), "the backward graph is there: " + ops);
        assertFalse(ops.contains("Conv2DBackpropInput"), "Conv2DBackpropInput in the exported graph");
    }

    @Test
    void theTrainingGraphsGradientsNeedNoConv2DBackpropInput() {
        TfRuntime.ensureLoaded();
        NetworkSpec spec = TinyNetworks.tiny();
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            GraphBuilder.EfficientNetGraph net = new GraphBuilder(tf, spec, new ConstantWeights(tf, TinyNetworks.weights(spec, 3, false)),
                    false, GraphBuilder.Mode.TRAINING).build();
            // every layer from the stem's output on (the gradient towards the pixels is never taken)
            List<Operand<?>> everything = new ArrayList<>();
            net.layers().forEach((name, op) -> {
                if (!Set.of("rescaling", "normalization", "rescaling_1").contains(name)) everything.add(op);
            });
            tf.gradients(tf.reduceSum(net.logits(), tf.constant(new int[] {0, 1})), everything);
            Set<String> ops = new TreeSet<>();
            g.operations().forEachRemaining(op -> ops.add(((GraphOperation) op).type()));
            assertTrue(ops.contains("FusedBatchNormGradV3"), "the backward graph is there: " + ops);
            assertFalse(ops.contains("Conv2DBackpropInput"), "Conv2DBackpropInput in the training graph's gradients");
        }
    }
}
