package org.scalinglab.app;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Photo-like test pictures. */
public final class TestPhotos {
    private TestPhotos() {
    }

    /** A left-to-right colour gradient with a bright disc in the middle third, so every pixel differs from any heat colour. */
    public static BufferedImage gradientWithDisc(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int x = 0; x < w; x++) {
            g.setColor(new Color(40 + x * 150 / w, 90, 160 - x * 100 / w));
            g.drawLine(x, 0, x, h);
        }
        g.setColor(new Color(250, 230, 60));
        g.fillOval(w / 3, h / 3, w / 3, h / 3);
        g.dispose();
        return img;
    }
}
