package org.scalinglab.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a photo shows one of the classes the models on screen know, so a class is not misled by a prediction that
 * cannot be right (the study's models know ten classes; a flower gets "French horn 71 %"). The bundled sample photos
 * say what they show in {@code sample-images/subjects.txt} ("file | what it shows | class names it is an example of");
 * of any other photo nothing is known.
 */
public final class PhotoClasses {
    public static final String FILE = "subjects.txt";

    /** What a photo shows: a description and the class names (of any line-up) it is an example of. */
    public record Subject(String description, List<String> classes) {
    }

    /** A photo against a line-up's classes. */
    public enum Kind { KNOWN, OUTSIDE, UNKNOWN }

    /**
     * @param kind    the photo shows one of the classes, none of them, or nothing is known about it
     * @param shown   the class it shows (KNOWN), else ""
     * @param subject what it shows (KNOWN and OUTSIDE), else ""
     * @param classes how many classes the models know
     */
    public record Verdict(Kind kind, String shown, String subject, int classes) {
        /** For a sample's thumbnail, on two short lines at most: "✓ church", "⚠ not one of⏎the 10 classes". */
        public String badge() {
            return switch (kind) {
                case KNOWN -> "✓ " + shown;
                case OUTSIDE -> "⚠ not one of\nthe " + classes + " classes";
                case UNKNOWN -> "? not known";
            };
        }

        /** Under the photo in the grid. */
        public String rowNote() {
            return switch (kind) {
                case KNOWN -> "✓ shows " + shown + ", one of the " + classes + " classes";
                case OUTSIDE -> "⚠ " + subject + ": not one of the " + classes + " classes";
                case UNKNOWN -> "? unknown photo: the models name one of their " + classes + " classes, whatever it shows";
            };
        }

        /** In each cell of the photo's row ("" when the photo shows one of the classes). */
        public String cellNote() {
            return switch (kind) {
                case KNOWN -> "";
                case OUTSIDE -> "⚠ outside the " + classes + " classes: the prediction is meaningless";
                case UNKNOWN -> "? if it shows none of the " + classes + " classes, the prediction is meaningless";
            };
        }
    }

    private final Path folder;
    private final Map<String, Subject> subjects;

    PhotoClasses(Path folder, Map<String, Subject> subjects) {
        this.folder = folder == null ? null : folder.toAbsolutePath().normalize();
        this.subjects = Map.copyOf(subjects);
    }

    /** The bundled sample photos' subjects (none when the folder or its list is missing). */
    public static PhotoClasses samples() {
        Optional<Path> dir = AppHome.find(AppHome.SAMPLE_IMAGES);
        if (dir.isEmpty()) return new PhotoClasses(null, Map.of());
        return read(dir.get());
    }

    /** Reads {@value #FILE} in a folder of photos; a missing or unreadable list knows nothing. */
    public static PhotoClasses read(Path folder) {
        Path list = folder.resolve(FILE);
        if (!Files.isRegularFile(list)) return new PhotoClasses(folder, Map.of());
        try {
            return new PhotoClasses(folder, parse(Files.readAllLines(list, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return new PhotoClasses(folder, Map.of());
        }
    }

    static Map<String, Subject> parse(List<String> lines) {
        Map<String, Subject> out = new HashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.strip().startsWith("#")) continue;
            String[] parts = line.split("\\|", -1);
            if (parts.length < 2) continue;
            List<String> classes = new ArrayList<>();
            if (parts.length > 2) for (String c : parts[2].split(",")) if (!c.isBlank()) classes.add(c.strip());
            out.put(parts[0].strip(), new Subject(parts[1].strip(), List.copyOf(classes)));
        }
        return out;
    }

    /** What the photo shows, when it is one of the listed photos (by its folder and name). */
    public Optional<Subject> subject(Path photo) {
        if (folder == null || photo == null) return Optional.empty();
        Path p = photo.toAbsolutePath().normalize();
        if (p.getParent() == null || !sameFolder(p.getParent(), folder)) return Optional.empty();
        return Optional.ofNullable(subjects.get(p.getFileName().toString()));
    }

    private static boolean sameFolder(Path a, Path b) {
        if (a.equals(b)) return true;
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** The photo against these class names (a line-up's); null when the line-up has no names. */
    public Verdict verdict(Path photo, List<String> classNames) {
        if (classNames.isEmpty()) return null;
        Optional<Subject> s = subject(photo);
        if (s.isEmpty()) return new Verdict(Kind.UNKNOWN, "", "", classNames.size());
        for (String c : s.get().classes()) {
            if (classNames.contains(c)) return new Verdict(Kind.KNOWN, c, s.get().description(), classNames.size());
        }
        return new Verdict(Kind.OUTSIDE, "", s.get().description(), classNames.size());
    }
}
