package org.scalinglab;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder that holds {@code assets/} and {@code sample-images/}. Installed: the app folder, which the
 * installers' launchers pass as {@value #PROPERTY}. From a checkout: the folder above {@code target/}, where
 * the jar or the classes are; failing that, the working folder.
 */
public final class AppHome {
    public static final String PROPERTY = "scalinglab.home";

    private AppHome() {
    }

    public static Path dir() {
        Path code = null;
        try {
            code = Path.of(AppHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (unusual class loader): fall back to the working folder
        }
        return dir(System.getProperty(PROPERTY), code, Path.of("").toAbsolutePath());
    }

    /** {@code codeLocation}: target/scaling-lab.jar or target/classes in a checkout. */
    static Path dir(String property, Path codeLocation, Path workingDir) {
        if (property != null && !property.isBlank()) return Path.of(property);
        if (codeLocation != null && codeLocation.getParent() != null) {
            Path checkout = codeLocation.toAbsolutePath().getParent().getParent();
            if (checkout != null && Files.isDirectory(checkout.resolve("assets"))) return checkout;
        }
        return workingDir;
    }

    public static Path assets() {
        return dir().resolve("assets");
    }

    public static Path sampleImages() {
        return dir().resolve("sample-images");
    }
}
