package org.scalinglab.train;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Decodes and augments images on background threads, a few batches ahead, so the training thread only runs the
 * graph. One epoch per {@link #epoch} call; the order is a seeded shuffle of (seed, epoch), so a resumed run sees
 * the same order as an uninterrupted one. Unreadable files are skipped and counted, not fatal.
 */
public final class BatchLoader implements AutoCloseable {

    /** A batch: pixels [n][size][size][3] flattened, 0..255. */
    public record Batch(float[] pixels, int[] labels, int size) {
        public int count() {
            return labels.length;
        }
    }

    private final ExecutorService workers;
    private final int size;
    private final int batchSize;
    private final java.util.Set<java.nio.file.Path> unreadable = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile String firstUnreadable;

    public BatchLoader(int size, int batchSize, int threads) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1");
        this.size = size;
        this.batchSize = batchSize;
        this.workers = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "batch-loader");
            t.setDaemon(true);
            return t;
        });
    }

    public int batchSize() {
        return batchSize;
    }

    /** How many different files could not be read as images (each counted once, however many epochs). */
    public int skipped() {
        return unreadable.size();
    }

    /** "2 unreadable images skipped (first: x.jpg: why)", or null when every image was read. */
    public String skippedNote() {
        int n = unreadable.size();
        if (n == 0) return null;
        return n + (n == 1 ? " unreadable image skipped (" : " unreadable images skipped (first: ") + firstUnreadable + ")";
    }

    private void unreadable(ImageFolder.Item item, String why) {
        if (unreadable.add(item.file()) && firstUnreadable == null) firstUnreadable = item.file() + ": " + why;
    }

    /** Batches of one epoch in order; training batches are shuffled and augmented, the last partial one dropped. */
    public Iterable<Batch> epoch(List<ImageFolder.Item> items, boolean training, long seed, int epoch) {
        List<ImageFolder.Item> order = new ArrayList<>(items);
        if (training) Collections.shuffle(order, new Random(seed * 1_000_003L + epoch));
        int batches = training ? order.size() / batchSize : (order.size() + batchSize - 1) / batchSize;
        return () -> new java.util.Iterator<>() {
            private final BlockingQueue<Future<Batch>> ahead = new ArrayBlockingQueue<>(4);
            private int submitted;
            private int taken;

            private void fill() {
                while (submitted < batches && ahead.remainingCapacity() > 0) {
                    int b = submitted++;
                    List<ImageFolder.Item> part = order.subList(b * batchSize, Math.min(order.size(), (b + 1) * batchSize));
                    long batchSeed = seed * 31 + epoch * 1_000_003L + b;
                    ahead.add(workers.submit(() -> load(part, training, batchSeed)));
                }
            }

            @Override
            public boolean hasNext() {
                return taken < batches;
            }

            @Override
            public Batch next() {
                fill();
                try {
                    Batch batch = ahead.take().get(10, TimeUnit.MINUTES);
                    taken++;
                    fill();
                    return batch;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while loading images", e);
                } catch (Exception e) {
                    throw new IllegalStateException("loading a batch failed: " + e.getMessage(), e);
                }
            }
        };
    }

    private Batch load(List<ImageFolder.Item> part, boolean training, long batchSeed) {
        Random random = new Random(batchSeed);
        float[] pixels = new float[part.size() * size * size * 3];
        int[] labels = new int[part.size()];
        int n = 0;
        for (ImageFolder.Item item : part) {
            BufferedImage image = read(item);
            if (image == null) continue;
            float[] t = training ? Augmentation.train(image, size, random) : Augmentation.evaluation(image, size);
            System.arraycopy(t, 0, pixels, n * t.length, t.length);
            labels[n++] = item.label();
        }
        if (n < part.size()) {
            float[] p = new float[n * size * size * 3];
            System.arraycopy(pixels, 0, p, 0, p.length);
            int[] l = new int[n];
            System.arraycopy(labels, 0, l, 0, n);
            return new Batch(p, l, size);
        }
        return new Batch(pixels, labels, size);
    }

    private BufferedImage read(ImageFolder.Item item) {
        try {
            BufferedImage image = ImageIO.read(item.file().toFile());
            if (image == null) unreadable(item, "not an image format this app reads");
            return image;
        } catch (IOException | RuntimeException e) {
            unreadable(item, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return null;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
