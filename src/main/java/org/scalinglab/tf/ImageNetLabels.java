package org.scalinglab.tf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Class names by index: the 1000 ImageNet classes shipped in assets/imagenet-labels.txt (copied into the jar), or any
 * labels file with one name per line. An index without a name reads "class N".
 */
public final class ImageNetLabels {
    public static final String RESOURCE = "/assets/imagenet-labels.txt";

    private static volatile ImageNetLabels imagenet;

    private final List<String> names;

    private ImageNetLabels(List<String> names) {
        this.names = List.copyOf(names);
    }

    /** The ImageNet-1k names, from the classpath (the jar) or, when run from a source tree, from assets/. */
    public static ImageNetLabels imagenet() {
        ImageNetLabels labels = imagenet;
        if (labels != null) return labels;
        try (InputStream in = ImageNetLabels.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                labels = parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
            } else {
                Path file = Path.of("assets", "imagenet-labels.txt");
                if (!Files.exists(file)) throw new IllegalStateException("the ImageNet labels are missing: no " + RESOURCE + " on the classpath, no " + file);
                labels = fromFile(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ImageNet labels: " + e.getMessage(), e);
        }
        if (labels.size() != 1000) throw new IllegalStateException("the ImageNet labels file has " + labels.size() + " names, not 1000");
        imagenet = labels;
        return labels;
    }

    /** One name per line; blank lines at the end are ignored. */
    public static ImageNetLabels fromFile(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private static ImageNetLabels parse(List<String> lines) {
        int n = lines.size();
        while (n > 0 && lines.get(n - 1).isBlank()) n--;
        return new ImageNetLabels(lines.subList(0, n).stream().map(String::strip).toList());
    }

    public int size() {
        return names.size();
    }

    public String name(int index) {
        return index >= 0 && index < names.size() && !names.get(index).isEmpty() ? names.get(index) : "class " + index;
    }

    public List<String> names() {
        return names;
    }
}
