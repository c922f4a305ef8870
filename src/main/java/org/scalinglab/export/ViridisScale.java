package org.scalinglab.export;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * Values in [lower, upper] to viridis through five of its published anchor colours (Smith and van der Walt 2015,
 * CC0): readable in grey and by most colour-blind eyes. Values outside the range take the end colours.
 */
public final class ViridisScale implements PaintScale {
    private static final Color[] STOPS = {new Color(0x440154), new Color(0x3b528b), new Color(0x21918c), new Color(0x5ec962),
            new Color(0xfde725)};
    private final double lower;
    private final double upper;

    public ViridisScale(double lower, double upper) {
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        double t = Math.max(0, Math.min(1, (value - lower) / (upper - lower))) * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) Math.floor(t));
        double f = t - i;
        Color a = STOPS[i];
        Color b = STOPS[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }
}
