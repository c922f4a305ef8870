package org.scalinglab.cam;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.train.ImageFolder;
import org.scalinglab.train.SyntheticShapes;
import org.scalinglab.train.Trainer;
import org.scalinglab.train.TrainingConfig;

/**
 * Makes the committed fixture {@code shapes-512.h5} of {@link TrainedShapesCamTest}: a tiny EfficientNet (width 0.1,
 * depth 0.25, 4 classes) trained with the app's own trainer on {@link SyntheticShapes} at 512 px, where top_activation
 * is 16x16 cells of 32 px and the shapes (a quarter to three eighths of the side: 128..191 px) span 4 to 6 cells.
 * At 256 px the same scenes put a shape on 2 to 3 cells; the tiny network's evidence sits on a class-specific part of
 * the shape (a square's corner, a ring's rim), so its peak cell was often the neighbour of the shape's and its centre
 * fell just outside the box (13 of 100 held-out images, every one classified correctly). Training at 512 px took
 * 76 minutes on a busy 2-core machine (load about 10), too long for every test run, so the weights are committed with
 * this program that made them. Run after {@code ./mvnw -o -q test-compile}:
 * <pre>
 * java -Dai.djl.offline=true -cp "target/test-classes:target/classes:target/natives:target/lib/*" \
 *     org.scalinglab.cam.ShapesModelFixture src/test/resources/org/scalinglab/cam
 * </pre>
 * Training runs multi-threaded, so a rerun gives a comparable model, not the same bytes.
 */
public final class ShapesModelFixture {
    static final int SIZE = 512;
    static final NetworkSpec SPEC = new NetworkSpec("shapes", 0.1, 0.25, SIZE, 0.1, 4);
    static final String WEIGHTS = "shapes-512.h5";
    static final String NOTES = "shapes-512.txt";
    /** SyntheticShapes' seed of the training images; held-out images must use other seeds. */
    static final long TRAINING_SEED = 21;
    static final int PER_CLASS = 100;
    static final TrainingConfig CONFIG = new TrainingConfig(16, 16, 0.1, 1, 0.9, 0.1, 1e-5, 0.9, 7, 2);

    private ShapesModelFixture() {
    }

    public static void main(String[] args) throws IOException {
        Path outDir = Path.of(args.length > 0 ? args[0] : "src/test/resources/org/scalinglab/cam");
        Path work = Files.createTempDirectory("shapes-fixture");
        SyntheticShapes.write(work.resolve("data"), 4, PER_CLASS, SIZE, TRAINING_SEED);
        ImageFolder data = ImageFolder.open(work.resolve("data"), 0.15, 0, 3);
        TrainingConfig config = CONFIG;
        long t0 = System.nanoTime();
        Trainer.Result r = Trainer.train(SPEC, data, config, work.resolve("out"), p -> {
            if (p.epochEnd()) System.out.println(p.line());
        }, () -> false);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Files.createDirectories(outDir);
        Files.copy(r.weights(), outDir.resolve(WEIGHTS), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String notes = String.format(Locale.ROOT, """
                        # made by org.scalinglab.cam.ShapesModelFixture (see its comment for the command)
                        network: width %s, depth %s, %d px, %d classes
                        data: SyntheticShapes.write(dir, 4, %d, %d, %d), 15%% held out for validation
                        training: %s
                        validation top-1: %.4f after %d epochs, %.0f s
                        classes: %s
                        """, SPEC.width(), SPEC.depth(), SIZE, 4, PER_CLASS, SIZE, TRAINING_SEED, config, r.top1(), r.history().size(), seconds,
                String.join(",", data.classes()));
        Files.writeString(outDir.resolve(NOTES), notes, StandardCharsets.UTF_8);
        System.out.print(notes);
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
