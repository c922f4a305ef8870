package org.scalinglab.cam;

/**
 * A deletion or insertion curve (Petsiuk et al., RISE, 2018): the class probability after each step, against the
 * fraction of pixels changed, and its area under the curve by the trapezoid rule over [0, 1].
 * Deletion: lower is better. Insertion: higher is better.
 */
public record PerturbationCurve(String kind, double[] fraction, double[] score, double auc) {

    static double trapezoid(double[] x, double[] y) {
        double area = 0;
        for (int i = 1; i < x.length; i++) {
            area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        }
        return area;
    }
}
