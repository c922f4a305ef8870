package org.scalinglab.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.io.Messages;
import org.scalinglab.tf.KerasH5;
import org.scalinglab.tf.KerasWeights;

/**
 * The resumable state of a training run in its output folder, rewritten after every epoch:
 * {@code checkpoint.h5} (weights in the Keras layout, loadable like official weights), {@code checkpoint.momentum}
 * (the optimizer's slots) and {@code checkpoint.json} (written last: epochs done, step, history). Each file is
 * written to a temporary name and moved into place, so an interruption leaves the previous checkpoint intact.
 */
public final class Checkpoint {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    /** One finished epoch. */
    public record EpochRecord(int epoch, long step, double loss, double accuracy, double validationTop1, double validationTop5,
                       double seconds, double imagesPerSecond) {
    }

    /** What checkpoint.json holds. */
    record State(double width, double depth, int resolution, int classes, int epochsDone, long step, double seconds,
                 List<String> classNames, List<EpochRecord> history) {
    }

    private final Path dir;

    Checkpoint(Path dir) {
        this.dir = dir;
    }

    Path weightsFile() {
        return dir.resolve("checkpoint.h5");
    }

    boolean exists() {
        return Files.isRegularFile(dir.resolve("checkpoint.json"));
    }

    /**
     * How far a training in {@code dir} has come ("3 epochs done, validation top-1 45.8 %"), when it has a readable
     * checkpoint.
     */
    public static java.util.Optional<String> progress(Path dir) {
        Checkpoint c = new Checkpoint(dir);
        if (!c.exists()) return java.util.Optional.empty();
        try {
            State s = c.state();
            String line = s.epochsDone() + (s.epochsDone() == 1 ? " epoch" : " epochs") + " done";
            if (s.history() != null && !s.history().isEmpty()) {
                line += String.format(java.util.Locale.ROOT, ", validation top-1 %.1f %%", 100 * s.history().get(s.history().size() - 1).validationTop1());
            }
            return java.util.Optional.of(line);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** The epochs finished by a training in {@code dir}, oldest first, when it has a readable checkpoint. */
    public static java.util.Optional<List<EpochRecord>> finishedEpochs(Path dir) {
        Checkpoint c = new Checkpoint(dir);
        if (!c.exists()) return java.util.Optional.empty();
        try {
            State s = c.state();
            return java.util.Optional.of(s.history() == null ? List.of() : List.copyOf(s.history()));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    State state() throws IOException {
        try {
            State s = GSON.fromJson(Files.readString(dir.resolve("checkpoint.json"), StandardCharsets.UTF_8), State.class);
            if (s == null) throw new IOException("empty");
            return s;
        } catch (RuntimeException e) {
            throw new IOException(dir.resolve("checkpoint.json") + " is damaged (" + Messages.jsonProblem(e) + "); delete the checkpoint files to start over", e);
        }
    }

    /** Throws when the checkpoint belongs to another network. */
    void checkMatches(State s, NetworkSpec spec) {
        if (s.width() != spec.width() || s.depth() != spec.depth() || s.resolution() != spec.resolution() || s.classes() != spec.classes()) {
            throw new IllegalArgumentException("the checkpoint in " + dir + " is for width " + s.width() + ", depth " + s.depth()
                    + ", " + s.resolution() + " px, " + s.classes() + " classes, not " + spec + "; use another --out folder");
        }
    }

    KerasWeights weights(NetworkSpec spec) {
        return KerasH5.read(weightsFile(), spec, KerasH5.Statistics.AS_STORED);
    }

    Map<String, float[]> momentum() throws IOException {
        Map<String, float[]> out = new LinkedHashMap<>();
        Path f = dir.resolve("checkpoint.momentum");
        if (!Files.exists(f)) return out;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f)))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                float[] v = new float[in.readInt()];
                for (int j = 0; j < v.length; j++) v[j] = in.readFloat();
                out.put(key, v);
            }
        } catch (EOFException e) {
            throw new IOException("the optimizer state " + f + " is truncated; delete the checkpoint to start over", e);
        }
        return out;
    }

    void save(NetworkSpec spec, KerasWeights weights, Map<String, float[]> momentum, State state) throws IOException {
        Files.createDirectories(dir);
        Path h5 = dir.resolve("checkpoint.h5.tmp");
        KerasH5.write(h5, spec, weights);
        Path mom = dir.resolve("checkpoint.momentum.tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(mom)))) {
            out.writeInt(momentum.size());
            for (Map.Entry<String, float[]> e : momentum.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                for (float f : e.getValue()) out.writeFloat(f);
            }
        }
        Path json = dir.resolve("checkpoint.json.tmp");
        Files.writeString(json, GSON.toJson(state), StandardCharsets.UTF_8);
        Files.move(h5, weightsFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(mom, dir.resolve("checkpoint.momentum"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(json, dir.resolve("checkpoint.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static State fresh(NetworkSpec spec, List<String> classNames) {
        return new State(spec.width(), spec.depth(), spec.resolution(), spec.classes(), 0, 0, 0, classNames, new ArrayList<>());
    }
}
