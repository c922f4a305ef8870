package org.scalinglab.ui.cam;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.scalinglab.scaling.OfficialModel;
import org.scalinglab.tf.ModelStore;
import org.scalinglab.tf.OfficialWeights;
import org.scalinglab.ui.BackgroundWorker;
import org.scalinglab.ui.Message;

/**
 * Downloads official weight files on a thread of its own, reporting bytes done and the file's size, with cancel; the
 * outcome is one line for the user ("Offline — cannot reach …" when the server is out of reach).
 */
final class WeightDownload {
    private final ModelStore store;
    private final BackgroundWorker worker = new BackgroundWorker("weights-download");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private Task<Void> task;

    WeightDownload(ModelStore store) {
        this.store = store;
    }

    ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** 0..1, or -1 while the size is unknown. */
    ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    /** "efficientnetb1.h5: 12.3 MB of 31.8 MB downloaded" while it runs. */
    ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    /**
     * @param done    told what was downloaded, on the FX thread
     * @param problem told why it failed, on the FX thread
     */
    void start(List<OfficialModel> models, Consumer<String> done, Consumer<String> problem) {
        if (running.get() || models.isEmpty()) return;
        Task<Void> t = new Task<>() {
            @Override
            protected Void call() throws IOException {
                for (OfficialModel m : models) {
                    String file = OfficialWeights.fileName(m, true);
                    store.download(m, true, new ModelStore.Progress() {
                        @Override
                        public void update(long bytes, long total) {
                            updateProgress(bytes, total > 0 ? total : -1);
                            updateMessage(file + ": " + megabytes(bytes) + (total > 0 ? " of " + megabytes(total) : "") + " downloaded");
                        }

                        @Override
                        public boolean cancelled() {
                            return isCancelled();
                        }
                    });
                }
                return null;
            }
        };
        task = t;
        running.set(true);
        progress.bind(t.progressProperty());
        status.bind(t.messageProperty());
        Runnable finish = () -> {
            progress.unbind();
            status.unbind();
            running.set(false);
        };
        t.setOnSucceeded(e -> {
            finish.run();
            status.set("");
            done.accept("Downloaded " + names(models) + " weights into " + store.dir() + ".");
        });
        t.setOnCancelled(e -> {
            finish.run();
            status.set("Download cancelled; it resumes where it stopped next time.");
        });
        t.setOnFailed(e -> {
            finish.run();
            status.set("");
            problem.accept(problem(t.getException(), models));
        });
        worker.submit(t);
    }

    void cancel() {
        if (task != null && !task.isDone()) task.cancel(false);
    }

    /** Takes no more downloads; a running one goes on until it ends or is cancelled. */
    void close() {
        worker.close();
    }

    private String problem(Throwable e, List<OfficialModel> models) {
        String m = String.valueOf(e.getMessage());
        if (m.startsWith("cannot reach")) {
            String files = String.join(", ", models.stream().map(x -> OfficialWeights.fileName(x, true)).toList());
            return "Offline — cannot reach " + store.url("x").getHost() + ". Connect and press Download again, or copy "
                    + files + " into " + store.dir() + " by hand.";
        }
        return "Download failed: " + Message.problem(e);
    }

    /** "B0 + B3". */
    static String names(List<OfficialModel> models) {
        return String.join(" + ", models.stream().map(OfficialModel::name).toList());
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
