package org.scalinglab.train;

/**
 * How a network is trained. Defaults suit short from-scratch runs on a CPU: SGD with Nesterov momentum 0.9,
 * linear warm-up then cosine decay, label smoothing 0.1, L2 weight decay 1e-5 on kernels (the paper's value).
 * The paper's RMSProp (decay 0.9, momentum 0.9, epsilon 1e-3) with exponential decay was tuned for 350-epoch TPU
 * runs at batch 4096; over a few epochs on two cores, Nesterov SGD with cosine decay converges faster and more
 * reliably in our runs. BatchNorm's moving averages use momentum 0.9 rather than Keras' 0.99: with a few hundred
 * steps per run, 0.99 leaves the moving statistics far from the data and the validation accuracy far below the
 * training accuracy.
 */
public record TrainingConfig(int epochs, int batchSize, double learningRate, double warmupEpochs, double momentum,
                             double labelSmoothing, double weightDecay, double batchNormMomentum, long seed, int loaderThreads,
                             double gradientClipNorm) {
    // the defaults of the train command and the app's Train tab (picocli needs them as constants)
    public static final int DEFAULT_BATCH = 32;
    public static final double DEFAULT_LEARNING_RATE = 0.05;
    public static final int DEFAULT_WARMUP_EPOCHS = 1;
    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_LOADER_THREADS = 2;
    /** Fraction of each class held out for validation when a data folder has no val/ folder. */
    public static final double DEFAULT_HELD_OUT = 0.1;

    /** Without gradient clipping. */
    public TrainingConfig(int epochs, int batchSize, double learningRate, double warmupEpochs, double momentum,
                          double labelSmoothing, double weightDecay, double batchNormMomentum, long seed, int loaderThreads) {
        this(epochs, batchSize, learningRate, warmupEpochs, momentum, labelSmoothing, weightDecay, batchNormMomentum, seed, loaderThreads, 0);
    }

    public TrainingConfig {
        if (epochs < 1 || epochs > 10_000) throw new IllegalArgumentException("epochs must be between 1 and 10000, got " + epochs);
        if (batchSize < 2 || batchSize > 4096) throw new IllegalArgumentException("batch size must be between 2 and 4096, got " + batchSize);
        if (!(learningRate > 0 && learningRate < 10)) throw new IllegalArgumentException("learning rate must be in (0, 10), got " + learningRate);
        if (!(warmupEpochs >= 0) || warmupEpochs > epochs) throw new IllegalArgumentException("warm-up must be between 0 and the epochs, got " + warmupEpochs);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + labelSmoothing);
        if (!(weightDecay >= 0 && weightDecay < 1)) throw new IllegalArgumentException("weight decay must be in [0, 1), got " + weightDecay);
        if (!(batchNormMomentum >= 0 && batchNormMomentum < 1)) throw new IllegalArgumentException("batch-norm momentum must be in [0, 1), got " + batchNormMomentum);
        if (loaderThreads < 1 || loaderThreads > 64) throw new IllegalArgumentException("loader threads must be between 1 and 64");
        if (!(gradientClipNorm >= 0 && gradientClipNorm < 1e6)) throw new IllegalArgumentException("gradient clip norm must be 0 (off) or positive, got " + gradientClipNorm);
    }

    /**
     * The settings the {@code train} command and the app's Train tab expose, with the rest fixed (Nesterov momentum
     * 0.9, label smoothing 0.1, weight decay 1e-5, batch-norm momentum 0.9): both build their config here, so they
     * train alike.
     */
    public static TrainingConfig standard(int epochs, int batchSize, double learningRate, double warmupEpochs, long seed,
                                          int loaderThreads, double gradientClipNorm) {
        return new TrainingConfig(epochs, batchSize, learningRate, Math.min(warmupEpochs, epochs), 0.9, 0.1, 1e-5, 0.9, seed,
                loaderThreads, gradientClipNorm);
    }

    public static TrainingConfig defaults(int epochs) {
        return standard(epochs, DEFAULT_BATCH, DEFAULT_LEARNING_RATE, DEFAULT_WARMUP_EPOCHS, DEFAULT_SEED, DEFAULT_LOADER_THREADS, 0);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(epochs, batchSize, learningRate, warmupEpochs, momentum, labelSmoothing, weightDecay, batchNormMomentum, s, loaderThreads, gradientClipNorm);
    }

    public TrainingConfig withEpochs(int e) {
        return new TrainingConfig(e, batchSize, learningRate, Math.min(warmupEpochs, e), momentum, labelSmoothing, weightDecay, batchNormMomentum, seed, loaderThreads, gradientClipNorm);
    }
}
