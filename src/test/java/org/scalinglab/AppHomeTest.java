package org.scalinglab;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppHomeTest {

    @Test
    void installedAppUsesTheLauncherProperty(@TempDir Path tmp) {
        assertEquals(Path.of("/opt/scaling-lab/lib/app"),
                AppHome.dir("/opt/scaling-lab/lib/app", tmp.resolve("target/scaling-lab.jar"), tmp));
    }

    @Test
    void checkoutIsTheFolderAboveTarget(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("repo/assets"));
        Path elsewhere = tmp.resolve("elsewhere");
        assertEquals(tmp.resolve("repo"), AppHome.dir(null, tmp.resolve("repo/target/scaling-lab.jar"), elsewhere));
        assertEquals(tmp.resolve("repo"), AppHome.dir(" ", tmp.resolve("repo/target/classes"), elsewhere));
    }

    @Test
    void withoutAssetsNextToTargetItIsTheWorkingFolder(@TempDir Path tmp) {
        Path cwd = tmp.resolve("cwd");
        assertEquals(cwd, AppHome.dir(null, tmp.resolve("jars/scaling-lab.jar"), cwd));
        assertEquals(cwd, AppHome.dir(null, null, cwd));
    }

    @Test
    void thisCheckoutIsFound() {
        // the tests run from target/test-classes and target/classes of this repository, which has assets/
        assertTrue(Files.isDirectory(AppHome.assets()), AppHome.assets().toString());
        assertTrue(Files.exists(AppHome.assets().resolve("icon.png")));
    }
}
