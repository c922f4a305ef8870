package org.scalinglab.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * One named thread that runs a view model's work off the FX thread, one piece after another, and the way back to
 * the FX thread. A daemon, so work still running does not keep the application open.
 */
public final class BackgroundWorker implements AutoCloseable {
    private final ExecutorService executor;

    public BackgroundWorker(String threadName) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs after the work submitted before it (a {@link javafx.concurrent.Task} reports back on the FX thread itself). */
    public void submit(Runnable work) {
        executor.execute(work);
    }

    /** From the work: runs {@code update} on the FX thread, unless this worker is closed (its view is gone). */
    public void onFx(Runnable update) {
        if (!isClosed()) Platform.runLater(update);
    }

    public boolean isClosed() {
        return executor.isShutdown();
    }

    /** After {@link #close}: whether the last piece of work has ended. */
    public boolean isTerminated() {
        return executor.isTerminated();
    }

    /** Takes no more work; what was submitted still runs. */
    @Override
    public void close() {
        executor.shutdown();
    }

    /** Closes and waits up to {@code seconds} for the work to end. */
    public void closeAndWait(long seconds) {
        close();
        try {
            executor.awaitTermination(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
