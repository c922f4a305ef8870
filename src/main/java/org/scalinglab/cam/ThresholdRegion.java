package org.scalinglab.cam;

import org.scalinglab.tf.Box;
/**
 * The bounding box of the largest 4-connected region where heat >= threshold, as in Grad-CAM's weakly
 * supervised localisation (Selvaraju et al. 2017, threshold 15% of the maximum, box around the largest segment).
 */
public final class ThresholdRegion {

    private ThresholdRegion() {
    }

    /** @return the box, or null when no pixel reaches the threshold (NaN never does) */
    public static Box largestRegionBox(float[][] heat, double threshold) {
        int h = heat.length;
        int w = heat[0].length;
        int[] label = new int[h * w];
        int[] queue = new int[h * w];
        Box best = null;
        int bestSize = 0;
        int next = 0;
        for (int start = 0; start < h * w; start++) {
            if (label[start] != 0 || !(heat[start / w][start % w] >= threshold)) {
                continue;
            }
            next++;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            label[start] = next;
            int x0 = w;
            int y0 = h;
            int x1 = -1;
            int y1 = -1;
            while (head < tail) {
                int p = queue[head++];
                int y = p / w;
                int x = p % w;
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
                int[][] nb = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
                for (int[] n : nb) {
                    if (Overlay.inside(heat, n[0], n[1], threshold) && label[n[1] * w + n[0]] == 0) {
                        label[n[1] * w + n[0]] = next;
                        queue[tail++] = n[1] * w + n[0];
                    }
                }
            }
            if (tail > bestSize) {
                bestSize = tail;
                best = new Box(x0, y0, x1 + 1, y1 + 1);
            }
        }
        return best;
    }
}
