package org.scalinglab.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the app finds the folders that ship beside it (assets/, sample-images/), wherever it was started from: the
 * folder named by {@value #PROPERTY} (the installers' launchers pass the app folder), the working folder, and the
 * folder of the jar or classes and the two above it (target/scaling-lab.jar in a checkout, lib/ in an installed app).
 * The study folder can be named on its own ({@value #STUDY_PROPERTY} or {@value #STUDY_ENV}).
 */
public final class AppHome {
    public static final String PROPERTY = "scalinglab.home";
    public static final String STUDY_PROPERTY = "scalinglab.study";
    public static final String STUDY_ENV = "SCALING_LAB_STUDY";
    public static final String STUDY = "assets/study";
    public static final String SAMPLE_IMAGES = "sample-images";

    private AppHome() {
    }

    /** The first existing folder {@code relative} under the places searched. */
    public static Optional<Path> find(String relative) {
        for (Path p : candidates(relative)) if (Files.isDirectory(p)) return Optional.of(p);
        return Optional.empty();
    }

    /** Every place searched, in order (for a message saying where a folder was not found). */
    public static List<Path> candidates(String relative) {
        return candidates(relative, System.getProperty(PROPERTY), codeLocation(), Path.of("").toAbsolutePath());
    }

    static List<Path> candidates(String relative, String property, Path codeLocation, Path workingDir) {
        Set<Path> roots = new LinkedHashSet<>();
        if (property != null && !property.isBlank()) roots.add(Path.of(property));
        roots.add(workingDir);
        if (codeLocation != null) {
            Path dir = Files.isDirectory(codeLocation) ? codeLocation : codeLocation.getParent();
            for (int up = 0; up < 3 && dir != null; up++, dir = dir.getParent()) roots.add(dir);
        }
        List<Path> out = new ArrayList<>();
        for (Path r : roots) out.add(r.resolve(relative).normalize());
        return out;
    }

    /** The study folder: as configured, else the bundled assets/study, else assets/study in the working folder. */
    public static Path studyDir() {
        String configured = configuredStudy();
        return configured != null ? Path.of(configured) : find(STUDY).orElse(Path.of(STUDY));
    }

    /** Where the study folder was looked for, for a message saying it is not there. */
    public static String studySearched() {
        String configured = configuredStudy();
        return configured != null ? "looked in " + configured + ", set by -D" + STUDY_PROPERTY + " or " + STUDY_ENV : searched(STUDY);
    }

    private static String configuredStudy() {
        String configured = System.getProperty(STUDY_PROPERTY);
        if (configured == null || configured.isBlank()) configured = System.getenv(STUDY_ENV);
        return configured == null || configured.isBlank() ? null : configured;
    }

    /** "looked in a, b, c": for messages about a folder that was not found. */
    public static String searched(String relative) {
        return "looked in " + String.join(", ", candidates(relative).stream().map(Path::toString).toList());
    }

    private static Path codeLocation() {
        try {
            var source = AppHome.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
