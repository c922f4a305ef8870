package org.scalinglab.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the bundled study models live: {@code -Dscalinglab.study=DIR} or {@code SCALING_LAB_STUDY=DIR}, else
 * {@code assets/study} beside the application (the jar sits in {@code <app>/target/} or {@code <app>/}), else
 * {@code assets/study} in the working folder.
 */
final class StudyFolder {
    static final String PROPERTY = "scalinglab.study";
    static final String ENV = "SCALING_LAB_STUDY";

    private StudyFolder() {
    }

    static Path defaultDir() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) configured = System.getenv(ENV);
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        try {
            Path code = Path.of(StudyFolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path d = code.getParent();
            for (int up = 0; up < 2 && d != null; up++, d = d.getParent()) {
                Path candidate = d.resolve("assets").resolve("study");
                if (Files.isDirectory(candidate)) return candidate;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code location (unusual class loader): fall back to the working folder
        }
        return Path.of("assets", "study");
    }
}
