package org.scalinglab.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The true class of an image in a folder laid out by class: its folder's name (an Imagenette folder is an ImageNet
 * wnid such as n01440764), read as a class name through the study's {@code classes.txt} ("n01440764 tench"), and found
 * among the models' class names. So the same photo is class 0 for the study models and class 0 ("tench") for the
 * ImageNet models; an image outside such a folder has no true class.
 */
public record TrueClass(int index, String label) {

    /**
     * @param classNames  the models' class names, in their order
     * @param folderNames folder name to class name (may be empty; a folder may also be named after its class)
     * @return null when the image's folder names no class the models know
     */
    public static TrueClass of(Path image, List<String> classNames, Map<String, String> folderNames) {
        Path parent = image.toAbsolutePath().getParent();
        if (parent == null || parent.getFileName() == null) return null;
        String folder = parent.getFileName().toString();
        String name = folderNames.getOrDefault(folder, folder);
        for (int i = 0; i < classNames.size(); i++) {
            if (classNames.get(i).equalsIgnoreCase(name) || classNames.get(i).equalsIgnoreCase(folder)) return new TrueClass(i, classNames.get(i));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < classNames.size(); i++) {
            // ImageNet names list synonyms: "tench, Tinca tinca"
            if (classNames.get(i).toLowerCase(Locale.ROOT).startsWith(lower + ",")) return new TrueClass(i, classNames.get(i));
        }
        return null;
    }
}
