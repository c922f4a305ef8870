package org.scalinglab.tf;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.arch.WeightLayout;
import org.scalinglab.scaling.OfficialModel;

class KerasH5Test {
    /** The spec of the h5py fixtures (src/test/python/make_keras_h5_fixture.py). */
    static final NetworkSpec TINY = new NetworkSpec("tiny", 0.25, 0.34, 224, 0.2, 10);

    @TempDir Path dir;

    static Path resource(String name) throws IOException {
        Path p = Path.of("src/test/resources/h5", name);
        assertTrue(Files.exists(p), "missing fixture " + p);
        return p;
    }

    static JsonObject expected() throws IOException {
        return JsonParser.parseString(Files.readString(resource("tiny.expected.json"))).getAsJsonObject();
    }

    @Test
    void readsAFileWrittenByH5pyInTheKerasLayout() throws IOException {
        JsonObject expected = expected();
        KerasWeights w = KerasH5.read(resource("tiny.h5"), TINY, KerasH5.Statistics.AUTO);

        // the fixture's layer list comes from a Python transcription of keras' efficientnet.py, not from WeightLayout
        List<String> pythonLayers = new ArrayList<>();
        expected.getAsJsonArray("weight_layers").forEach(e -> pythonLayers.add(e.getAsString()));
        assertEquals(pythonLayers, WeightLayout.of(TINY, true).layers());

        JsonArray weights = expected.getAsJsonArray("weights");
        assertEquals(WeightLayout.of(TINY, true).weights().size(), weights.size());
        for (JsonElement e : weights) {
            JsonObject o = e.getAsJsonObject();
            String what = o.get("path").getAsString();
            float[] v = w.get(o.get("layer").getAsString(), o.get("name").getAsString());
            assertEquals(o.get("first").getAsFloat(), v[0], what);
            assertEquals(o.get("second").getAsFloat(), v[1 % v.length], what);
            assertEquals(o.get("last").getAsFloat(), v[v.length - 1], what);
            double sum = 0;
            for (float x : v) sum += x;
            assertEquals(o.get("sum").getAsDouble(), sum, 1e-9 * Math.max(1, v.length), what);
            long size = 1;
            for (JsonElement d : o.getAsJsonArray("shape")) size *= d.getAsLong();
            assertEquals(size, v.length, what);
        }
        assertEquals(1281167f, w.get("normalization", "count")[0]);
        assertTrue(w.imagenetStatistics(), "ImageNet std stored as variance is recognised");
        assertFalse(KerasH5.read(resource("tiny.h5"), TINY, KerasH5.Statistics.AS_STORED).imagenetStatistics());
    }

    @Test
    void readsANotopFileWithSplitLayerNames() throws IOException {
        KerasH5.Contents c = KerasH5.inspect(resource("tiny_notop_split.h5"));
        assertFalse(c.hasTop());
        assertEquals(0, c.classes());
        assertEquals(WeightLayout.of(TINY, false).layers(), List.copyOf(c.layers().keySet()));
        KerasWeights w = KerasH5.read(resource("tiny_notop_split.h5"), TINY, KerasH5.Statistics.AUTO);
        assertFalse(w.has("predictions", "kernel"));
        assertTrue(w.has("top_bn", "moving_variance"));
        w.checkAgainst(WeightLayout.of(TINY, false));
    }

    @Test
    void roundTripsRandomWeightsExactly() throws IOException {
        KerasWeights original = KerasWeights.random(TINY, 11);
        Path file = dir.resolve("ckpt.h5");
        KerasH5.write(file, TINY, original);
        assertFalse(Files.exists(dir.resolve("ckpt.h5.tmp")));
        KerasWeights back = KerasH5.read(file, TINY, KerasH5.Statistics.AUTO);
        assertFalse(back.imagenetStatistics(), "identity normalisation is not the ImageNet quirk");
        for (WeightLayout.Weight w : WeightLayout.of(TINY, true).weights()) {
            assertArrayEquals(original.get(w.layer(), w.name()), back.get(w.layer(), w.name()), w.h5Path());
        }
        // the Keras paths and attributes, read back with jHDF directly
        try (HdfFile h5 = new HdfFile(file)) {
            String[] names = (String[]) h5.getAttribute("layer_names").getData();
            assertEquals(WeightLayout.of(TINY, true).layers(), List.of(names));
            String[] wn = (String[]) h5.getChild("stem_bn").getAttribute("weight_names").getData();
            assertEquals(List.of("stem_bn/gamma:0", "stem_bn/beta:0", "stem_bn/moving_mean:0", "stem_bn/moving_variance:0"), List.of(wn));
            assertArrayEquals(new int[] {3, 3, 3, 8}, h5.getDatasetByPath("stem_conv/stem_conv/kernel:0").getDimensions());
            assertEquals(1L, h5.getDatasetByPath("normalization/normalization/count:0").getData());
            assertTrue(h5.getDatasetByPath("normalization/normalization/count:0").isScalar());
        }
    }

    @Test
    void roundTripsANotopFileAndKeepsTheImageNetStatistics() throws IOException {
        KerasWeights full = KerasH5.read(resource("tiny.h5"), TINY, KerasH5.Statistics.AUTO);
        Map<String, Map<String, float[]>> values = new java.util.LinkedHashMap<>(full.values());
        values.remove("predictions");
        Path file = dir.resolve("notop.h5");
        KerasH5.write(file, TINY, new KerasWeights(values, true));
        KerasWeights back = KerasH5.read(file, TINY, KerasH5.Statistics.AUTO);
        assertFalse(back.has("predictions", "bias"));
        assertTrue(back.imagenetStatistics());
        assertArrayEquals(full.get("top_conv", "kernel"), back.get("top_conv", "kernel"));
    }

    @Test
    void longNameListsAreSplitLikeKeras() throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 4000; i++) names.add("block" + i + "_a_rather_long_layer_name");
        Path file = dir.resolve("names.h5");
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            putStrings(h5, names);
        }
        try (HdfFile h5 = new HdfFile(file)) {
            assertNull(h5.getAttributes().get("layer_names"));
            List<String> back = new ArrayList<>();
            int chunks = 0;
            for (; h5.getAttributes().containsKey("layer_names" + chunks); chunks++) {
                String[] part = (String[]) h5.getAttribute("layer_names" + chunks).getData();
                assertTrue(part.length * 36L <= KerasH5.HDF5_OBJECT_HEADER_LIMIT);
                back.addAll(List.of(part));
            }
            assertEquals(3, chunks, "4000 names of 36 bytes = 144000 bytes -> 3 chunks of at most 64512");
            assertEquals(names, back);
        }
    }

    private static void putStrings(WritableHdfFile h5, List<String> names) {
        try {
            var m = KerasH5.class.getDeclaredMethod("putStrings", io.jhdf.api.WritableGroup.class, String.class, List.class);
            m.setAccessible(true);
            m.invoke(null, h5, "layer_names", names);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The contents a file of this spec has, without writing one (jHDF writes 12M floats in several seconds). */
    static KerasH5.Contents contentsOf(NetworkSpec spec, boolean top) {
        Map<String, Map<String, KerasH5.Entry>> layers = new java.util.LinkedHashMap<>();
        for (WeightLayout.Weight w : WeightLayout.of(spec, top).weights()) {
            layers.computeIfAbsent(w.layer(), k -> new java.util.LinkedHashMap<>())
                    .put(w.name(), new KerasH5.Entry(w.layer(), w.name(), w.h5Path(), w.shape()));
        }
        return new KerasH5.Contents(layers);
    }

    @Test
    void aFileForAnotherModelNamesEveryMismatchedLayer() {
        KerasH5.Contents b3 = contentsOf(NetworkSpec.official(OfficialModel.B3), false);
        NetworkSpec b0 = NetworkSpec.official(OfficialModel.B0);
        List<String> problems = b3.problemsAgainst(WeightLayout.of(b0, false));
        WeightsFileException e = KerasH5.mismatch(Path.of("efficientnetb3_notop.h5"), b0, b3, problems);
        // B3: stem round_filters(32 * 1.2) = 40, B0: 32; B3 has block1b (depth 1.4: ceil(1.4) = 2), B0 does not
        assertTrue(e.getMessage().startsWith("efficientnetb3_notop.h5 does not fit efficientnet-b0"), e.getMessage());
        assertTrue(e.getMessage().contains("stem_conv/kernel: file [3, 3, 3, 40], network [3, 3, 3, 32]"), e.getMessage());
        assertTrue(e.getMessage().contains("The file fits EfficientNet-B3 (--model b3)"), e.getMessage());
        assertTrue(e.problems().contains("block1b_dwconv: in the file, not in the network"), e.problems().toString());
        // round_filters(320 * 1.2) = 384, round_filters(1280 * 1.2) = 1536
        assertTrue(e.problems().contains("top_conv/kernel: file [1, 1, 384, 1536], network [1, 1, 320, 1280]"), e.problems().toString());
        assertTrue(e.problems().size() > 100, "every mismatch is listed: " + e.problems().size());
        assertTrue(e.getMessage().length() < 2000, "the message stays readable");
        assertEquals(1, e.getMessage().lines().count());

        assertEquals(java.util.Optional.of(OfficialModel.B5), contentsOf(NetworkSpec.official(OfficialModel.B5), true).fittingOfficialModel());
        assertEquals(java.util.Optional.empty(), contentsOf(TINY, true).fittingOfficialModel());
    }

    @Test
    void aFileForAnotherSpecIsRefusedThroughTheReader() throws IOException {
        NetworkSpec wider = new NetworkSpec("wider", 0.5, 0.34, 224, 0.2, 10);
        WeightsFileException e = assertThrows(WeightsFileException.class, () -> KerasH5.read(resource("tiny.h5"), wider, KerasH5.Statistics.AUTO));
        // round_filters(32 * 0.5) = 16 vs round_filters(32 * 0.25) = 8
        assertTrue(e.problems().contains("stem_conv/kernel: file [3, 3, 3, 8], network [3, 3, 3, 16]"), e.problems().toString());
        assertTrue(e.getMessage().startsWith("tiny.h5 does not fit wider"), e.getMessage());

        // depth 0.7: stage 3 has ceil(0.7 * 2) = 2 blocks, the file (depth 0.34) ceil(0.68) = 1
        NetworkSpec deeper = new NetworkSpec("deeper", 0.25, 0.7, 224, 0.2, 10);
        WeightsFileException d = assertThrows(WeightsFileException.class, () -> KerasH5.read(resource("tiny.h5"), deeper, KerasH5.Statistics.AUTO));
        assertTrue(d.problems().contains("block2b_dwconv: missing from the file"), d.problems().toString());

        // depth 0.5 rounds to the same repeats as 0.34 (1, 1, 1, 2, 2, 2, 1): the same weights fit
        NetworkSpec same = new NetworkSpec("same topology", 0.25, 0.5, 160, 0.2, 10);
        assertTrue(KerasH5.read(resource("tiny.h5"), same, KerasH5.Statistics.AUTO).has("block6b_se_expand", "bias"));
    }

    @Test
    void aClassifierOfAnotherSizeIsNamed() throws IOException {
        WeightsFileException e = assertThrows(WeightsFileException.class,
                () -> KerasH5.read(resource("tiny.h5"), TINY.withClasses(1000), KerasH5.Statistics.AUTO));
        assertEquals(List.of("predictions/kernel: file [320, 10], network [320, 1000]",
                "predictions/bias: file [10], network [1000]"), e.problems());
    }

    @Test
    void unreadableFilesGiveOneClearMessage() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.h5"));
        assertMessage(empty, "is empty (0 bytes)");

        Path text = Files.writeString(dir.resolve("notes.h5"), "these are not weights\n");
        assertMessage(text, "is not an HDF5 file");

        Path html = Files.writeString(dir.resolve("page.h5"), "<!DOCTYPE html><html>Not Found</html>");
        assertMessage(html, "HTML");

        Path zip = Files.write(dir.resolve("model.keras"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0});
        assertMessage(zip, "zip archive");

        assertMessage(dir.resolve("nope.h5"), "not found");
        assertMessage(dir, "is a folder");

        byte[] good = Files.readAllBytes(resource("tiny.h5"));
        Path truncated = Files.write(dir.resolve("truncated.h5"), Arrays.copyOf(good, good.length / 2));
        assertMessage(truncated, "is truncated: it has " + good.length / 2 + " bytes, its header says " + good.length);

        // the superblock's root group address pointed into nowhere
        byte[] corrupt = good.clone();
        for (int i = 64; i < 2048; i++) corrupt[i] = (byte) 0xA5;
        assertMessage(Files.write(dir.resolve("corrupt.h5"), corrupt), "cannot read");

        // a valid HDF5 file that is not a Keras weights file
        Path other = dir.resolve("other.h5");
        try (WritableHdfFile h5 = HdfFile.write(other)) {
            h5.putDataset("x", new float[] {1, 2, 3});
        }
        assertMessage(other, "not a Keras legacy weights file");
    }

    private static void assertMessage(Path file, String part) {
        WeightsFileException e = assertThrows(WeightsFileException.class, () -> KerasH5.read(file, TINY, KerasH5.Statistics.AUTO));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void nestingIsRowMajor() {
        float[] flat = new float[2 * 3 * 4];
        for (int i = 0; i < flat.length; i++) flat[i] = i;
        float[][][] n = (float[][][]) KerasH5.nest(flat, new long[] {2, 3, 4});
        assertEquals(23f, n[1][2][3]);
        assertEquals(1 * 12 + 0 * 4 + 2f, n[1][0][2]);
    }
}
