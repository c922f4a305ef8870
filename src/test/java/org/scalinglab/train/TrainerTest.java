package org.scalinglab.train;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.arch.NetworkSpec;

class TrainerTest {
    /** A tiny EfficientNet: width 0.25 (8..80 filters), one block per stage, 64 px. */
    static final NetworkSpec TINY = new NetworkSpec("tiny", 0.25, 0.25, 64, 0.1, 4);

    @Test
    void learnsSyntheticShapes(@TempDir Path dir) throws Exception {
        SyntheticShapes.write(dir.resolve("data"), 4, 80, 64, 11);
        ImageFolder data = ImageFolder.open(dir.resolve("data"), 0.2, 0, 3);
        TrainingConfig config = new TrainingConfig(10, 16, 0.1, 1, 0.9, 0.1, 1e-5, 0.9, 7, 2);
        List<TrainingProgress> events = new ArrayList<>();
        Trainer.Result r = Trainer.train(TINY, data, config, dir.resolve("out"), events::add, () -> false);
        System.out.println("synthetic shapes: " + r.history());
        assertTrue(r.top1() >= 0.95, "validation top-1 " + r.top1());
        assertTrue(events.stream().anyMatch(TrainingProgress::epochEnd));
        assertTrue(r.weights().toFile().isFile());
    }

    @Test
    void resumeContinuesWhereItStopped(@TempDir Path dir) throws Exception {
        List<SyntheticShapes.Sample> samples = SyntheticShapes.write(dir.resolve("data"), 3, 40, 64, 5);
        // a truncated PNG among the images: skipped, and every progress line says so
        byte[] whole = java.nio.file.Files.readAllBytes(samples.get(0).file());
        java.nio.file.Files.write(samples.get(0).file().resolveSibling("truncated.png"), java.util.Arrays.copyOf(whole, 100));
        ImageFolder data = ImageFolder.open(dir.resolve("data"), 0.25, 0, 3);
        TrainingConfig config = new TrainingConfig(3, 15, 0.1, 1, 0.9, 0.1, 1e-5, 0.9, 9, 2);

        Trainer.Result straight = Trainer.train(TINY, data, config, dir.resolve("straight"), p -> { }, () -> false);

        // stop right after the first epoch's checkpoint
        AtomicInteger epochsEnded = new AtomicInteger();
        assertThrows(CancellationException.class, () -> Trainer.train(TINY, data, config, dir.resolve("resumed"),
                p -> { if (p.epochEnd()) epochsEnded.incrementAndGet(); }, () -> epochsEnded.get() >= 1));
        // the checkpoint restores weights and optimizer slots exactly
        Checkpoint cp = new Checkpoint(dir.resolve("resumed"));
        NetworkSpec spec3 = TINY.withClasses(3);
        var saved = cp.state();
        var savedWeights = cp.weights(saved, spec3);
        var savedSlots = cp.momentum(saved);
        assertTrue(savedSlots.values().stream().anyMatch(v -> v.length > 0 && v[0] != 0), "momentum was saved");
        try (TrainingGraph g = new TrainingGraph(spec3, savedWeights, savedSlots, config)) {
            for (var e : savedSlots.entrySet()) assertArrayEquals(e.getValue(), g.momentumSlots().get(e.getKey()), e.getKey());
            var restored = g.weights();
            for (var layer : savedWeights.values().keySet()) {
                for (var name : savedWeights.values().get(layer).keySet()) {
                    if (!name.equals("count")) assertArrayEquals(savedWeights.get(layer, name), restored.get(layer, name), layer + "/" + name);
                }
            }
        }
        List<TrainingProgress> after = new ArrayList<>();
        Trainer.Result resumed = Trainer.train(TINY, data, config, dir.resolve("resumed"), after::add, () -> false);

        assertEquals(straight.steps(), resumed.steps(), "same step count");
        assertEquals(3, resumed.history().size());
        assertTrue(after.get(0).isNote() && after.get(0).line().contains("resuming at epoch 2 of 3"), after.get(0).line());
        assertEquals(1, after.get(1).epoch(), "resumed at the second epoch");
        String last = after.get(after.size() - 1).line();
        assertTrue(last.contains("| 1 unreadable image skipped (") && last.contains("truncated.png"), last);
        // loss continuous: the resumed epoch starts near where training was, not back at ln(3) = 1.10 of a fresh net
        double firstEpochLoss = resumed.history().get(0).loss();
        double resumedSecond = resumed.history().get(1).loss();
        assertTrue(resumedSecond < firstEpochLoss, "second epoch loss " + resumedSecond + " vs first " + firstEpochLoss);
        // the masks are a function of (seed, step) and the batches of (seed, epoch): the resumed epochs repeat the
        // uninterrupted run's (a reset would start again near ln(3) = 1.10)
        for (int epoch = 1; epoch < 3; epoch++) {
            System.out.printf("epoch %d loss: straight %.6f, resumed %.6f%n", epoch + 1, straight.history().get(epoch).loss(), resumed.history().get(epoch).loss());
            assertEquals(straight.history().get(epoch).loss(), resumed.history().get(epoch).loss(), 1e-3, "epoch " + (epoch + 1));
        }

        // a checkpoint of another network is refused by name
        NetworkSpec other = new NetworkSpec("other", 0.5, 0.25, 64, 0.1, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.train(other, data, config, dir.resolve("resumed"), p -> { }, () -> false));
        assertTrue(e.getMessage().contains("use another --out folder"), e.getMessage());
    }
}
