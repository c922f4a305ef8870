package org.scalinglab.train;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Turns a decoded image into a square float RGB tensor (pixels 0..255, row-major HWC).
 * Training: random-resized-crop (area 25–100% of the image, aspect 3/4–4/3, as Inception-style crops but with
 * a larger minimum area, which suits short from-scratch runs on small images) and a horizontal flip with
 * probability 1/2. Evaluation: shorter side resized to the size and the centre cropped.
 */
public final class Augmentation {
    private static final double MIN_AREA = 0.25;

    private Augmentation() {
    }

    public static float[] train(BufferedImage image, int size, Random random) {
        int w = image.getWidth();
        int h = image.getHeight();
        for (int attempt = 0; attempt < 10; attempt++) {
            double area = w * h * (MIN_AREA + random.nextDouble() * (1 - MIN_AREA));
            double logRatio = Math.log(3.0 / 4) + random.nextDouble() * (Math.log(4.0 / 3) - Math.log(3.0 / 4));
            double ratio = Math.exp(logRatio);
            int cw = (int) Math.round(Math.sqrt(area * ratio));
            int ch = (int) Math.round(Math.sqrt(area / ratio));
            if (cw > 0 && ch > 0 && cw <= w && ch <= h) {
                int x = random.nextInt(w - cw + 1);
                int y = random.nextInt(h - ch + 1);
                return toTensor(image, x, y, cw, ch, size, random.nextBoolean());
            }
        }
        return evaluation(image, size);
    }

    public static float[] evaluation(BufferedImage image, int size) {
        int s = Math.min(image.getWidth(), image.getHeight());
        return toTensor(image, (image.getWidth() - s) / 2, (image.getHeight() - s) / 2, s, s, size, false);
    }

    static float[] toTensor(BufferedImage image, int x, int y, int cw, int ch, int size, boolean flip) {
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        if (flip) g.drawImage(image, size, 0, 0, size, x, y, x + cw, y + ch, null);
        else g.drawImage(image, 0, 0, size, size, x, y, x + cw, y + ch, null);
        g.dispose();
        int[] rgb = out.getRGB(0, 0, size, size, null, 0, size);
        float[] t = new float[size * size * 3];
        for (int i = 0; i < rgb.length; i++) {
            t[3 * i] = (rgb[i] >> 16) & 0xff;
            t[3 * i + 1] = (rgb[i] >> 8) & 0xff;
            t[3 * i + 2] = rgb[i] & 0xff;
        }
        return t;
    }
}
