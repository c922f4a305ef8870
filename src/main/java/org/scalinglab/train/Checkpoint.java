package org.scalinglab.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.io.AtomicFiles;
import org.scalinglab.io.FileDigest;
import org.scalinglab.io.Messages;
import org.scalinglab.tf.KerasH5;
import org.scalinglab.tf.KerasWeights;

/**
 * The resumable state of a training run in its output folder, committed as one unit after every epoch. The parts,
 * {@code checkpoint-e<N>.h5} (weights in the Keras layout, loadable like official weights) and
 * {@code checkpoint-e<N>.momentum} (the optimizer's slots), are written under names of their own epoch; then
 * {@code checkpoint.json} (epochs done, history, the run's settings, and each part's size and SHA-256) replaces the
 * previous one in a single rename; only then are the previous epoch's parts deleted. An interruption at any moment
 * leaves one complete checkpoint, and a part that does not match its record is refused by name.
 */
public final class Checkpoint {
    static final int FORMAT = 2;
    private static final String MANIFEST = "checkpoint.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    /** One finished epoch. */
    public record EpochRecord(int epoch, long step, double loss, double accuracy, double validationTop1, double validationTop5,
                       double seconds, double imagesPerSecond) {
    }

    /** A file of the checkpoint as the manifest records it. */
    record Part(String file, long size, String sha256) {
    }

    /**
     * What checkpoint.json holds. {@code format} is 2 ({@code settings} and {@code parts} set) or absent for the
     * checkpoints of earlier versions (checkpoint.h5 and checkpoint.momentum, not checked).
     */
    record State(Integer format, double width, double depth, int resolution, int classes, int epochsDone, long step, double seconds,
                 List<String> classNames, List<EpochRecord> history, RunSettings settings, Part weights, Part momentum) {
        boolean legacy() {
            return format == null;
        }
    }

    private final Path dir;

    Checkpoint(Path dir) {
        this.dir = dir;
    }

    boolean exists() {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /**
     * How far a training in {@code dir} has come ("3 epochs done, validation top-1 45.8 %"), when it has a readable
     * checkpoint.
     */
    public static Optional<String> progress(Path dir) {
        Checkpoint c = new Checkpoint(dir);
        if (!c.exists()) return Optional.empty();
        try {
            State s = c.state();
            List<EpochRecord> h = s.history() == null ? List.of() : s.history();
            String line = s.epochsDone() + (s.epochsDone() == 1 ? " epoch" : " epochs") + " done";
            if (!h.isEmpty()) line += String.format(java.util.Locale.ROOT, ", validation top-1 %.1f %%", 100 * h.get(h.size() - 1).validationTop1());
            return Optional.of(line);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The epochs finished by a training in {@code dir}, oldest first, when it has a readable checkpoint. */
    public static Optional<List<EpochRecord>> finishedEpochs(Path dir) {
        Checkpoint c = new Checkpoint(dir);
        if (!c.exists()) return Optional.empty();
        try {
            State s = c.state();
            return Optional.of(s.history() == null ? List.of() : List.copyOf(s.history()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    State state() throws IOException {
        Path file = dir.resolve(MANIFEST);
        try {
            State s = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), State.class);
            if (s == null) throw new IOException(file + " is empty; delete the checkpoint files to start over");
            if (!s.legacy() && (s.format() != FORMAT || s.weights() == null || s.momentum() == null || s.settings() == null)) {
                throw new IOException(file + " is from another version of Scaling Lab (format " + s.format() + "); use another --out folder");
            }
            return s;
        } catch (RuntimeException e) {
            throw new IOException(file + " is damaged (" + Messages.jsonProblem(e) + "); delete the checkpoint files to start over", e);
        }
    }

    /** Throws when the checkpoint belongs to another network. */
    void checkMatches(State s, NetworkSpec spec) {
        if (s.width() != spec.width() || s.depth() != spec.depth() || s.resolution() != spec.resolution() || s.classes() != spec.classes()) {
            throw new IllegalArgumentException("the checkpoint in " + dir + " is for width " + s.width() + ", depth " + s.depth()
                    + ", " + s.resolution() + " px, " + s.classes() + " classes, not " + spec + "; use another --out folder");
        }
    }

    KerasWeights weights(State s, NetworkSpec spec) throws IOException {
        Path file = s.legacy() ? dir.resolve("checkpoint.h5") : verified(s.weights(), "weights");
        return KerasH5.read(file, spec, KerasH5.Statistics.AS_STORED);
    }

    Map<String, float[]> momentum(State s) throws IOException {
        Path f = s.legacy() ? dir.resolve("checkpoint.momentum") : verified(s.momentum(), "optimizer state");
        Map<String, float[]> out = new LinkedHashMap<>();
        if (s.legacy() && !Files.exists(f)) throw new IOException("the optimizer state " + f + " is missing; delete the checkpoint files to start over");
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f)))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                float[] v = new float[in.readInt()];
                for (int j = 0; j < v.length; j++) v[j] = in.readFloat();
                out.put(key, v);
            }
        } catch (EOFException e) {
            throw new IOException("the optimizer state " + f + " is truncated; delete the checkpoint files to start over", e);
        }
        return out;
    }

    /** The part's file, after checking that it is there with the size and SHA-256 the manifest recorded. */
    private Path verified(Part part, String what) throws IOException {
        Path f = dir.resolve(part.file());
        String fix = "; delete the checkpoint files in " + dir + " to start over";
        if (!Files.isRegularFile(f)) throw new IOException("the checkpoint's " + what + " " + part.file() + " is missing" + fix);
        long size = Files.size(f);
        if (size != part.size()) {
            throw new IOException("the checkpoint's " + what + " " + part.file() + " is damaged (" + size + " bytes, " + part.size() + " recorded)" + fix);
        }
        if (!FileDigest.sha256(f).equals(part.sha256())) throw new IOException("the checkpoint's " + what + " " + part.file() + " is damaged (checksum differs)" + fix);
        return f;
    }

    /** Commits the state after an epoch: new parts, then the manifest in one rename, then the old parts go. */
    void save(NetworkSpec spec, KerasWeights weights, Map<String, float[]> momentum, State state) throws IOException {
        Files.createDirectories(dir);
        String stem = "checkpoint-e" + state.epochsDone();
        Path h5 = dir.resolve(stem + ".h5");
        AtomicFiles.writePath(h5, f -> KerasH5.write(f, spec, weights));
        Path mom = dir.resolve(stem + ".momentum");
        AtomicFiles.write(mom, raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw));
            out.writeInt(momentum.size());
            for (Map.Entry<String, float[]> e : momentum.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                for (float f : e.getValue()) out.writeFloat(f);
            }
            out.flush();
        });
        State committed = new State(FORMAT, state.width(), state.depth(), state.resolution(), state.classes(), state.epochsDone(),
                state.step(), state.seconds(), state.classNames(), state.history(), state.settings(), part(h5), part(mom));
        AtomicFiles.writeString(dir.resolve(MANIFEST), GSON.toJson(committed));
        try (Stream<Path> s = Files.list(dir)) {
            for (Path old : s.filter(p -> isPart(p) && !p.equals(h5) && !p.equals(mom)).toList()) Files.deleteIfExists(old);
        }
    }

    private static boolean isPart(Path p) {
        String n = p.getFileName().toString();
        return n.equals("checkpoint.h5") || n.equals("checkpoint.momentum") || (n.startsWith("checkpoint-e") && (n.endsWith(".h5") || n.endsWith(".momentum")));
    }

    private static Part part(Path f) throws IOException {
        return new Part(f.getFileName().toString(), Files.size(f), FileDigest.sha256(f));
    }

    static State fresh(NetworkSpec spec, List<String> classNames, RunSettings settings) {
        return new State(FORMAT, spec.width(), spec.depth(), spec.resolution(), spec.classes(), 0, 0, 0, classNames, new ArrayList<>(),
                settings, null, null);
    }

    /** The same state one epoch further. */
    static State after(State s, int epochsDone, long step, double seconds, List<EpochRecord> history, RunSettings settings) {
        return new State(FORMAT, s.width(), s.depth(), s.resolution(), s.classes(), epochsDone, step, seconds, s.classNames(),
                history, settings, s.weights(), s.momentum());
    }
}
