package org.scalinglab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Every file the app writes goes through here: into a temporary file beside the target, flushed to disk, then renamed
 * over the target in one step. On any failure the temporary file is removed and an existing target is left as it was.
 */
public final class AtomicFiles {

    /** Writes the content to a stream; may throw. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes a file at the path it is given (for libraries that only write to paths). */
    public interface PathWriter {
        void writeTo(Path file) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, Content content) throws IOException {
        writePath(target, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
        });
    }

    public static void writeString(Path target, String text) throws IOException {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    public static void writePath(Path target, PathWriter writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // not Files.createTempFile: that makes the file owner-only (0600) on POSIX, and the rename would keep it so
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "." + Thread.currentThread().getId() + ".tmp");
        try {
            writer.writeTo(tmp);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncFolder(dir);
        } catch (IOException e) {
            // a writer's own message ("I/O error writing PNG file!") names neither the file nor the cause (a full disk)
            throw new IOException("cannot write " + target + ": " + rootCause(e), e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && t.getCause().getMessage() != null) t = t.getCause();
        return Messages.describe(t);
    }

    /**
     * Refuses a target whose folder cannot be written, before any work that would produce it: the folder is created if
     * missing, then a probe file is made and removed.
     */
    public static void checkWritable(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (Files.isDirectory(target)) throw new IllegalArgumentException(target + " is a folder, not a file");
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check-", ".tmp");
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("cannot write into " + dir + " (permission denied)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write into " + dir + " (" + Messages.describe(e) + ")", e);
        }
    }

    /** Makes the rename itself durable (a no-op where folders cannot be opened, as on Windows). */
    private static void syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort
        }
    }
}
