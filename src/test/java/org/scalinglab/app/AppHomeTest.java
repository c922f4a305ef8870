package org.scalinglab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppHomeTest {

    @Test
    void theLauncherPropertyComesFirstThenTheWorkingFolderThenTheCodeAndTwoAboveIt(@TempDir Path tmp) throws Exception {
        Path jar = tmp.resolve("repo/target/scaling-lab.jar");
        Files.createDirectories(jar.getParent());
        Files.createFile(jar);
        List<Path> c = AppHome.candidates("assets", "/opt/scaling-lab/lib/app", jar, tmp.resolve("cwd"));
        assertEquals(List.of(Path.of("/opt/scaling-lab/lib/app/assets"), tmp.resolve("cwd/assets"), tmp.resolve("repo/target/assets"),
                tmp.resolve("repo/assets"), tmp.resolve("assets")), c);
    }

    @Test
    void aBlankPropertyIsIgnoredAndAClassesFolderCountsAsTheCode(@TempDir Path tmp) throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("repo/target/classes"));
        List<Path> c = AppHome.candidates("sample-images", " ", classes, tmp);
        assertEquals(List.of(tmp.resolve("sample-images"), classes.resolve("sample-images"), tmp.resolve("repo/target/sample-images"),
                tmp.resolve("repo/sample-images")), c);
    }

    @Test
    void thisCheckoutIsFound() {
        // the tests run from target/test-classes and target/classes of this repository, which has assets/
        Path assets = AppHome.find("assets").orElseThrow();
        assertTrue(Files.exists(assets.resolve("icon.png")), assets.toString());
        assertTrue(Files.isRegularFile(AppHome.studyDir().resolve("report.json")), AppHome.studyDir().toString());
    }

    @Test
    void aConfiguredStudyFolderIsTheOneNamedWhenItIsMissing(@TempDir Path tmp) {
        String before = System.getProperty(AppHome.STUDY_PROPERTY);
        try {
            System.setProperty(AppHome.STUDY_PROPERTY, tmp.resolve("my-study").toString());
            assertEquals(tmp.resolve("my-study"), AppHome.studyDir());
            assertEquals("looked in " + tmp.resolve("my-study") + ", set by -Dscalinglab.study or SCALING_LAB_STUDY", AppHome.studySearched());
            System.clearProperty(AppHome.STUDY_PROPERTY);
            if (System.getenv(AppHome.STUDY_ENV) == null) assertEquals(AppHome.searched(AppHome.STUDY), AppHome.studySearched());
        } finally {
            if (before == null) System.clearProperty(AppHome.STUDY_PROPERTY);
            else System.setProperty(AppHome.STUDY_PROPERTY, before);
        }
    }
}
