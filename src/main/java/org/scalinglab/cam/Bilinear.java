package org.scalinglab.cam;

import org.scalinglab.tf.CropGeometry;
/**
 * Bilinear resampling with pixel centres aligned: output pixel i covers [i, i+1) in output units, and its centre
 * i + 0.5 maps to source coordinate (i + 0.5) * in / out - 0.5 (the convention of OpenCV's INTER_LINEAR and
 * PyTorch's align_corners=False). So the centre of map cell r of a 7-row map over 224 rows lands between pixels
 * 32r+15 and 32r+16. Beyond the outer cell centres the edge value is held. Maps are [rows][columns].
 */
public final class Bilinear {

    private Bilinear() {
    }

    /** Resize {@code map} [h][w] to [outHeight][outWidth]. */
    public static float[][] resize(float[][] map, int outHeight, int outWidth) {
        if (outHeight <= 0 || outWidth <= 0) {
            throw new IllegalArgumentException("output size must be positive, got " + outWidth + "x" + outHeight);
        }
        int h = map.length;
        int w = map[0].length;
        float[][] out = new float[outHeight][outWidth];
        for (int i = 0; i < outHeight; i++) {
            double sy = (i + 0.5) * h / outHeight - 0.5;
            for (int j = 0; j < outWidth; j++) {
                double sx = (j + 0.5) * w / outWidth - 0.5;
                out[i][j] = (float) sample(map, sy, sx);
            }
        }
        return out;
    }

    /**
     * Map a heatmap that covers the model's square crop onto the whole original image [height][width].
     * Pixels whose centre lies outside the crop get NaN: no heat there.
     */
    public static float[][] toOriginal(float[][] map, CropGeometry crop) {
        int h = map.length;
        int w = map[0].length;
        float[][] out = new float[crop.originalHeight()][crop.originalWidth()];
        for (int y = 0; y < out.length; y++) {
            double fy = (y + 0.5 - crop.cropY()) / crop.cropSize(); // 0..1 across the crop
            for (int x = 0; x < out[0].length; x++) {
                double fx = (x + 0.5 - crop.cropX()) / crop.cropSize();
                if (fy < 0 || fy >= 1 || fx < 0 || fx >= 1) {
                    out[y][x] = Float.NaN;
                } else {
                    out[y][x] = (float) sample(map, fy * h - 0.5, fx * w - 0.5);
                }
            }
        }
        return out;
    }

    /** The value at source coordinates (row, column), where cell (r, c) has its centre at (r, c). */
    public static double sample(float[][] map, double row, double col) {
        int h = map.length;
        int w = map[0].length;
        double y = Math.max(0, Math.min(h - 1, row));
        double x = Math.max(0, Math.min(w - 1, col));
        int y0 = (int) Math.floor(y);
        int x0 = (int) Math.floor(x);
        int y1 = Math.min(y0 + 1, h - 1);
        int x1 = Math.min(x0 + 1, w - 1);
        double fy = y - y0;
        double fx = x - x0;
        double top = map[y0][x0] * (1 - fx) + map[y0][x1] * fx;
        double bottom = map[y1][x0] * (1 - fx) + map[y1][x1] * fx;
        return top * (1 - fy) + bottom * fy;
    }
}
