package org.scalinglab.ui.cam;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.app.LineupModel;
import org.scalinglab.tf.KerasWeights;
import org.scalinglab.tf.ModelStore;
import org.scalinglab.tf.OfficialWeights;
import org.testfx.util.WaitForAsyncUtils;

/** What the tests of the CAM tab and of the window's scenarios share: a tiny line-up, an offline store, photos. */
public final class CamFixtures {
    public static final List<String> CLASSES = List.of("circle", "square", "triangle", "cross");
    public static final NetworkSpec A = new NetworkSpec("tiny-a", 0.25, 0.25, 64, 0.1, 4);
    public static final NetworkSpec B = new NetworkSpec("tiny-b", 0.25, 0.25, 80, 0.1, 4);
    /** Two tiny random-weight networks and one without weights. */
    public static final List<LineupModel> LINEUP = List.of(
            new LineupModel("Tiny A", A, CLASSES, KerasWeights.random(A, 1), null),
            new LineupModel("Tiny B", B, CLASSES, KerasWeights.random(B, 2), null),
            LineupModel.missing("Width only", A.withName("tiny-w"), "no weights in this test"));

    private CamFixtures() {
    }

    public static ModelStore offlineStore(Path dir) {
        // port 9 (discard) on the loopback: nothing listens, the connection is refused at once
        return new ModelStore(dir.resolve("models"), URI.create("http://127.0.0.1:9/"), OfficialWeights.md5s());
    }

    public static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A photo-like picture: a gradient with a bright disc, so every pixel differs from any heat colour. */
    public static Path photo(Path dir, String name, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int x = 0; x < w; x++) {
            g.setColor(new Color(40 + x * 150 / w, 90, 160 - x * 100 / w));
            g.drawLine(x, 0, x, h);
        }
        g.setColor(new Color(250, 230, 60));
        g.fillOval(w / 3, h / 3, w / 3, h / 3);
        g.dispose();
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }
}
