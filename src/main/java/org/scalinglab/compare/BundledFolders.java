package org.scalinglab.compare;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds folders shipped beside the app (sample-images/, assets/study/) wherever it was started from: the folder
 * named by the system property {@value #HOME_PROPERTY}, the working directory, and the jar's folder and the two
 * above it (target/scaling-lab.jar in a source tree, lib/ in an installed app).
 */
public final class BundledFolders {
    public static final String HOME_PROPERTY = "scalinglab.home";

    private BundledFolders() {
    }

    /** The first existing folder {@code relative} under the places searched. */
    public static Optional<Path> find(String relative) {
        for (Path p : candidates(relative)) if (Files.isDirectory(p)) return Optional.of(p);
        return Optional.empty();
    }

    /** Every place searched, in order (for a message saying where the folder was not found). */
    public static List<Path> candidates(String relative) {
        Set<Path> roots = new LinkedHashSet<>();
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) roots.add(Path.of(home));
        roots.add(Path.of("").toAbsolutePath());
        Path code = codeLocation();
        if (code != null) {
            Path dir = Files.isDirectory(code) ? code : code.getParent();
            for (int up = 0; up < 3 && dir != null; up++, dir = dir.getParent()) roots.add(dir);
        }
        List<Path> out = new ArrayList<>();
        for (Path r : roots) out.add(r.resolve(relative).normalize());
        return out;
    }

    private static Path codeLocation() {
        try {
            var source = BundledFolders.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
