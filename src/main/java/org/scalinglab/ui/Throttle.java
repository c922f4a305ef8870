package org.scalinglab.ui;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Runs a redraw at most once per interval while its inputs keep changing (a slider dragged), always with the latest
 * values: the first request starts a short pause, later ones within it are absorbed, and the redraw runs at its end.
 */
public final class Throttle {
    private final PauseTransition pause;
    private final Runnable work;
    private boolean pending;

    public Throttle(double millis, Runnable work) {
        this.work = work;
        pause = new PauseTransition(Duration.millis(millis));
        pause.setOnFinished(e -> runNow());
    }

    public void request() {
        if (pending) return;
        pending = true;
        pause.playFromStart();
    }

    /** Runs the pending work at once (tests, screenshots). */
    public void runNow() {
        pause.stop();
        pending = false;
        work.run();
    }
}
