package org.scalinglab.cam;

import org.scalinglab.tf.Box;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Heat over an image: alpha blending, threshold contour, box. Headless (java.awt.image only). */
public final class Overlay {

    private Overlay() {
    }

    /**
     * out = (1 - alpha) * image + alpha * colormap(heat) per pixel; NaN heat leaves the image as it is.
     *
     * @param heat [height][width] of {@code image}, values in [0, 1]
     */
    public static BufferedImage blend(BufferedImage image, float[][] heat, Colormap colormap, double alpha) {
        requireSameSize(image, heat);
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int base = image.getRGB(x, y);
                float v = heat[y][x];
                if (Float.isNaN(v)) {
                    out.setRGB(x, y, base & 0xFFFFFF);
                    continue;
                }
                int c = colormap.rgb(v);
                out.setRGB(x, y, (mix(base >> 16, c >> 16, alpha) << 16) | (mix(base >> 8, c >> 8, alpha) << 8) | mix(base, c, alpha));
            }
        }
        return out;
    }

    /** Paint the pixels of the region heat >= threshold that touch (4-neighbourhood) a pixel outside it. */
    public static void drawContour(BufferedImage image, float[][] heat, double threshold, Color color) {
        requireSameSize(image, heat);
        int h = heat.length;
        int w = heat[0].length;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (inside(heat, x, y, threshold) && (!inside(heat, x - 1, y, threshold) || !inside(heat, x + 1, y, threshold)
                        || !inside(heat, x, y - 1, threshold) || !inside(heat, x, y + 1, threshold))) {
                    image.setRGB(x, y, color.getRGB());
                }
            }
        }
    }

    public static void drawBox(BufferedImage image, Box box, Color color) {
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(color);
            g.setStroke(new BasicStroke(2f));
            g.drawRect(box.x0(), box.y0(), Math.max(0, box.width() - 1), Math.max(0, box.height() - 1));
        } finally {
            g.dispose();
        }
    }

    static boolean inside(float[][] heat, int x, int y, double threshold) {
        return y >= 0 && y < heat.length && x >= 0 && x < heat[0].length && heat[y][x] >= threshold; // NaN: false
    }

    private static int mix(int base, int color, double alpha) {
        return (int) Math.round((1 - alpha) * (base & 0xFF) + alpha * (color & 0xFF));
    }

    private static void requireSameSize(BufferedImage image, float[][] heat) {
        if (heat.length != image.getHeight() || heat[0].length != image.getWidth()) {
            throw new IllegalArgumentException("heat is " + heat[0].length + " wide x " + heat.length + " high but the image is "
                    + image.getWidth() + " x " + image.getHeight());
        }
    }
}
