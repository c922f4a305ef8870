package org.scalinglab.cam;

import org.scalinglab.tf.Box;
import java.util.Random;
import org.scalinglab.tf.CamData;
import org.scalinglab.tf.EfficientNetModel;

/**
 * A toy two-class "model" whose answer is known: the logit of class 0 is 8 * m - 4, where m is the mean pixel
 * (0..1) of one 8x8 region of a 32x32 image; class 1's logit is 0. Its "layer" is a 4x4 grid with 16 channels:
 * channel k is the mean of cell k (row-major) at that cell and 0 elsewhere, so the region is cell 6 and the
 * class-0 logit is 8 * A[1][2][6] - 4, whose gradient is 8 at that one entry.
 */
final class RegionModel implements CamSource {
    static final int SIZE = 32;
    static final int CELL = 8;
    static final int GRID = SIZE / CELL;
    static final Box REGION = new Box(16, 8, 24, 16); // columns 16..23, rows 8..15: cell (1, 2)

    int probabilityImages;

    @Override
    public CamData camData(float[][][] image, String layer, int classIndex) {
        float[] logits = logits(image);
        int cls = classIndex == EfficientNetModel.TOP1 ? CamSource.argmax(logits) : classIndex;
        float[][][] a = new float[GRID][GRID][GRID * GRID];
        float[][][] g = new float[GRID][GRID][GRID * GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                a[i][j][i * GRID + j] = (float) mean(image, new Box(j * CELL, i * CELL, (j + 1) * CELL, (i + 1) * CELL));
            }
        }
        if (cls == 0) {
            g[1][2][6] = 8;
        }
        return new CamData(logits, a, g, layer, cls);
    }

    @Override
    public float[][] probabilities(float[][][][] batch) {
        probabilityImages += batch.length;
        float[][] p = new float[batch.length][];
        for (int b = 0; b < batch.length; b++) {
            float[] z = logits(batch[b]);
            double e0 = Math.exp(z[0]);
            double e1 = Math.exp(z[1]);
            p[b] = new float[] {(float) (e0 / (e0 + e1)), (float) (e1 / (e0 + e1))};
        }
        return p;
    }

    static float[] logits(float[][][] image) {
        return new float[] {(float) (8 * mean(image, REGION) - 4), 0};
    }

    static double mean(float[][][] image, Box box) {
        double s = 0;
        for (int y = box.y0(); y < box.y1(); y++) {
            for (int x = box.x0(); x < box.x1(); x++) {
                for (float v : image[y][x]) {
                    s += v;
                }
            }
        }
        return s / (box.area() * 3 * 255.0);
    }

    /** Dark noise (0..100) with the region bright (230..255). */
    static float[][][] image(long seed) {
        Random rnd = new Random(seed);
        float[][][] img = new float[SIZE][SIZE][3];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                boolean in = REGION.contains(x, y);
                for (int c = 0; c < 3; c++) {
                    img[y][x][c] = in ? 230 + 25 * rnd.nextFloat() : 100 * rnd.nextFloat();
                }
            }
        }
        return img;
    }
}
