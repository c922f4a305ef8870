package org.scalinglab.compare;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.arch.NetworkSpec;
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
}
