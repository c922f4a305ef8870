package org.scalinglab.tf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Stream;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.arch.WeightLayout;

/**
 * Exported SavedModels on disk, one folder per network: {@code <cacheDir>/<key>} where the key hashes everything
 * that shapes the graph (width, depth, classes, the weights, the ImageNet rescale, the graph format). The input
 * size is dynamic, so resolution is not part of the key. A model is written to a temporary folder and moved into
 * place in one step, so a crash leaves no half-written model under a valid key.
 */
public final class SavedModelCache {
    /** Bump when the exported graph or its signatures change, so stale folders are not reused. */
    static final String FORMAT = "efficientnet-savedmodel-v4";
    private static final String MODEL_FILE = "saved_model.pb";

    private SavedModelCache() {
    }

    /** An export older than this was abandoned (its process was killed): a live one takes seconds. */
    static final java.time.Duration ABANDONED = java.time.Duration.ofHours(1);

    /** Removes the temporary folders of exports whose process died mid-way (a kill leaves them behind). */
    static void removeAbandonedExports(Path cacheDir) {
        java.time.Instant before = java.time.Instant.now().minus(ABANDONED);
        try (Stream<Path> s = Files.list(cacheDir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(".export-")).toList()) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(before)) deleteRecursively(p);
            }
        } catch (IOException | RuntimeException e) {
            // best effort: leftovers cost disk space, nothing else
        }
    }

    /** The folder of a ready SavedModel for this network, exporting it first if it is not cached. */
    public static Path getOrExport(NetworkSpec spec, KerasWeights weights, boolean imagenetRescale, Path cacheDir) {
        Path dir = cacheDir.resolve(key(spec, weights, imagenetRescale));
        synchronized (SavedModelCache.class) {
            if (Files.isRegularFile(dir.resolve(MODEL_FILE))) return dir;
            Path tmp = null;
            try {
                Files.createDirectories(cacheDir);
                removeAbandonedExports(cacheDir);
                tmp = Files.createTempDirectory(cacheDir, ".export-");
                Path model = tmp.resolve("model");
                SavedModelExporter.export(spec, weights, imagenetRescale, model);
                if (Files.isRegularFile(dir.resolve(MODEL_FILE))) return dir;  // another process finished it meanwhile
                // our folders appear complete in one rename, so one without saved_model.pb is debris (e.g. a copy cut short)
                if (Files.exists(dir)) deleteRecursively(dir);
                try {
                    Files.move(model, dir, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    // a rename onto a folder that another process has just moved in fails: keep theirs
                    if (!Files.isRegularFile(dir.resolve(MODEL_FILE))) throw e;
                }
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the SavedModel under " + cacheDir + ": " + e.getMessage(), e);
            } finally {
                if (tmp != null) deleteRecursively(tmp);
            }
        }
    }

    /** A hex digest of everything the exported graph depends on. */
    public static String key(NetworkSpec spec, KerasWeights weights, boolean imagenetRescale) {
        MessageDigest md = sha256();
        md.update(String.format(Locale.ROOT, "%s|w=%s|d=%s|classes=%d|imagenetRescale=%b", FORMAT,
                Double.toString(spec.width()), Double.toString(spec.depth()), spec.classes(), imagenetRescale)
                .getBytes(StandardCharsets.UTF_8));
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer floats = buffer.asFloatBuffer();
        for (WeightLayout.Weight w : WeightLayout.of(spec, true).weights()) {
            if (w.name().equals("count")) continue;  // the Normalization's sample count does not reach the graph
            md.update((w.layer() + "/" + w.name()).getBytes(StandardCharsets.UTF_8));
            float[] values = weights.get(w.layer(), w.name());
            for (int off = 0; off < values.length; off += floats.capacity()) {
                int n = Math.min(floats.capacity(), values.length - off);
                floats.clear();
                floats.put(values, off, n);
                md.update(buffer.array(), 0, n * Float.BYTES);
            }
        }
        return HexFormat.of().formatHex(md.digest(), 0, 12);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Best effort: whatever cannot be deleted stays. */
    public static void deleteRecursively(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover temporary folder is harmless (it never has a valid key as its name)
        }
    }
}
