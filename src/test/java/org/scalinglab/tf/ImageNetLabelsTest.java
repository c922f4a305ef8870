package org.scalinglab.tf;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageNetLabelsTest {
    @Test
    void theThousandClassesInKerasOrder() {
        ImageNetLabels labels = ImageNetLabels.imagenet();
        assertEquals(1000, labels.size());
        assertEquals(1000, new HashSet<>(labels.names()).size(), "names are unique");
        // indices of Keras' imagenet_class_index.json (n01440764 tench, n02099601 golden_retriever, ...)
        assertEquals("tench", labels.name(0));
        assertEquals("golden retriever", labels.name(207));
        assertEquals("tabby", labels.name(281));
        assertEquals("analog clock", labels.name(409));
        assertEquals("Granny Smith", labels.name(948));
        assertEquals("toilet tissue", labels.name(999));
        assertEquals("class 1000", labels.name(1000));
    }

    @Test
    void theJarCarriesTheFile() {
        assertNotNull(ImageNetLabels.class.getResource(ImageNetLabels.RESOURCE), "copied to target/classes by the pom");
    }

    @Test
    void anyLabelsFile(@TempDir Path dir) throws IOException {
        ImageNetLabels l = ImageNetLabels.fromFile(Files.writeString(dir.resolve("l.txt"), "cat\n dog \n\n\n"));
        assertEquals(2, l.size());
        assertEquals("dog", l.name(1));
        assertEquals("class 2", l.name(2));
    }
}
