package org.scalinglab.train;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A synthetic image-folder dataset for tests: each class is a coloured shape (red disc, green square, blue
 * triangle, yellow ring) drawn at a random known position on grey noise. The boxes are returned so tests can
 * check where a CAM looks.
 */
public final class SyntheticShapes {
    public static final String[] CLASSES = {"disc", "square", "triangle", "ring"};
    private static final Color[] COLOURS = {new Color(220, 40, 40), new Color(40, 200, 60), new Color(50, 80, 230), new Color(230, 210, 40)};

    /** Where the object is, in pixels of the written image: [x0, y0, x1, y1). */
    public record Sample(Path file, int label, int x0, int y0, int x1, int y1) {
    }

    private SyntheticShapes() {
    }

    /** Writes {@code perClass} PNGs per class under root/class/, returns the samples. */
    public static List<Sample> write(Path root, int classes, int perClass, int size, long seed) throws IOException {
        Random random = new Random(seed);
        List<Sample> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            Path dir = Files.createDirectories(root.resolve(CLASSES[c]));
            for (int i = 0; i < perClass; i++) {
                BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        int g = 90 + random.nextInt(60);
                        img.setRGB(x, y, (g << 16) | (g << 8) | g);
                    }
                }
                int s = size / 4 + random.nextInt(size / 8);
                int x0 = random.nextInt(size - s);
                int y0 = random.nextInt(size - s);
                Graphics2D g = img.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setColor(COLOURS[c]);
                switch (c) {
                    case 0 -> g.fillOval(x0, y0, s, s);
                    case 1 -> g.fillRect(x0, y0, s, s);
                    case 2 -> g.fillPolygon(new int[] {x0, x0 + s, x0 + s / 2}, new int[] {y0 + s, y0 + s, y0}, 3);
                    default -> {
                        g.fillOval(x0, y0, s, s);
                        g.setColor(Color.GRAY);
                        g.fillOval(x0 + s / 4, y0 + s / 4, s / 2, s / 2);
                    }
                }
                g.dispose();
                Path file = dir.resolve(String.format("%s_%03d.png", CLASSES[c], i));
                ImageIO.write(img, "png", file.toFile());
                out.add(new Sample(file, c, x0, y0, x0 + s, y0 + s));
            }
        }
        return out;
    }
}
