package org.scalinglab.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One training per output folder: an operating-system lock on {@code .training.lock} in it, held for the run and
 * released when it ends or its process dies. The file holds the holder's process id, for the refusal message.
 */
final class TrainingLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private TrainingLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static TrainingLock acquire(Path out) throws IOException {
        Files.createDirectories(out);
        Path file = out.resolve(".training.lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this process already trains there
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
            channel.close();
            throw new IllegalStateException("another training" + (holder.isEmpty() ? "" : " (process " + holder + ")") + " is using " + out
                    + "; wait for it to finish, or use another --out folder");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
        return new TrainingLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
