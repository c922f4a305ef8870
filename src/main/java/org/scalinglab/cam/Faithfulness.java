package org.scalinglab.cam;

import org.scalinglab.tf.Box;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Faithfulness metrics of a saliency map, run through the model: deletion and insertion curves with their AUC,
 * the confidence change on the explanation map and, given a box, the pointing game and the energy in the box.
 * Pixels are ranked by saliency (highest first, ties in raster order) and changed in {@code steps} equal
 * portions; every step is one image, run in batches. Deletion turns pixels into the deletion baseline (black by
 * default, pixel value 0); insertion starts from the insertion baseline (a Gaussian blur of the image by
 * default, as RISE does, so that the curve does not start at a meaningless all-black image) and puts the
 * original pixels back.
 */
public final class Faithfulness {

    public enum Baseline {
        /** pixel value 0 */
        BLACK,
        /** the image blurred with a Gaussian of {@code blurSigma} pixels */
        BLUR
    }

    /**
     * @param steps     portions the pixels are changed in; the curves have steps + 1 points
     * @param batchSize images per model call
     * @param blurSigma Gaussian sigma in pixels for {@link Baseline#BLUR} (2*ceil(sigma)+1 taps; RISE: 11 taps, sigma 5)
     */
    public record Options(int steps, int batchSize, Baseline deletionBaseline, Baseline insertionBaseline, double blurSigma,
                          int pointingTolerancePx) {
        public Options {
            if (steps < 1 || batchSize < 1) {
                throw new IllegalArgumentException("steps and batch size must be >= 1, got " + steps + " and " + batchSize);
            }
            if (!(blurSigma > 0)) {
                throw new IllegalArgumentException("blur sigma must be positive, got " + blurSigma);
            }
            if (pointingTolerancePx < 0) {
                throw new IllegalArgumentException("pointing tolerance must be >= 0, got " + pointingTolerancePx);
            }
        }

        public static Options defaults() {
            return new Options(50, 16, Baseline.BLACK, Baseline.BLUR, 5.0, Localization.POINTING_TOLERANCE_PX);
        }
    }

    private Faithfulness() {
    }

    /**
     * @param saliency the map scaled to [0, 1], at any size (it is upsampled to the image with {@link Bilinear})
     * @param box      the object in model-input pixels, or null
     */
    public static FaithfulnessReport evaluate(CamSource source, float[][][] image, float[][] saliency, int classIndex, Box box,
                                              Options options) {
        CountingSource counted = new CountingSource(source);
        float[][] s = toImageSize(saliency, image);
        PerturbationCurve deletion = deletion(counted, image, s, classIndex, options);
        PerturbationCurve insertion = insertion(counted, image, s, classIndex, options);
        ConfidenceChange confidence = confidenceChange(counted, image, s, classIndex);
        Boolean inside = box == null ? null : Localization.pointingHit(s, box, 0);
        Boolean hit = box == null ? null : Localization.pointingHit(s, box, options.pointingTolerancePx());
        Double energy = box == null ? null : Localization.energyInBox(s, box);
        return new FaithfulnessReport(classIndex, deletion, insertion, confidence, box, inside, hit, energy, options, counted.images(),
                counted.calls());
    }

    public static PerturbationCurve deletion(CamSource source, float[][][] image, float[][] saliency, int classIndex, Options o) {
        return curve("deletion", source, image, baseline(image, o.deletionBaseline(), o), toImageSize(saliency, image), classIndex, o);
    }

    public static PerturbationCurve insertion(CamSource source, float[][][] image, float[][] saliency, int classIndex, Options o) {
        return curve("insertion", source, baseline(image, o.insertionBaseline(), o), image, toImageSize(saliency, image), classIndex, o);
    }

    /** Y on the image and O on image x saliency, in one model call. */
    public static ConfidenceChange confidenceChange(CamSource source, float[][][] image, float[][] saliency, int classIndex) {
        float[][] s = toImageSize(saliency, image);
        float[][] p = source.probabilities(new float[][][][] {image, ScoreCam.masked(image, s)});
        return new ConfidenceChange(p[0][classIndex], p[1][classIndex]);
    }

    /** Start from {@code from}; at step i the first round(i * pixels / steps) ranked pixels take their value in {@code to}. */
    private static PerturbationCurve curve(String kind, CamSource source, float[][][] from, float[][][] to, float[][] saliency,
                                           int classIndex, Options o) {
        int h = from.length;
        int w = from[0].length;
        int pixels = h * w;
        int[] order = ranking(saliency);
        double[] fraction = new double[o.steps() + 1];
        double[] score = new double[o.steps() + 1];
        for (int start = 0; start <= o.steps(); start += o.batchSize()) {
            int n = Math.min(o.batchSize(), o.steps() + 1 - start);
            float[][][][] batch = new float[n][][][];
            for (int b = 0; b < n; b++) {
                int step = start + b;
                int changed = (int) Math.round((double) step * pixels / o.steps());
                fraction[step] = (double) changed / pixels;
                float[][][] img = copy(from);
                for (int r = 0; r < changed; r++) {
                    int p = order[r];
                    img[p / w][p % w] = to[p / w][p % w].clone();
                }
                batch[b] = img;
            }
            float[][] probs = source.probabilities(batch);
            for (int b = 0; b < n; b++) {
                score[start + b] = probs[b][classIndex];
            }
        }
        return new PerturbationCurve(kind, fraction, score, PerturbationCurve.trapezoid(fraction, score));
    }

    /** Pixel indices (row * width + column) from the most to the least salient; ties keep raster order. */
    static int[] ranking(float[][] saliency) {
        int w = saliency[0].length;
        Integer[] idx = new Integer[saliency.length * w];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble((Integer p) -> {
            float v = saliency[p / w][p % w];
            return Float.isNaN(v) ? Double.POSITIVE_INFINITY : -v;
        }));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    private static float[][][] baseline(float[][][] image, Baseline b, Options o) {
        if (b == Baseline.BLUR) {
            return GaussianBlur.blur(image, o.blurSigma());
        }
        return new float[image.length][image[0].length][image[0][0].length];
    }

    private static float[][] toImageSize(float[][] saliency, float[][][] image) {
        if (saliency.length == image.length && saliency[0].length == image[0].length) {
            return saliency;
        }
        return Bilinear.resize(saliency, image.length, image[0].length);
    }

    private static float[][][] copy(float[][][] image) {
        float[][][] out = new float[image.length][image[0].length][];
        for (int i = 0; i < image.length; i++) {
            for (int j = 0; j < image[0].length; j++) {
                out[i][j] = image[i][j].clone();
            }
        }
        return out;
    }
}
