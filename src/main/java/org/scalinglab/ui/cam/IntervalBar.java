package org.scalinglab.ui.cam;

import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;

/**
 * A mean and its interval on a shared axis, drawn small inside a table cell: a line from the low to the high end, a
 * dot at the mean, and optionally a dashed line at a reference value (zero for differences). Every bar of a column
 * gets the same axis, so the bars compare by eye.
 */
final class IntervalBar extends Region {
    private final double mean;
    private final double low;
    private final double high;
    private final double[] axis;
    private final Double reference;
    private final Line interval = new Line();
    private final Circle dot = new Circle();
    private final Line zero = new Line();

    /** @param axis the column's {lowest, highest} value */
    IntervalBar(double mean, double low, double high, double[] axis, Double reference) {
        this.mean = mean;
        this.low = low;
        this.high = high;
        this.axis = axis;
        this.reference = reference;
        getStyleClass().add("interval-bar");
        interval.getStyleClass().add("interval-line");
        dot.getStyleClass().add("interval-dot");
        zero.getStyleClass().add("interval-reference");
        zero.setVisible(reference != null);
        interval.setVisible(Double.isFinite(low) && Double.isFinite(high));
        dot.setVisible(Double.isFinite(mean));
        getChildren().addAll(zero, interval, dot);
        setMinHeight(12);
        setPrefHeight(14);
        setPrefWidth(140);
        setMinWidth(80);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double y = h / 2;
        double pad = 5;
        java.util.function.DoubleUnaryOperator x = v -> pad + (v - axis[0]) / (axis[1] - axis[0]) * (w - 2 * pad);
        if (reference != null) {
            double rx = x.applyAsDouble(reference);
            zero.setStartX(rx);
            zero.setEndX(rx);
            zero.setStartY(0);
            zero.setEndY(h);
        }
        if (interval.isVisible()) {
            interval.setStartX(x.applyAsDouble(low));
            interval.setEndX(x.applyAsDouble(high));
            interval.setStartY(y);
            interval.setEndY(y);
        }
        if (dot.isVisible()) {
            dot.setCenterX(x.applyAsDouble(mean));
            dot.setCenterY(y);
            dot.setRadius(Math.max(3, h / 4));
        }
    }

    /** The span of every mean and interval end (and the reference), padded by 5 %. */
    static double[] axis(Iterable<double[]> meanLowHigh, Double reference) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] v : meanLowHigh) {
            for (double d : v) {
                if (Double.isFinite(d)) {
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                }
            }
        }
        if (reference != null) {
            lo = Math.min(lo, reference);
            hi = Math.max(hi, reference);
        }
        if (!Double.isFinite(lo)) return new double[] {0, 1};
        double pad = hi > lo ? 0.05 * (hi - lo) : Math.max(1e-3, Math.abs(lo) * 0.1);
        return new double[] {lo - pad, hi + pad};
    }
}
