package org.scalinglab.tf;

import java.util.Arrays;

/** A float tensor as a flat row-major array and its shape: what goes in and out of the translators. */
public record FloatTensor(float[] data, long[] shape) {

    public FloatTensor {
        long n = 1;
        for (long d : shape) n *= d;
        if (n != data.length) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
    }

    /** Stacks [N][H][W][C] images, checking they all have the same size. */
    public static FloatTensor ofImages(float[][][][] images) {
        if (images == null || images.length == 0) throw new IllegalArgumentException("no images given");
        int h = images[0].length;
        int w = h == 0 ? 0 : images[0][0].length;
        int c = w == 0 ? 0 : images[0][0][0].length;
        float[] flat = new float[images.length * h * w * c];
        int i = 0;
        for (int n = 0; n < images.length; n++) {
            if (images[n].length != h) throw new IllegalArgumentException("image " + n + " has " + images[n].length + " rows, image 0 has " + h);
            for (float[][] row : images[n]) {
                if (row.length != w) throw new IllegalArgumentException("image " + n + " has a row of " + row.length + " pixels, expected " + w);
                for (float[] px : row) {
                    if (px.length != c) throw new IllegalArgumentException("image " + n + " has a pixel with " + px.length + " channels, expected " + c);
                    System.arraycopy(px, 0, flat, i, c);
                    i += c;
                }
            }
        }
        return new FloatTensor(flat, new long[] {images.length, h, w, c});
    }

    /** Rows of a [N, K] tensor. */
    public float[][] rows() {
        if (shape.length != 2) throw new IllegalStateException("not a matrix: " + Arrays.toString(shape));
        int n = (int) shape[0], k = (int) shape[1];
        float[][] out = new float[n][k];
        for (int i = 0; i < n; i++) System.arraycopy(data, i * k, out[i], 0, k);
        return out;
    }

    /** Image {@code index} of a [N, H, W, C] tensor as [H][W][C]. */
    public float[][][] image(int index) {
        if (shape.length != 4) throw new IllegalStateException("not NHWC: " + Arrays.toString(shape));
        int h = (int) shape[1], w = (int) shape[2], c = (int) shape[3];
        float[][][] out = new float[h][w][c];
        int i = index * h * w * c;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                System.arraycopy(data, i, out[y][x], 0, c);
                i += c;
            }
        }
        return out;
    }
}
