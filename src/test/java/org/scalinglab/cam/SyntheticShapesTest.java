package org.scalinglab.cam;

import org.scalinglab.tf.Box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The localisation proof on a network whose weights make the answer known ({@link TinyNet}), until a trained
 * EfficientNet can stand in: bright squares and discs at random positions on noise; the CAM peak of the object class
 * must fall inside the object's box in at least 90% of the images for Grad-CAM. Every method's pointing-game score
 * is printed.
 */
class SyntheticShapesTest {
    private static final int SIZE = 64;

    @Test
    void gradCamPointsAtTheObject() {
        List<LocalizationStudy.Sample> samples = shapes(60, 12345);
        TinyNet net = new TinyNet();
        Map<String, LocalizationStudy.Score> scores = new LinkedHashMap<>();
        for (String name : CamMethods.NAMES) {
            CamMethod method = CamMethods.create(name, () -> TinyNet.DENSE, 16);
            scores.put(name, LocalizationStudy.run(method, net, null, samples, Localization.POINTING_TOLERANCE_PX));
        }
        StringBuilder line = new StringBuilder("peak inside the box (and within 15 px) on 60 synthetic images:");
        scores.values().forEach(s -> line.append(String.format(" %s %.0f%% (%.0f%%, energy %.2f)", s.method(), 100 * s.insideRate(),
                100 * s.pointingRate(), s.meanEnergyInBox())));
        System.out.println(line);
        assertTrue(scores.get("gradcam").insideRate() >= 0.9, line.toString());
        // Grad-CAM and CAM are the same map at a global-average-pool + dense head
        assertEquals(scores.get("cam").inside(), scores.get("gradcam").inside());
        assertEquals(60 * (1 + 3), scores.get("scorecam").forwardImages(), "Score-CAM: one pass per channel, 3 channels");
    }

    /** Noise 0..120 with one bright (200..255) square or disc of side 10..18 at a random position. */
    static List<LocalizationStudy.Sample> shapes(int n, long seed) {
        Random rnd = new Random(seed);
        List<LocalizationStudy.Sample> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            int side = 10 + rnd.nextInt(9);
            int x0 = rnd.nextInt(SIZE - side + 1);
            int y0 = rnd.nextInt(SIZE - side + 1);
            boolean disc = rnd.nextBoolean();
            float[][][] img = new float[SIZE][SIZE][3];
            double cx = x0 + side / 2.0;
            double cy = y0 + side / 2.0;
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    boolean in = x >= x0 && x < x0 + side && y >= y0 && y < y0 + side;
                    if (disc) {
                        double dx = x + 0.5 - cx;
                        double dy = y + 0.5 - cy;
                        in = dx * dx + dy * dy <= side * side / 4.0;
                    }
                    for (int c = 0; c < 3; c++) {
                        img[y][x][c] = in ? 200 + 55 * rnd.nextFloat() : 120 * rnd.nextFloat();
                    }
                }
            }
            out.add(new LocalizationStudy.Sample(img, new Box(x0, y0, x0 + side, y0 + side), 0));
        }
        return out;
    }
}
