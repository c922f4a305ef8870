package org.scalinglab.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalinglab.train.ImageFolder;

/**
 * A folder laid out by class, as the CAM tab offers it: the images to pick from (the {@code val/} of a train/val root
 * such as Imagenette, else every class sub-folder), grouped by class, each class named by its folder and, where the
 * study's {@code classes.txt} knows the folder, by its class name too ("tench (n01440764)").
 */
public record ClassFolder(Path root, List<String> classes, List<String> labels, Map<String, List<Path>> images) {

    /**
     * @param folderNames folder name to class name (the study's classes.txt); may be empty
     * @throws IllegalArgumentException naming what is wrong (not a folder, fewer than two class folders, no images)
     */
    public static ClassFolder open(Path root, Map<String, String> folderNames) {
        ImageFolder f = ImageFolder.forEvaluation(root);
        Map<String, List<Path>> images = new LinkedHashMap<>();
        for (String c : f.classes()) images.put(c, new ArrayList<>());
        for (ImageFolder.Item i : f.validation()) images.get(f.classes().get(i.label())).add(i.file());
        List<String> labels = new ArrayList<>();
        for (String c : f.classes()) {
            String name = folderNames.get(c);
            labels.add(name == null || name.equals(c) ? c : name + " (" + c + ")");
        }
        images.replaceAll((k, v) -> List.copyOf(v));
        return new ClassFolder(root, f.classes(), List.copyOf(labels), images);
    }

    public int size() {
        return images.values().stream().mapToInt(List::size).sum();
    }

    /** "10 classes, 3925 images in val/". */
    public String describe() {
        boolean val = !ImageFolder.classesFolder(root).equals(root);
        return classes.size() + " classes, " + size() + " images" + (val ? " in val/" : "");
    }
}
