package org.scalinglab.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * An image-folder dataset: one sub-folder per class, class indices in sorted folder order (as torchvision's
 * ImageFolder and Keras' image_dataset_from_directory do). A root holding {@code train/} and {@code val/} uses
 * that split (the Imagenette layout); otherwise a seeded, class-stratified fraction is held out.
 */
public final class ImageFolder {
    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp", ".gif");

    /** One labelled image file. */
    public record Item(Path file, int label) {
    }

    private final Path root;
    private final List<String> classes;
    private final List<Item> train;
    private final List<Item> validation;

    private ImageFolder(Path root, List<String> classes, List<Item> train, List<Item> validation) {
        this.root = root;
        this.classes = List.copyOf(classes);
        this.train = List.copyOf(train);
        this.validation = List.copyOf(validation);
    }

    /** The folder the images came from. */
    public Path root() { return root; }
    public List<String> classes() { return classes; }
    public List<Item> train() { return train; }
    public List<Item> validation() { return validation; }

    /**
     * @param heldOut       fraction of each class held out when there is no val/ folder
     * @param perClassLimit at most this many training images per class (class-balanced subset); 0 = all
     */
    public static ImageFolder open(Path root, double heldOut, int perClassLimit, long seed) {
        if (!Files.isDirectory(root)) throw new IllegalArgumentException("dataset folder not found: " + root);
        Path trainDir = classesFolder(root);
        if (!trainDir.equals(root)) { // train/ and val/
            List<String> classes = classFolders(trainDir);
            List<Item> train = limit(items(trainDir, classes), perClassLimit, classes.size(), seed);
            List<Item> val = items(root.resolve("val"), classes);
            return new ImageFolder(root, classes, train, val);
        }
        if (heldOut <= 0 || heldOut >= 1) throw new IllegalArgumentException("held-out fraction must be in (0, 1), got " + heldOut);
        List<String> classes = classFolders(root);
        List<Item> all = items(root, classes);
        List<Item> train = new ArrayList<>();
        List<Item> val = new ArrayList<>();
        Random random = new Random(seed);
        for (int c = 0; c < classes.size(); c++) {
            final int label = c;
            List<Item> ofClass = new ArrayList<>(all.stream().filter(i -> i.label() == label).toList());
            Collections.shuffle(ofClass, random);
            int nVal = Math.max(1, (int) Math.round(ofClass.size() * heldOut));
            val.addAll(ofClass.subList(0, Math.min(nVal, ofClass.size())));
            train.addAll(ofClass.subList(Math.min(nVal, ofClass.size()), ofClass.size()));
        }
        return new ImageFolder(root, classes, limit(train, perClassLimit, classes.size(), seed), val);
    }

    /**
     * The folder whose sub-folders are the classes: {@code root/train} when the root holds both {@code train/} and
     * {@code val/}, else the root itself. Looks only at folder names, not at the images.
     */
    public static Path classesFolder(Path root) {
        Path train = root.resolve("train");
        return Files.isDirectory(train) && Files.isDirectory(root.resolve("val")) ? train : root;
    }

    /** The class names in a folder: its sub-folders that are not hidden, sorted by name. Looks only at folder names. */
    public static List<String> classNames(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<String> classFolders(Path dir) {
        try {
            List<String> names = classNames(dir);
            if (names.size() < 2) {
                throw new IllegalArgumentException(dir + " must hold one sub-folder per class (at least 2), found " + names.size());
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static List<Item> items(Path dir, List<String> classes) {
        List<Item> out = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            Path classDir = dir.resolve(classes.get(c));
            if (!Files.isDirectory(classDir)) continue;
            try (Stream<Path> s = Files.list(classDir)) {
                final int label = c;
                s.filter(ImageFolder::isImage).sorted().forEach(p -> out.add(new Item(p, label)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + classDir, e);
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no images (jpg, png, bmp, gif) under " + dir);
        return out;
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    private static List<Item> limit(List<Item> items, int perClass, int classes, long seed) {
        if (perClass <= 0) return items;
        List<Item> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(seed ^ 0x5eed));
        int[] count = new int[classes];
        List<Item> out = new ArrayList<>();
        for (Item i : shuffled) if (count[i.label()]++ < perClass) out.add(i);
        out.sort((a, b) -> a.file().compareTo(b.file()));
        return out;
    }

    /**
     * The images to evaluate in a folder: {@code val/} of a train/val root, else every class sub-folder of the root
     * (nothing held out), as {@link #validation()}. The classes are the sub-folders (of train/ where there is one)
     * sorted by name, the order training gives them.
     */
    public static ImageFolder forEvaluation(Path root) {
        if (!Files.isDirectory(root)) throw new IllegalArgumentException("image folder not found: " + root);
        Path trainDir = root.resolve("train");
        Path valDir = root.resolve("val");
        if (Files.isDirectory(trainDir) && Files.isDirectory(valDir)) {
            List<String> classes = classFolders(trainDir);
            return new ImageFolder(root, classes, List.of(), items(valDir, classes));
        }
        List<String> classes = classFolders(root);
        return new ImageFolder(root, classes, List.of(), items(root, classes));
    }
}
