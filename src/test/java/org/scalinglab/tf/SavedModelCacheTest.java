package org.scalinglab.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.arch.NetworkSpec;

class SavedModelCacheTest {
    static final NetworkSpec SPEC = TinyNetworks.tiny();

    @TempDir
    Path cache;

    @Test
    void theSameNetworkReusesItsFolderAndOtherWeightsGetAnother() throws IOException {
        KerasWeights weights = TinyNetworks.weights(SPEC, 41, false);
        Path first;
        FileTime written;
        try (EfficientNetModel m = EfficientNetModel.load(SPEC, weights, ModelOptions.defaults().withCacheDir(cache))) {
            first = m.modelDir();
            written = Files.getLastModifiedTime(first.resolve("saved_model.pb"));
        }
        // equal values in fresh objects, another resolution (the graph's input size is dynamic): same folder, not rewritten
        KerasWeights same = TinyNetworks.weights(SPEC, 41, false);
        try (EfficientNetModel m = EfficientNetModel.load(SPEC.withResolution(96), same, ModelOptions.defaults().withCacheDir(cache))) {
            assertEquals(first, m.modelDir());
            assertEquals(written, Files.getLastModifiedTime(first.resolve("saved_model.pb")));
        }
        KerasWeights other = TinyNetworks.weights(SPEC, 42, false);
        assertNotEquals(SavedModelCache.key(SPEC, weights, false), SavedModelCache.key(SPEC, other, false));
        Path second = SavedModelCache.getOrExport(SPEC, other, false, cache);
        assertNotEquals(first, second);
        assertEquals(List.of(first, second).stream().sorted().toList(), entries());
    }

    @Test
    void theImagenetRescaleIsPartOfTheKeyOnlyWhereItApplies() throws IOException {
        KerasWeights imagenet = TinyNetworks.weights(SPEC, 43, true);
        KerasWeights plain = TinyNetworks.weights(SPEC, 43, false);
        assertNotEquals(SavedModelCache.key(SPEC, imagenet, true), SavedModelCache.key(SPEC, imagenet, false));
        // the rescale applies to ImageNet statistics only, so for other weights the option changes nothing
        Path on, off;
        try (EfficientNetModel m = EfficientNetModel.load(SPEC, plain, ModelOptions.defaults().withCacheDir(cache))) {
            on = m.modelDir();
        }
        try (EfficientNetModel m = EfficientNetModel.load(SPEC, plain, ModelOptions.defaults().withCacheDir(cache).withImagenetFix(false))) {
            off = m.modelDir();
        }
        assertEquals(on, off);
    }

    /** A process killed mid-export leaves its .export-* folder; the next export removes it once it is an hour old. */
    @Test
    void abandonedExportFoldersAreRemoved(@TempDir Path cache) throws IOException {
        Path old = Files.createDirectories(cache.resolve(".export-123").resolve("model"));
        Files.writeString(old.resolve("half.pb"), "x");
        Files.setLastModifiedTime(cache.resolve(".export-123"), java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofHours(2))));
        Path live = Files.createDirectories(cache.resolve(".export-456"));
        SavedModelCache.removeAbandonedExports(cache);
        assertFalse(Files.exists(cache.resolve(".export-123")));
        assertTrue(Files.exists(live), "a recent export may belong to another running process");
    }

    @Test
    void anIncompleteFolderUnderTheKeyIsReplacedAndNoTemporaryFolderIsLeft() throws IOException {
        KerasWeights weights = TinyNetworks.weights(SPEC, 44, false);
        Path dir = cache.resolve(SavedModelCache.key(SPEC, weights, false));
        Files.createDirectories(dir.resolve("variables"));
        Files.writeString(dir.resolve("half-written"), "crash");
        Path got = SavedModelCache.getOrExport(SPEC, weights, false, cache);
        assertEquals(dir, got);
        assertTrue(Files.isRegularFile(dir.resolve("saved_model.pb")));
        assertTrue(Files.notExists(dir.resolve("half-written")));
        assertEquals(List.of(dir), entries());
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> s = Files.list(cache)) {
            return s.sorted().toList();
        }
    }
}
