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
                Drawn d = drawOne(random, c, size);
                Path file = dir.resolve(String.format("%s_%03d.png", CLASSES[c], i));
                ImageIO.write(d.image(), "png", file.toFile());
                out.add(new Sample(file, c, d.x0(), d.y0(), d.x1(), d.y1()));
            }
        }
        return out;
    }

    /** One image in memory and where its object is, [x0, y0, x1, y1). */
    public record Drawn(BufferedImage image, int label, int x0, int y0, int x1, int y1) {
    }

    /** The images {@link #write} writes for these arguments, in the same order, in memory (PNG is lossless: the same pixels). */
    public static List<Drawn> draw(int classes, int perClass, int size, long seed) {
        Random random = new Random(seed);
        List<Drawn> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < perClass; i++) out.add(drawOne(random, c, size));
        }
        return out;
    }

    private static Drawn drawOne(Random random, int c, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int[] noise = new int[size * size];
        for (int p = 0; p < noise.length; p++) {
            int g = 90 + random.nextInt(60);
            noise[p] = (g << 16) | (g << 8) | g;
        }
        img.setRGB(0, 0, size, size, noise, 0, size);
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
        return new Drawn(img, c, x0, y0, x0 + s, y0 + s);
    }
}
