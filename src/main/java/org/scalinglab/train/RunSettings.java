package org.scalinglab.train;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.scalinglab.arch.NetworkSpec;

/**
 * Everything that defines a training run, recorded in its checkpoint so that a rerun on the same folder resumes the
 * same run or is refused, naming what differs. The training images are recorded by count and by a fingerprint of
 * their file names, which also covers the per-class limit, the held-out fraction and its seed.
 */
public record RunSettings(String data, List<String> classes, int trainImages, String trainFingerprint,
                          double width, double depth, int resolution, double dropout,
                          int epochs, int batch, double learningRate, double warmupEpochs, double momentum, double labelSmoothing,
                          double weightDecay, double batchNormMomentum, long seed, double clipNorm) {

    static RunSettings of(NetworkSpec spec, ImageFolder data, TrainingConfig c) {
        return new RunSettings(data.root() == null ? "" : data.root().toAbsolutePath().normalize().toString(), data.classes(),
                data.train().size(), fingerprint(data), spec.width(), spec.depth(), spec.resolution(), spec.dropout(), c.epochs(),
                c.batchSize(), c.learningRate(), c.warmupEpochs(), c.momentum(), c.labelSmoothing(), c.weightDecay(),
                c.batchNormMomentum(), c.seed(), c.gradientClipNorm());
    }

    /** What differs from the recorded run (epochs aside), each as "--lr 0.2 now, 0.05 there"; empty when it is the same run. */
    List<String> differences(RunSettings there) {
        List<String> out = new ArrayList<>();
        differ(out, "data folder", data, there.data);
        differ(out, "classes", classes, there.classes);
        if (trainImages != there.trainImages || !trainFingerprint.equals(there.trainFingerprint)) {
            out.add(trainImages == there.trainImages ? "other training images (the same number, " + trainImages + ")"
                    : "training images " + trainImages + " now, " + there.trainImages + " there (--per-class, --held-out or --seed)");
        }
        Object[][] pairs = {
            {"width", width, there.width}, {"depth", depth, there.depth}, {"resolution", resolution, there.resolution},
            {"dropout", dropout, there.dropout}, {"--batch", batch, there.batch}, {"--lr", learningRate, there.learningRate},
            {"--warmup", warmupEpochs, there.warmupEpochs}, {"momentum", momentum, there.momentum},
            {"label smoothing", labelSmoothing, there.labelSmoothing}, {"weight decay", weightDecay, there.weightDecay},
            {"batch-norm momentum", batchNormMomentum, there.batchNormMomentum}, {"--seed", seed, there.seed},
            {"--clip-norm", clipNorm, there.clipNorm}};
        for (Object[] p : pairs) differ(out, (String) p[0], p[1], p[2]);
        return out;
    }

    private static void differ(List<String> out, String name, Object now, Object there) {
        if (!Objects.equals(now, there)) out.add(String.format(Locale.ROOT, "%s %s now, %s there", name, shorten(now), shorten(there)));
    }

    private static String shorten(Object v) {
        String s = String.valueOf(v);
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** SHA-256 of the training images' names relative to the data folder, in order. */
    private static String fingerprint(ImageFolder data) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (ImageFolder.Item i : data.train()) {
                String name = data.root() == null ? i.file().toString() : data.root().relativize(i.file()).toString();
                md.update((name + "\n" + i.label() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
