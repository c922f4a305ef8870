package org.scalinglab.tf;

import java.util.Locale;

/**
 * How TensorFlow runs on the CPU in this process: with or without its oneDNN kernels and graph rewrites. TensorFlow
 * reads the switch (TF_ENABLE_ONEDNN_OPTS) once, when its natives load, so a process picks one profile before that.
 * Both are correct (the graph avoids the one faulty oneDNN kernel, see {@link GraphBuilder}); they differ in speed,
 * measured on a 2-core AVX-512 EPYC: the batch-1 forward pass of B0 is 2-3x faster without oneDNN, training
 * 1.8-3x faster with it.
 */
public enum TfProfile {
    /** TensorFlow's own (Eigen) kernels: the window, predictions, CAMs, metrics, figures, evaluation. */
    INFERENCE(false),
    /** oneDNN kernels and rewrites: the training commands (train, study, grid-search, sweep). */
    TRAINING(true);

    /** The system property that picks the profile of a process that does not choose one in code (test JVMs). */
    public static final String PROPERTY = "scalinglab.tensorflow.profile";

    private final boolean oneDnn;

    TfProfile(boolean oneDnn) {
        this.oneDnn = oneDnn;
    }

    public boolean oneDnn() {
        return oneDnn;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The profile named by {@link #PROPERTY}, or INFERENCE. */
    static TfProfile fromSystemProperty() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) return INFERENCE;
        for (TfProfile p : values()) if (p.id().equals(v.trim().toLowerCase(Locale.ROOT))) return p;
        throw new IllegalArgumentException(PROPERTY + " must be inference or training, got '" + v + "'");
    }
}
