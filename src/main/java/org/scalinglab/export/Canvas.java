package org.scalinglab.export;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;

/** How every painted figure starts: smooth shapes and text, a white page, the title at the top left. */
final class Canvas {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    private Canvas() {
    }

    static void begin(Graphics2D g, double width, double height, String title) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, (int) Math.ceil(width), (int) Math.ceil(height));
        g.setColor(Color.BLACK);
        g.setFont(TITLE);
        g.drawString(title, 10, 20);
    }
}
