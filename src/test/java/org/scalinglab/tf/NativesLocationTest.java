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
}
