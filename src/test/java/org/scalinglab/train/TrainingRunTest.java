package org.scalinglab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.arch.NetworkSpec;

/** A training's output folder as one run: the same settings or a named refusal, one run at a time, a checkpoint as one unit. */
class TrainingRunTest {
    static final NetworkSpec SPEC = new NetworkSpec("run", 0.25, 0.25, 32, 0.1, 3);

    private static TrainingConfig config(int epochs, double lr) {
        return new TrainingConfig(epochs, 8, lr, 0, 0.9, 0.1, 1e-5, 0.9, 3, 1);
    }

    private static ImageFolder data(Path dir) throws Exception {
        if (!Files.isDirectory(dir.resolve("data"))) SyntheticShapes.write(dir.resolve("data"), 3, 12, 32, 4);
        return ImageFolder.open(dir.resolve("data"), 0.25, 0, 3);
    }

    /** A 3-epoch run in dir/out stopped after {@code epochs} epochs. */
    private static Path stoppedAfter(ImageFolder data, Path dir, int epochs) {
        Path out = dir.resolve("out");
        int[] ends = {0};
        assertThrows(java.util.concurrent.CancellationException.class, () -> Trainer.train(SPEC, data, config(3, 0.1), out,
                p -> { if (p.epochEnd()) ends[0]++; }, () -> ends[0] >= epochs));
        return out;
    }

    @Test
    void aRerunWithOtherSettingsIsRefusedNamingThemAndMoreEpochsNeedExtend(@TempDir Path dir) throws Exception {
        ImageFolder data = data(dir);
        Path out = dir.resolve("out");
        Trainer.train(SPEC, data, config(1, 0.1), out, p -> { }, () -> false);

        var e = assertThrows(IllegalArgumentException.class, () -> Trainer.train(SPEC, data,
                new TrainingConfig(1, 4, 0.2, 0, 0.9, 0.1, 1e-5, 0.9, 7, 1), out, p -> { }, () -> false));
        assertTrue(e.getMessage().contains("--batch 4 now, 8 there") && e.getMessage().contains("--lr 0.2 now, 0.1 there")
                && e.getMessage().contains("--seed 7 now, 3 there"), e.getMessage());

        SyntheticShapes.write(dir.resolve("other"), 3, 12, 32, 9);
        var other = assertThrows(IllegalArgumentException.class, () -> Trainer.train(SPEC, ImageFolder.open(dir.resolve("other"), 0.25, 0, 3),
                config(1, 0.1), out, p -> { }, () -> false));
        assertTrue(other.getMessage().contains("data folder"), other.getMessage());

        var more = assertThrows(IllegalArgumentException.class, () -> Trainer.train(SPEC, data, config(2, 0.1), out, p -> { }, () -> false));
        assertTrue(more.getMessage().contains("finished its 1 epochs") && more.getMessage().contains("--extend"), more.getMessage());

        List<TrainingProgress> notes = new ArrayList<>();
        Trainer.Result r = Trainer.train(SPEC, data, config(2, 0.1), out, p -> { if (p.isNote()) notes.add(p); }, () -> false, true);
        assertEquals(2, r.history().size());
        assertTrue(notes.get(0).line().contains("extending the run from 1 to 2 epochs"), notes.toString());
        assertTrue(notes.get(1).line().contains("the run in " + out + " has finished its 1 epochs") || notes.get(1).line().contains("resuming at epoch 2 of 2"),
                notes.toString());
    }

    @Test
    void aResumedRunSaysWhereItResumes(@TempDir Path dir) throws Exception {
        ImageFolder data = data(dir);
        Path out = stoppedAfter(data, dir, 1);
        // a kill after the next epoch's parts were written but before its manifest: they are not the checkpoint
        Files.writeString(out.resolve("checkpoint-e2.h5"), "half-written");
        Files.writeString(out.resolve("checkpoint-e2.momentum"), "half-written");
        List<String> notes = new ArrayList<>();
        Trainer.Result r = Trainer.train(SPEC, data, config(3, 0.1), out, p -> { if (p.isNote()) notes.add(p.line()); }, () -> false);
        assertEquals(List.of("run: resuming at epoch 2 of 3 from the checkpoint in " + out), notes);
        assertEquals(3, r.history().size());
        try (var s = Files.list(out)) {
            assertEquals(List.of("checkpoint-e3.h5", "checkpoint-e3.momentum", "checkpoint.json"),
                    s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("checkpoint")).sorted().toList());
        }
    }

    @Test
    void twoTrainingsOnOneFolderDoNotRunAtOnce(@TempDir Path dir) throws Exception {
        ImageFolder data = data(dir);
        Path out = dir.resolve("out");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Trainer.Result> first = pool.submit(() -> Trainer.train(SPEC, data, config(1, 0.1), out, p -> {
                started.countDown();
                try {
                    release.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, () -> false));
            assertTrue(started.await(2, TimeUnit.MINUTES));
            var e = assertThrows(IllegalStateException.class, () -> Trainer.train(SPEC, data, config(1, 0.1), out, p -> { }, () -> false));
            assertTrue(e.getMessage().contains("another training (process " + ProcessHandle.current().pid() + ") is using " + out), e.getMessage());
            release.countDown();
            assertEquals(1, first.get(2, TimeUnit.MINUTES).history().size());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** Each part of a checkpoint is checked against the manifest; a damaged or missing part is refused by name. */
    @Test
    void aDamagedOrMissingPartIsRefusedByName(@TempDir Path dir) throws Exception {
        ImageFolder data = data(dir);
        Path out = stoppedAfter(data, dir, 2);
        // only the newest epoch's parts remain beside the manifest
        try (var s = Files.list(out)) {
            assertEquals(List.of("checkpoint-e2.h5", "checkpoint-e2.momentum", "checkpoint.json"),
                    s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("checkpoint")).sorted().toList());
        }
        Path momentum = out.resolve("checkpoint-e2.momentum");
        byte[] whole = Files.readAllBytes(momentum);
        Files.write(momentum, java.util.Arrays.copyOf(whole, whole.length - 8));
        var truncated = assertThrows(java.io.IOException.class, () -> Trainer.train(SPEC, data, config(3, 0.1), out, p -> { }, () -> false));
        assertTrue(truncated.getMessage().contains("optimizer state checkpoint-e2.momentum is damaged"), truncated.getMessage());

        whole[100] ^= 1;
        Files.write(momentum, whole);
        var flipped = assertThrows(java.io.IOException.class, () -> Trainer.train(SPEC, data, config(3, 0.1), out, p -> { }, () -> false));
        assertTrue(flipped.getMessage().contains("checkpoint-e2.momentum is damaged (checksum differs)"), flipped.getMessage());

        Files.delete(out.resolve("checkpoint-e2.h5"));
        var missing = assertThrows(java.io.IOException.class, () -> Trainer.train(SPEC, data, config(3, 0.1), out, p -> { }, () -> false));
        assertTrue(missing.getMessage().contains("weights checkpoint-e2.h5 is missing"), missing.getMessage());
    }
}
