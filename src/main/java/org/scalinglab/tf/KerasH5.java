package org.scalinglab.tf;

import io.jhdf.HdfFile;
import io.jhdf.Superblock;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.object.datatype.FloatingPoint;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.arch.WeightLayout;
import org.scalinglab.io.AtomicFiles;
import org.scalinglab.io.Messages;
import org.scalinglab.scaling.OfficialModel;

/**
 * Keras legacy HDF5 weight files (what Keras 2 {@code save_weights("x.h5")} writes, and what the official
 * {@code efficientnetb{N}.h5} / {@code _notop.h5} are), read and written with the pure-Java jHDF.
 *
 * <p>Layout: root attribute {@code layer_names} (split into {@code layer_names0, 1, ...} when longer than HDF5's
 * 64 KiB attribute limit), one group per layer with attribute {@code weight_names}, and one dataset per weight at
 * {@code layer/weight_name}, e.g. {@code stem_conv/stem_conv/kernel:0}. A full-model file ({@code model.save("x.h5")})
 * holds the same under {@code model_weights/} and is read too. Weights are matched by layer name and the part of the
 * weight name after the last '/' without ":0", never by position.
 *
 * <p>The official files keep standard deviations where the input Normalization's variance belongs
 * (tensorflow#49930). {@link Statistics#AUTO} recognises them by content, the stored mean and "variance" being
 * exactly ImageNet's mean and standard deviation (a real variance of [0,1] pixels is about 0.05, never 0.229), so
 * models fine-tuned from the official files and saved by Keras are recognised too; failing that, by the file's md5
 * being one of the sixteen official ones.
 *
 * <p>Writing produces the same layout for the layers that hold weights (Keras' own files also list weightless layers
 * with an empty {@code weight_names}; jHDF 0.9.4 cannot write an empty attribute, and Keras ignores those layers when
 * loading). h5py reads the result; see KerasH5Test and src/test/python/make_keras_h5_fixture.py.
 */
public final class KerasH5 {
    static {
        // jHDF logs every group it opens at INFO and calls its writer "alpha" at WARN; users should not see that
        String key = "org.slf4j.simpleLogger.log.io.jhdf";
        if (System.getProperty(key) == null) System.setProperty(key, "error");
    }

    /** Keras' limit for one attribute (legacy_h5_format.HDF5_OBJECT_HEADER_LIMIT). */
    static final int HDF5_OBJECT_HEADER_LIMIT = 64512;
    static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final int SHOWN_PROBLEMS = 8;

    /** How to set {@link KerasWeights#imagenetStatistics()}. */
    public enum Statistics {
        /** From the file: ImageNet's std stored as variance, or an official md5. */
        AUTO,
        /** The file stores std as variance (Keras' ImageNet compensation applies). */
        IMAGENET,
        /** The stored variance is a variance (no compensation), e.g. {@code --no-imagenet-fix}. */
        AS_STORED
    }

    /** One weight dataset: layer "stem_conv", short name "kernel", dataset path, shape. */
    public record Entry(String layer, String name, String path, long[] shape) {
    }

    /** The weight datasets of a file by layer, then short weight name, in the file's layer order. */
    public record Contents(Map<String, Map<String, Entry>> layers) {

        public boolean hasTop() {
            return layers.containsKey("predictions");
        }

        /** Classes of the classifier, or 0 for a notop file. */
        public int classes() {
            Entry bias = layers.getOrDefault("predictions", Map.of()).get("bias");
            return bias == null || bias.shape().length != 1 ? 0 : (int) bias.shape()[0];
        }

        /** Every difference to a layout, one line each; empty when the file fits exactly. */
        public List<String> problemsAgainst(WeightLayout layout) {
            List<String> problems = new ArrayList<>();
            List<String> expectedLayers = layout.layers();
            for (String layer : expectedLayers) {
                Map<String, Entry> inFile = layers.get(layer);
                if (inFile == null) {
                    problems.add(layer + ": missing from the file");
                    continue;
                }
                for (WeightLayout.Weight w : layout.of(layer)) {
                    Entry e = inFile.get(w.name());
                    if (e == null) {
                        problems.add(layer + "/" + w.name() + ": missing from the file");
                    } else if (!Arrays.equals(e.shape(), w.shape())) {
                        problems.add(layer + "/" + w.name() + ": file " + Arrays.toString(e.shape()) + ", network "
                                + Arrays.toString(w.shape()));
                    }
                }
                for (String name : inFile.keySet()) {
                    if (layout.of(layer).stream().noneMatch(w -> w.name().equals(name))) {
                        problems.add(layer + "/" + name + ": in the file, not in the network");
                    }
                }
            }
            for (String layer : layers.keySet()) {
                if (!expectedLayers.contains(layer)) problems.add(layer + ": in the file, not in the network");
            }
            return problems;
        }

        /** The official model whose architecture this file fits exactly (with the file's classes), if any. */
        public Optional<OfficialModel> fittingOfficialModel() {
            for (OfficialModel m : OfficialModel.values()) {
                NetworkSpec s = NetworkSpec.official(m);
                if (hasTop() && classes() > 0) s = s.withClasses(classes());
                if (problemsAgainst(WeightLayout.of(s, hasTop())).isEmpty()) return Optional.of(m);
            }
            return Optional.empty();
        }
    }

    private KerasH5() {
    }

    /** What the file holds, without reading the values. */
    public static Contents inspect(Path file) {
        try (HdfFile h5 = open(file)) {
            return contents(h5, file);
        } catch (WeightsFileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw damaged(file, e);
        }
    }

    /**
     * Reads the weights of {@code spec} (with or without the classifier, as the file has it).
     *
     * @throws WeightsFileException naming every layer whose shape differs, or saying why the file is unreadable
     */
    public static KerasWeights read(Path file, NetworkSpec spec, Statistics statistics) {
        try (HdfFile h5 = open(file)) {
            Contents contents = contents(h5, file);
            WeightLayout layout = WeightLayout.of(spec, contents.hasTop());
            List<String> problems = contents.problemsAgainst(layout);
            if (!problems.isEmpty()) throw mismatch(file, spec, contents, problems);
            Map<String, Map<String, float[]>> values = new LinkedHashMap<>();
            for (WeightLayout.Weight w : layout.weights()) {
                Entry e = contents.layers().get(w.layer()).get(w.name());
                float[] v = floats(h5, e);
                int bad = nonFinite(v);
                if (bad > 0) {
                    throw new WeightsFileException(file.getFileName() + ": " + w.layer() + "/" + w.name() + " holds " + bad + " values that"
                            + " are not numbers (NaN or infinite): the file is damaged, or the training that wrote it diverged");
                }
                values.computeIfAbsent(w.layer(), k -> new LinkedHashMap<>()).put(w.name(), v);
            }
            boolean imagenet = switch (statistics) {
                case IMAGENET -> true;
                case AS_STORED -> false;
                case AUTO -> hasImageNetStdAsVariance(values) || isOfficialFile(file);
            };
            return new KerasWeights(values, imagenet);
        } catch (WeightsFileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw damaged(file, e);
        }
    }

    private static int nonFinite(float[] v) {
        int n = 0;
        for (float x : v) if (!Float.isFinite(x)) n++;
        return n;
    }

    /**
     * Writes the weights in the Keras legacy layout (classifier included when the weights have one), through
     * {@link AtomicFiles} (a temporary file, flushed, then renamed), so a crash never leaves a half-written checkpoint under the final name.
     */
    public static void write(Path file, NetworkSpec spec, KerasWeights weights) throws IOException {
        WeightLayout layout = WeightLayout.of(spec, weights.has("predictions", "kernel"));
        weights.checkAgainst(layout);
        AtomicFiles.writePath(file, tmp -> {
            try (WritableHdfFile h5 = HdfFile.write(tmp)) {
                List<String> layers = layout.layers();
                putStrings(h5, "layer_names", layers);
                h5.putAttribute("backend", "tensorflow");
                h5.putAttribute("keras_version", "2.15.0");
                for (String layer : layers.stream().sorted().toList()) {
                    WritableGroup g = h5.putGroup(layer);
                    List<WeightLayout.Weight> ws = layout.of(layer);
                    putStrings(g, "weight_names", ws.stream().map(w -> layer + "/" + w.name() + ":0").toList());
                    WritableGroup inner = g.putGroup(layer);
                    for (WeightLayout.Weight w : ws) {
                        float[] v = weights.get(w.layer(), w.name());
                        Object data = w.name().equals("count") ? (Object) (long) v[0] : nest(v, w.shape());
                        inner.putDataset(w.name() + ":0", data);
                    }
                }
            } catch (RuntimeException e) {
                throw new IOException(Messages.describe(e), e);
            }
        });
    }

    // ---- reading

    private static HdfFile open(Path file) {
        if (!Files.exists(file)) throw new WeightsFileException("weights file not found: " + file);
        if (Files.isDirectory(file)) throw new WeightsFileException(file + " is a folder, not a .h5 weights file");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) throw new WeightsFileException(file + " is empty (0 bytes), not a Keras .h5 weights file");
            long offset = signatureOffset(ch, size);
            if (offset < 0) throw new WeightsFileException(file + " is not an HDF5 file" + guessFormat(ch));
            long end;
            try {
                Superblock sb = Superblock.readSuperblock(ch, offset);
                end = sb.getBaseAddressByte() + sb.getEndOfFileAddress();
            } catch (RuntimeException e) {
                throw new WeightsFileException(file + " is damaged: its HDF5 header cannot be read (" + e.getMessage() + ")", e);
            }
            if (end > size && end > 0) {
                throw new WeightsFileException(file + " is truncated: it has " + size + " bytes, its header says "
                        + end + " (an interrupted download or copy?)");
            }
        } catch (IOException e) {
            throw new WeightsFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new HdfFile(file);
    }

    /** HDF5 puts its signature at 0, 512, 1024, 2048, ... (after a user block). */
    private static long signatureOffset(FileChannel ch, long size) throws IOException {
        for (long at = 0; at + SIGNATURE.length <= size; at = at == 0 ? 512 : at * 2) {
            ByteBuffer b = ByteBuffer.allocate(SIGNATURE.length);
            ch.read(b, at);
            if (Arrays.equals(b.array(), SIGNATURE)) return at;
        }
        return -1;
    }

    private static String guessFormat(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64);
        ch.read(b, 0);
        String head = new String(b.array(), 0, b.position(), StandardCharsets.ISO_8859_1).stripLeading().toLowerCase();
        if (head.startsWith("pk")) return " but a zip archive (a Keras 3 .keras file? save the weights with save_weights(\"x.h5\") in Keras 2 or tf.keras)";
        if (head.startsWith("<")) return " but text or HTML (an error page saved in place of the download?)";
        return " (a Keras .h5 weights file starts with the HDF5 signature)";
    }

    private static Contents contents(HdfFile h5, Path file) {
        Group root = h5;
        if (strings(h5, "layer_names") == null && h5.getChild("model_weights") instanceof Group g) root = g;
        List<String> layerNames = strings(root, "layer_names");
        if (layerNames == null) {
            boolean keras3 = h5.getChild("layers") instanceof Group || h5.getChild("vars") instanceof Group;
            throw new WeightsFileException(file + " is HDF5 but not a Keras legacy weights file (no layer_names attribute)"
                    + (keras3 ? "; it looks like a Keras 3 .weights.h5 file, which is not supported: save with the legacy .h5 format" : ""));
        }
        Map<String, Map<String, Entry>> layers = new LinkedHashMap<>();
        for (String layer : layerNames) {
            if (!(root.getChild(layer) instanceof Group g)) {
                throw new WeightsFileException(file + " is damaged: layer_names lists " + layer + " but there is no such group");
            }
            List<String> weightNames = strings(g, "weight_names");
            if (weightNames == null || weightNames.isEmpty()) continue;
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (String wn : weightNames) {
                if (!(g.getByPath(wn) instanceof Dataset d)) {
                    throw new WeightsFileException(file + " is damaged: " + layer + " lists weight " + wn + " but has no such dataset");
                }
                String shortName = wn.substring(wn.lastIndexOf('/') + 1).replaceFirst(":\\d+$", "");
                long[] shape = Arrays.stream(d.getDimensions()).asLongStream().toArray();
                entries.put(shortName, new Entry(layer, shortName, d.getPath(), shape));
            }
            layers.put(layer, entries);
        }
        return new Contents(layers);
    }

    /** A string-list attribute, also when Keras split it into name0, name1, ...; null when absent. */
    private static List<String> strings(Node node, String name) {
        Map<String, Attribute> attrs = node.getAttributes();
        if (attrs.containsKey(name)) return strings(attrs.get(name), name);
        if (!attrs.containsKey(name + "0")) return null;
        List<String> all = new ArrayList<>();
        for (int i = 0; attrs.containsKey(name + i); i++) all.addAll(strings(attrs.get(name + i), name + i));
        return all;
    }

    private static List<String> strings(Attribute a, String name) {
        if (a.isEmpty() || a.getSize() == 0) return List.of(); // Keras writes an empty float64 array for no weights
        Object data = a.getData();
        if (data instanceof String s) return List.of(s);
        if (data instanceof String[] arr) return List.of(arr);
        throw new WeightsFileException("attribute " + name + " of " + a.getNode().getPath() + " is not a list of names");
    }

    private static float[] floats(HdfFile h5, Entry e) {
        Dataset d = h5.getDatasetByPath(e.path());
        if (d instanceof ContiguousDataset c && d.getDataType() instanceof FloatingPoint fp && fp.getSize() == 4
                && !d.isScalar() && d.getSize() > 0) {
            // jHDF's generic path builds nested arrays element by element; the bytes of a float32 dataset are one copy away
            float[] out = new float[Math.toIntExact(d.getSize())];
            c.getBuffer().order(fp.getByteOrder()).asFloatBuffer().get(out);
            return out;
        }
        Object data = d.isScalar() ? d.getData() : d.getDataFlat();
        if (data instanceof float[] f) return f;
        if (data instanceof Number n) return new float[] {n.floatValue()};
        if (data != null && data.getClass().isArray() && data.getClass().getComponentType().isPrimitive()) {
            int n = Array.getLength(data);
            float[] out = new float[n];
            for (int i = 0; i < n; i++) out[i] = ((Number) Array.get(data, i)).floatValue();
            return out;
        }
        throw new WeightsFileException("dataset " + e.path() + " holds " + d.getJavaType().getSimpleName() + ", not numbers");
    }

    private static boolean hasImageNetStdAsVariance(Map<String, Map<String, float[]>> values) {
        Map<String, float[]> norm = values.get("normalization");
        return norm != null && close(norm.get("mean"), IMAGENET_MEAN) && close(norm.get("variance"), IMAGENET_STD);
    }

    private static boolean close(float[] a, float[] b) {
        if (a == null || a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > 1e-6) return false;
        return true;
    }

    private static boolean isOfficialFile(Path file) {
        try {
            return OfficialWeights.nameOfMd5(OfficialWeights.md5Of(file)) != null;
        } catch (IOException e) {
            return false;
        }
    }

    static WeightsFileException mismatch(Path file, NetworkSpec spec, Contents contents, List<String> problems) {
        StringBuilder sb = new StringBuilder();
        sb.append(file.getFileName()).append(" does not fit ").append(spec).append(": ").append(problems.size())
                .append(problems.size() == 1 ? " difference: " : " differences: ");
        sb.append(String.join("; ", problems.subList(0, Math.min(SHOWN_PROBLEMS, problems.size()))));
        if (problems.size() > SHOWN_PROBLEMS) sb.append("; and ").append(problems.size() - SHOWN_PROBLEMS).append(" more");
        sb.append('.');
        contents.fittingOfficialModel().ifPresent(m -> sb.append(" The file fits EfficientNet-").append(m.name())
                .append(contents.hasTop() && contents.classes() != NetworkSpec.IMAGENET_CLASSES ? " with " + contents.classes() + " classes" : "")
                .append(" (--model ").append(m.id()).append(")."));
        return new WeightsFileException(sb.toString(), problems, null);
    }

    private static WeightsFileException damaged(Path file, RuntimeException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new WeightsFileException("cannot read " + file + ": the file is damaged or uses an HDF5 feature jHDF cannot read ("
                + why + ")", e);
    }

    // ---- writing

    /** Like Keras' save_attributes_to_hdf5_group: one attribute, or name0, name1, ... when it would pass 64 KiB. */
    private static void putStrings(WritableGroup g, String name, List<String> values) {
        int longest = values.stream().mapToInt(s -> s.getBytes(StandardCharsets.UTF_8).length).max().orElse(1);
        int chunks = 1;
        while ((long) Math.ceil(values.size() / (double) chunks) * longest > HDF5_OBJECT_HEADER_LIMIT) chunks++;
        if (chunks == 1) {
            g.putAttribute(name, values.toArray(String[]::new));
            return;
        }
        // numpy.array_split: the first (size % chunks) pieces get one extra element
        int base = values.size() / chunks;
        int extra = values.size() % chunks;
        for (int c = 0, from = 0; c < chunks; c++) {
            int to = from + base + (c < extra ? 1 : 0);
            g.putAttribute(name + c, values.subList(from, to).toArray(String[]::new));
            from = to;
        }
    }

    /** A flat row-major array as the nested Java array jHDF writes with that shape. */
    static Object nest(float[] flat, long[] shape) {
        int[] dims = Arrays.stream(shape).mapToInt(Math::toIntExact).toArray();
        if (dims.length <= 1) return flat.clone();
        Object nested = Array.newInstance(float.class, dims);
        int rowLength = dims[dims.length - 1];
        int rows = flat.length / Math.max(1, rowLength);
        int[] index = new int[dims.length - 1];
        for (int r = 0; r < rows; r++) {
            Object row = nested;
            for (int i : index) row = Array.get(row, i);
            System.arraycopy(flat, r * rowLength, row, 0, rowLength);
            for (int k = index.length - 1; k >= 0; k--) {
                if (++index[k] < dims[k]) break;
                index[k] = 0;
            }
        }
        return nested;
    }
}
