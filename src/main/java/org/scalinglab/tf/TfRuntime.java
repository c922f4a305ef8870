package org.scalinglab.tf;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_CloseSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteDeviceList;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteGraph;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteSessionOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListCount;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListMemoryBytes;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListName;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListType;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GetCode;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewGraph;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewSessionOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OK;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SessionListDevices;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetConfig;

import ai.djl.engine.Engine;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.LoggerFactory;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.internal.c_api.TF_DeviceList;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;

/**
 * Loads TensorFlow through DJL (so DJL's natives are the ones in use) with this process's {@link TfProfile}, and says
 * how TensorFlow is configured and which device it runs on.
 */
public final class TfRuntime {
    private static String device;
    private static TfProfile profile;
    private static Boolean oneDnnActive;
    private static boolean loaded;

    private TfRuntime() {
    }

    /**
     * Picks the profile of this process. Call before anything touches TensorFlow; a later call with another profile
     * is refused, since TensorFlow cannot switch once loaded.
     */
    public static synchronized void use(TfProfile p) {
        if (profile != null && profile != p && loaded) {
            throw new IllegalStateException("TensorFlow is already loaded with the " + profile.id() + " profile");
        }
        profile = p;
    }

    /** The profile in force (or the one that will be, once TensorFlow loads). */
    public static synchronized TfProfile profile() {
        if (profile == null) profile = TfProfile.fromSystemProperty();
        return profile;
    }

    /**
     * DJL must load the natives before any org.tensorflow class is used. Before that, sets the process environment
     * TensorFlow reads when it initialises: TF_ENABLE_ONEDNN_OPTS from the profile (whatever the user's environment
     * holds) and TF_CPP_MIN_LOG_LEVEL=1 (warnings and errors stay) unless the user set it; and where the natives are.
     */
    public static synchronized void ensureLoaded() {
        if (loaded) return;
        useNativesBesideTheApp();
        setenv("TF_ENABLE_ONEDNN_OPTS", profile().oneDnn() ? "1" : "0", true);
        if (System.getenv("TF_CPP_MIN_LOG_LEVEL") == null) setenv("TF_CPP_MIN_LOG_LEVEL", "1", false);
        long t0 = System.nanoTime();
        try {
            Engine.getEngine("TensorFlow");
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException(whyNotLoaded(ai.djl.util.Utils.getEnvOrSystemProperty(LIBRARY_PATH), e), e);
        }
        loaded = true;
        LoggerFactory.getLogger(TfRuntime.class).debug("TensorFlow loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * The build and the installers put TensorFlow's natives in natives/native/lib beside the app's jar (or classes
     * folder). Told where they are, DJL loads them in place; found on the class path instead, it would first copy all
     * 600 MB of them into ~/.djl.ai, and a folder on the class path keeps the JVM from sharing class data (AppCDS).
     * An explicit TENSORFLOW_LIBRARY_PATH (variable or property) wins.
     */
    static void useNativesBesideTheApp() {
        if (ai.djl.util.Utils.getEnvOrSystemProperty(LIBRARY_PATH) != null) return;
        Path dir = nativesBeside(TfRuntime.class.getProtectionDomain().getCodeSource());
        if (dir != null) System.setProperty(LIBRARY_PATH, dir.toString());
    }

    static final String LIBRARY_PATH = "TENSORFLOW_LIBRARY_PATH";

    /** What to do when TensorFlow's natives did not load: where they were looked for, and where they belong. */
    static String whyNotLoaded(String libraryPath, Throwable e) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (libraryPath == null) {
            return what + ": TensorFlow 2.16.1's native libraries were not found. The build puts them in natives/native/lib"
                    + " beside scaling-lab.jar (./mvnw package); or set " + LIBRARY_PATH + " to the folder that holds them";
        }
        return what + " from " + libraryPath + " (" + LIBRARY_PATH + "): that folder must hold TensorFlow 2.16.1's native"
                + " libraries for this system, as natives/native/lib of the build does";
    }

    /** natives/native/lib beside the jar or classes folder the code came from, when it holds TensorFlow's natives. */
    static Path nativesBeside(java.security.CodeSource source) {
        if (source == null || source.getLocation() == null) return null;
        try {
            Path parent = Path.of(source.getLocation().toURI()).getParent();
            Path lib = parent == null ? null : parent.resolve("natives/native/lib");
            return lib != null && Files.isRegularFile(lib.resolve("tensorflow.properties")) ? lib : null;
        } catch (java.net.URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    private static void setenv(String name, String value, boolean overwrite) {
        try {
            if (Platform.isWindows()) {
                if (overwrite || System.getenv(name) == null) WindowsCrt.INSTANCE._putenv_s(name, value);
            } else {
                LibC.INSTANCE.setenv(name, value, overwrite ? 1 : 0);
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // the probe in oneDnnActive() still tells what TensorFlow ended up with
            LoggerFactory.getLogger(TfRuntime.class).warn("could not set {} in the process environment: {}", name, e.toString());
        }
    }

    /** setenv(3), for a variable TensorFlow reads from the process environment. */
    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int setenv(String name, String value, int overwrite);
    }

    /** The Universal CRT's _putenv_s, the environment TensorFlow's DLL reads on Windows (unverified: no Windows here). */
    private interface WindowsCrt extends Library {
        WindowsCrt INSTANCE = Native.load("ucrtbase", WindowsCrt.class);

        int _putenv_s(String name, String value);
    }

    /**
     * Whether TensorFlow rewrites graphs to oneDNN kernels in this process, read off what it runs: a 1x1 convolution
     * is executed with its partition graph returned, and oneDNN shows as ops named _Mkl*.
     */
    public static synchronized boolean oneDnnActive() {
        if (oneDnnActive == null) {
            ensureLoaded();
            try (Graph g = new Graph()) {
                Ops tf = Ops.create(g);
                Operand<TFloat32> x = tf.placeholder(TFloat32.class);
                Operand<TFloat32> y = tf.nn.conv2d(x, tf.constant(new float[1][1][8][8]), List.of(1L, 1L, 1L, 1L), "SAME");
                RunOptions options = RunOptions.newBuilder().setOutputPartitionGraphs(true).build();
                try (Session s = new Session(g); TFloat32 in = TFloat32.tensorOf(Shape.of(1, 4, 4, 8));
                     Result r = s.runner().feed(x, in).fetch(y).setOptions(options).runAndFetchMetadata()) {
                    oneDnnActive = r.getMetadata().orElseThrow().getPartitionGraphsList().stream()
                            .flatMap(graph -> graph.getNodeList().stream()).anyMatch(n -> n.getOp().startsWith("_Mkl"));
                }
            }
        }
        return oneDnnActive;
    }

    /** One line for --version, predict --json and the window: "TensorFlow 2.16.1, CPU, oneDNN off (inference profile)". */
    public static String describe() {
        ensureLoaded();
        return "TensorFlow " + TensorFlow.version() + ", " + device() + ", oneDNN " + (oneDnnActive() ? "on" : "off")
                + " (" + profile().id() + " profile)";
    }

    /** "GPU (device:GPU:0, 80.0 GiB)" when TensorFlow sees a GPU (it then places the ops there), else "CPU". */
    public static synchronized String device() {
        if (device == null) device = detectDevice();
        return device;
    }

    private static String detectDevice() {
        ensureLoaded();
        TF_Status status = TF_NewStatus();
        TF_Graph graph = TF_NewGraph();
        TF_SessionOptions options = TF_NewSessionOptions();
        try {
            // grow GPU memory on demand: the first GPU session sets up the process-wide allocator
            byte[] config = ConfigProto.newBuilder().setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true)).build().toByteArray();
            try (BytePointer bytes = new BytePointer(config)) {
                TF_SetConfig(options, bytes, config.length, status);
            }
            TF_Session session = TF_NewSession(graph, options, status);
            if (TF_GetCode(status) != TF_OK) return "CPU";
            try {
                TF_DeviceList list = TF_SessionListDevices(session, status);
                if (TF_GetCode(status) != TF_OK) return "CPU";
                try {
                    for (int i = 0; i < TF_DeviceListCount(list); i++) {
                        String type = TF_DeviceListType(list, i, status).getString();
                        if (type.equals("GPU")) {
                            String name = TF_DeviceListName(list, i, status).getString();
                            double gib = TF_DeviceListMemoryBytes(list, i, status) / (1024.0 * 1024 * 1024);
                            return String.format(Locale.ROOT, "GPU (%s, %.1f GiB)", name.substring(name.lastIndexOf('/') + 1), gib);
                        }
                    }
                    return "CPU";
                } finally {
                    TF_DeleteDeviceList(list);
                }
            } finally {
                TF_CloseSession(session, status);
                TF_DeleteSession(session, status);
            }
        } finally {
            TF_DeleteSessionOptions(options);
            TF_DeleteGraph(graph);
            TF_DeleteStatus(status);
        }
    }
}
