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
import java.util.Locale;
import org.bytedeco.javacpp.BytePointer;
import org.tensorflow.internal.c_api.TF_DeviceList;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;

/** Loads TensorFlow through DJL (so DJL's natives are the ones in use) and says which device TensorFlow runs on. */
public final class TfRuntime {
    private static String device;

    private TfRuntime() {
    }

    private static boolean loaded;

    /**
     * DJL must load the natives before any org.tensorflow class is used. Also quiets TensorFlow's C++ INFO lines
     * (TF_CPP_MIN_LOG_LEVEL=1, warnings and errors stay) unless the user set the variable.
     */
    public static synchronized void ensureLoaded() {
        if (loaded) return;
        if (System.getenv("TF_CPP_MIN_LOG_LEVEL") == null) {
            try {
                LibC.INSTANCE.setenv("TF_CPP_MIN_LOG_LEVEL", "1", 0);
            } catch (UnsatisfiedLinkError | RuntimeException ignored) {
                // not glibc-like: TensorFlow just logs more
            }
        }
        Engine.getEngine("TensorFlow");
        loaded = true;
    }

    /** setenv(3), for a variable TensorFlow reads from the process environment. */
    private interface LibC extends Library {
        LibC INSTANCE = Native.load(Platform.isWindows() ? "msvcrt" : "c", LibC.class);

        int setenv(String name, String value, int overwrite);
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
