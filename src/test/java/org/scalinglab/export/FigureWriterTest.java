package org.scalinglab.export;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureWriterTest {
    @TempDir Path dir;

    @Test
    void figuresAreAsReadableAsAnyNewFileAndLeaveNoTemporaryFile() throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        var expected = Files.getPosixFilePermissions(Files.writeString(dir.resolve("plain.txt"), "x"));
        for (String name : new String[] {"a.png", "a.svg", "a.pdf"}) {
            Path out = dir.resolve(name);
            FigureWriter.write(out, 100, 80, 72, "test", g -> {
                g.setColor(Color.RED);
                g.fillRect(10, 10, 50, 40);
            });
            assertTrue(Files.size(out) > 0, name);
            assertEquals(expected, Files.getPosixFilePermissions(out), name + ": a figure to share must not be owner-only");
        }
        try (var files = Files.list(dir)) {
            assertEquals(4, files.count(), "only plain.txt and the three figures");
        }
    }

    @Test
    void aFailingPainterLeavesNoFileBehind() throws Exception {
        Path out = dir.resolve("broken.svg");
        assertThrows(IllegalStateException.class, () -> FigureWriter.write(out, 100, 80, 72, "test", g -> {
            throw new IllegalStateException("painter failed");
        }));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
