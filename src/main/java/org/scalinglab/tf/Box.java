package org.scalinglab.tf;

/** A pixel box, half-open: columns x0 <= x < x1, rows y0 <= y < y1. */
public record Box(int x0, int y0, int x1, int y1) {

    public Box {
        if (x1 < x0 || y1 < y0) {
            throw new IllegalArgumentException("box corners out of order: (" + x0 + "," + y0 + ")-(" + x1 + "," + y1 + ")");
        }
    }

    /** The box cut to [0, width) x [0, height). */
    public static Box clipped(int x0, int y0, int x1, int y1, int width, int height) {
        int cx0 = Math.max(0, Math.min(width, x0));
        int cy0 = Math.max(0, Math.min(height, y0));
        return new Box(cx0, cy0, Math.max(cx0, Math.min(width, x1)), Math.max(cy0, Math.min(height, y1)));
    }

    public boolean contains(int x, int y) {
        return x >= x0 && x < x1 && y >= y0 && y < y1;
    }

    public int width() {
        return x1 - x0;
    }

    public int height() {
        return y1 - y0;
    }

    public long area() {
        return (long) width() * height();
    }
}
