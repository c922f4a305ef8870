package org.scalinglab.ui;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * How large the window draws its text, from presenter mode and the window's size. On a desk the font stays at
 * {@value #NORMAL_PX} px (a little smaller only in windows below 1200×700). In presenter mode it follows the window:
 * {@value #PRESENTER_PX} px at 1920×1080, more on larger screens, and never less than {@value #PRESENTER_MIN_PX} px
 * (a 1280×720 projector shows 18 px as large as a 1920×1080 one shows 27 px), so the views reflow around it. Charts
 * drawn by JFreeChart scale with it ({@link #chartScaleProperty()}).
 */
public final class Density {
    public static final double NORMAL_PX = 13;
    public static final double PRESENTER_PX = 20;
    public static final double PRESENTER_MIN_PX = 18;
    public static final double PRESENTER_MAX_PX = 32;
    /** The window size assumed until the real one is known. */
    static final double DEFAULT_WIDTH = 1500;
    static final double DEFAULT_HEIGHT = 940;

    private final ObservableBooleanValue presenter;
    private final ReadOnlyDoubleWrapper fontSize = new ReadOnlyDoubleWrapper(this, "fontSize", NORMAL_PX);
    private final ReadOnlyDoubleWrapper chartScale = new ReadOnlyDoubleWrapper(this, "chartScale", 1);
    private double width = DEFAULT_WIDTH;
    private double height = DEFAULT_HEIGHT;

    public Density(ObservableBooleanValue presenter) {
        this.presenter = presenter;
        presenter.addListener(o -> update());
        update();
    }

    /** The window's content size (the scene's); ignored while it is not laid out yet (0). */
    public void setWindowSize(double w, double h) {
        if (!(w > 0) || !(h > 0)) return;
        width = w;
        height = h;
        update();
    }

    /** The root font size in px. */
    public ReadOnlyDoubleProperty fontSizeProperty() {
        return fontSize.getReadOnlyProperty();
    }

    /** How much larger than on a desk the charts draw their text and marks (1 on a desk, about 1.4–1.6 presenting). */
    public ReadOnlyDoubleProperty chartScaleProperty() {
        return chartScale.getReadOnlyProperty();
    }

    public boolean presenter() {
        return presenter.get();
    }

    private void update() {
        double px = fontPx(presenter.get(), width, height);
        fontSize.set(px);
        chartScale.set(chartScale(presenter.get(), px));
    }

    /** The root font size in px for a window of this size, rounded to half pixels (so a resize restyles seldom). */
    public static double fontPx(boolean presenter, double width, double height) {
        double px;
        if (presenter) {
            double fit = PRESENTER_PX * Math.min(width / 1920, height / 1080);
            // below 1200×700 even 18 px does not fit: shrink with the window, never under the desk size
            double floor = Math.max(NORMAL_PX, PRESENTER_MIN_PX * Math.min(1, Math.min(width / 1200, height / 700)));
            px = Math.max(floor, Math.min(PRESENTER_MAX_PX, fit));
        } else {
            px = Math.max(11, NORMAL_PX * Math.min(1, Math.min(width / 1200, height / 700)));
        }
        return Math.round(px * 2) / 2.0;
    }

    /** Chart text scale for a root font size: 1 on a desk; in presenter mode in step with the font (1.6 at 20 px). */
    public static double chartScale(boolean presenter, double fontPx) {
        return presenter ? fontPx / 12.5 : 1;
    }
}
