package org.scalinglab.app;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.cam.Colormap;
import org.scalinglab.tf.ImagePreprocessor;
import org.scalinglab.tf.KerasWeights;
import org.scalinglab.tf.ModelOptions;
import org.scalinglab.tf.ModelStore;

/** The session's bookkeeping, with a line-up whose models have no weights (so no TensorFlow is needed). */
class ComparisonSessionTest {
    @TempDir Path dir;

    @Test
    void leavesOutNonImagesAndImagesPastTheLimitAndWritesPastes() throws Exception {
        NetworkSpec spec = new NetworkSpec("tiny", 0.25, 0.25, 64, 0.1, 4);
        List<LineupModel> lineup = List.of(LineupModel.missing("A", spec, "not trained yet"), LineupModel.missing("B", spec, "no weights"));
        List<Path> images = new ArrayList<>();
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        images.add(text);
        for (int i = 0; i < ComparisonSession.MAX_IMAGES + 1; i++) {
            Path p = dir.resolve("img" + i + ".png");
            ImageIO.write(new BufferedImage(20 + i, 10, BufferedImage.TYPE_INT_RGB), "png", p.toFile());
            images.add(p);
        }
        Path paste = Files.createTempFile(dir, "pasted-", ".png");     // empty until the session writes it
        images.add(1, paste);
        BufferedImage pasted = new BufferedImage(7, 9, BufferedImage.TYPE_INT_RGB);
        pasted.setRGB(3, 4, 0x123456);

        try (ComparisonSession s = new ComparisonSession(new ModelStore(dir, URI.create("http://127.0.0.1:9/"), Map.of()),
                ModelOptions.defaults().withCacheDir(dir))) {
            ComparisonSession.Outcome o = s.run(new ComparisonSession.Request("given", lineup, images, Map.of(paste, pasted),
                    List.of(), true, ComparisonRunner.Settings.defaults()), (d, t, m) -> { }, () -> false);
            assertEquals(ComparisonSession.MAX_IMAGES, o.images().size());
            assertEquals(paste, o.images().get(0));
            assertEquals(0x123456, ImageIO.read(paste.toFile()).getRGB(3, 4) & 0xffffff, "the pasted pixels were written");
            assertEquals(3, o.problems().size(), String.valueOf(o.problems()));   // the paste and 9 photos: 2 too many
            assertTrue(o.problems().get(0).startsWith("notes.txt is not an image"), o.problems().get(0));
            assertTrue(o.problems().get(1).startsWith("At most 8 images at once: img7.png was left out"), o.problems().get(1));
            assertTrue(o.problems().get(2).startsWith("At most 8 images at once: img8.png was left out"), o.problems().get(2));
            assertEquals(8, o.result().rows().size());
            assertEquals("no weights", o.result().rows().get(3).cells().get(1).note());
            assertNull(o.result().rows().get(3).cells().get(1).overlay());

            // the same images again without a reason to run: nothing runs
            ComparisonSession.Outcome again = s.run(new ComparisonSession.Request("given", lineup, o.images(), Map.of(),
                    o.images(), false, ComparisonRunner.Settings.defaults()), (d, t, m) -> { }, () -> false);
            assertTrue(again.unchanged());
            assertNull(again.result());
        }
    }

    /** Each image is decoded once for a comparison, and not again when only the method or the class changes. */
    @Test
    void everyImageIsDecodedOncePerComparison() throws Exception {
        NetworkSpec spec = new NetworkSpec("tiny", 0.25, 0.25, 48, 0.1, 4);
        List<LineupModel> lineup = List.of(new LineupModel("A", spec, List.of("a", "b", "c", "d"), KerasWeights.random(spec, 1), null),
                new LineupModel("B", spec.withResolution(64), List.of("a", "b", "c", "d"), KerasWeights.random(spec, 2), null));
        List<Path> images = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path p = dir.resolve("photo" + i + ".png");
            ImageIO.write(new BufferedImage(90 + i, 60, BufferedImage.TYPE_INT_RGB), "png", p.toFile());
            images.add(p);
        }
        Map<Path, Integer> decodes = new HashMap<>();
        ComparisonSession.Decoder counting = file -> {
            decodes.merge(file, 1, Integer::sum);
            return ImagePreprocessor.decode(file);
        };
        try (ComparisonSession s = new ComparisonSession(new ModelStore(dir, URI.create("http://127.0.0.1:9/"), Map.of()),
                ModelOptions.defaults().withCacheDir(dir.resolve("cache")), counting)) {
            ComparisonSession.Outcome first = s.run(new ComparisonSession.Request("given", lineup, images, Map.of(), List.of(), true,
                    ComparisonRunner.Settings.defaults()), (d, t, m) -> { }, () -> false);
            assertEquals(6, first.result().rows().stream().mapToLong(r -> r.cells().stream().filter(c -> c.overlay() != null).count()).sum());
            assertEquals(Map.of(images.get(0), 1, images.get(1), 1, images.get(2), 1), decodes, "one decode per image for two models");

            ComparisonRunner.Settings eigen = new ComparisonRunner.Settings("eigencam", "top_activation", null, Colormap.JET, 0.5, org.scalinglab.cam.Heatmap.Scaling.SHARED, 8);
            s.run(new ComparisonSession.Request("given", lineup, images, Map.of(), images, true, eigen), (d, t, m) -> { }, () -> false);
            assertEquals(Map.of(images.get(0), 1, images.get(1), 1, images.get(2), 1), decodes, "another method decodes nothing again");
        }
    }

    /** Before the first photo, the models with weights load and run once, so the first photo is quick; a cancel stops it. */
    @Test
    void withoutImagesTheModelsGetReady() throws Exception {
        NetworkSpec spec = new NetworkSpec("tiny", 0.25, 0.25, 48, 0.1, 4);
        List<LineupModel> lineup = List.of(new LineupModel("A", spec, List.of("a", "b", "c", "d"), KerasWeights.random(spec, 1), null),
                LineupModel.missing("B", spec.withResolution(64), "not trained yet"));
        Path cache = dir.resolve("cache");
        List<String> messages = new ArrayList<>();
        ModelStore store = new ModelStore(dir, URI.create("http://127.0.0.1:9/"), Map.of());
        try (ComparisonSession s = new ComparisonSession(store, ModelOptions.defaults().withCacheDir(cache))) {
            ComparisonSession.Outcome o = s.run(new ComparisonSession.Request("given", lineup, List.of(), Map.of(), List.of(), true,
                    ComparisonRunner.Settings.defaults()), (d, t, m) -> messages.add(m), () -> true);
            assertNull(o.result());
            assertFalse(Files.exists(cache), "cancelled before the first model: nothing loaded");
        }
        try (ComparisonSession s = new ComparisonSession(store, ModelOptions.defaults().withCacheDir(cache))) {
            ComparisonSession.Outcome o = s.run(new ComparisonSession.Request("given", lineup, List.of(), Map.of(), List.of(), true,
                    ComparisonRunner.Settings.defaults()), (d, t, m) -> messages.add(m), () -> false);
            assertNull(o.result());
            assertTrue(o.problems().isEmpty(), String.valueOf(o.problems()));
            assertEquals(2, o.models().size());
            assertTrue(messages.contains("Getting the models ready…"), String.valueOf(messages));
            try (var exported = Files.list(cache)) {
                assertEquals(1, exported.count(), "model A exported and loaded; B has no weights");
            }
        }
    }
}
