package org.scalinglab.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.cert.Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TensorFlow's natives are found beside the app's jar (or classes folder) and loaded in place, not from the class path. */
class NativesLocationTest {
    @TempDir Path dir;

    @Test
    void theNativesBesideTheJarAreFoundOnlyWhenTheyAreThere() throws IOException {
        Path jar = Files.createFile(dir.resolve("scaling-lab.jar"));
        CodeSource source = new CodeSource(jar.toUri().toURL(), (Certificate[]) null);
        assertNull(TfRuntime.nativesBeside(source), "no natives folder");
        Path lib = Files.createDirectories(dir.resolve("natives/native/lib"));
        assertNull(TfRuntime.nativesBeside(source), "a natives folder without TensorFlow's properties file");
        Files.writeString(lib.resolve("tensorflow.properties"), "version=2.16.1\n");
        assertEquals(lib, TfRuntime.nativesBeside(source));
        assertNull(TfRuntime.nativesBeside(null));
    }

    @Test
    void thisProcessLoadedTensorFlowFromTheBuildsNativesFolder() {
        TfRuntime.ensureLoaded();
        String used = System.getenv("TENSORFLOW_LIBRARY_PATH") != null ? System.getenv("TENSORFLOW_LIBRARY_PATH")
                : System.getProperty("TENSORFLOW_LIBRARY_PATH");
        assertTrue(used != null && Path.of(used).endsWith(Path.of("natives", "native", "lib")), String.valueOf(used));
        assertTrue(Files.isRegularFile(Path.of(used).resolve("tensorflow.properties")));
    }

    @Test
    void withoutTheNativesTheMessageSaysWhereTheyBelong() {
        RuntimeException djl = new RuntimeException("Failed to load TensorFlow native library");
        assertEquals("Failed to load TensorFlow native library: TensorFlow 2.16.1's native libraries were not found. The build puts"
                + " them in natives/native/lib beside scaling-lab.jar (./mvnw package); or set TENSORFLOW_LIBRARY_PATH to the folder"
                + " that holds them", TfRuntime.whyNotLoaded(null, djl));
        assertTrue(TfRuntime.whyNotLoaded("/opt/tf", djl).startsWith("Failed to load TensorFlow native library from /opt/tf"
                + " (TENSORFLOW_LIBRARY_PATH): that folder must hold"));
    }
}
