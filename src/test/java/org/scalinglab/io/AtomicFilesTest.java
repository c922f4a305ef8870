package org.scalinglab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    /** A disk that fills up half-way through a write: the file that was there stays whole, and no temporary file is left. */
    @Test
    void aFailedWriteLeavesTheOldFileIntact(@TempDir Path dir) throws Exception {
        Path keep = dir.resolve("keep.png");
        byte[] old = "the figure from yesterday".getBytes();
        Files.write(keep, old);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(keep, out -> {
            out.write(new byte[4096]);
            // as ImageIO reports a full disk: its own words first, the cause inside
            throw new IOException("I/O error writing PNG file!", new IOException("No space left on device"));
        }));
        assertEquals("cannot write " + keep + ": No space left on device", e.getMessage());
        assertArrayEquals(old, Files.readAllBytes(keep));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(keep), s.toList(), "no temporary file left behind");
        }
    }

    @Test
    void aWriteReplacesTheFileWithNormalPermissions(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("report.json");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "two");
        assertEquals("two", Files.readString(f));
        assertTrue(Files.getPosixFilePermissions(f).containsAll(PosixFilePermissions.fromString("rw-r--r--")),
                Files.getPosixFilePermissions(f).toString());
    }

    /** A folder that cannot be made (its parent is a file; root may write into read-only folders, so not that). */
    @Test
    void aFolderThatCannotBeWrittenIsRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        var e = assertThrows(IllegalArgumentException.class, () -> AtomicFiles.checkWritable(file.resolve("figures/out.png")));
        assertTrue(e.getMessage().startsWith("cannot write into " + file.resolve("figures")), e.getMessage());
        assertTrue(!e.getMessage().contains("Exception"), e.getMessage());
    }
}
