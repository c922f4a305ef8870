package org.scalinglab.tf;

import java.nio.file.Path;

/**
 * How {@link EfficientNetModel#load} builds and runs a network.
 *
 * @param cacheDir         where exported SavedModels are kept (one folder per network and weights)
 * @param imagenetFix      apply Keras' extra 1/sqrt(std) input rescale when the weights are the official ImageNet ones
 *                         ({@link KerasWeights#imagenetStatistics()}); false reproduces the uncompensated input
 * @param intraOpThreads   TensorFlow threads inside one op; 0 lets TensorFlow choose (all cores)
 * @param interOpThreads   TensorFlow ops run in parallel; 0 lets TensorFlow choose
 * @param graphRewrites    TensorFlow's graph optimizer (Grappler) on each signature's first run: 0.1-0.4 s per model
 *                         here, repaid over many images; the window, which explains a photo or two, turns it off
 */
public record ModelOptions(Path cacheDir, boolean imagenetFix, int intraOpThreads, int interOpThreads, boolean graphRewrites) {

    public ModelOptions {
        if (cacheDir == null) throw new IllegalArgumentException("cacheDir must be given");
        if (intraOpThreads < 0 || interOpThreads < 0) throw new IllegalArgumentException("thread counts must be >= 0");
    }

    /** {@code ~/.scaling-lab/cache/savedmodels}, ImageNet fix on, TensorFlow's own thread choice. */
    public static ModelOptions defaults() {
        return new ModelOptions(defaultCacheDir(), true, 0, 0, true);
    }

    public static Path defaultCacheDir() {
        return Path.of(System.getProperty("user.home"), ".scaling-lab", "cache", "savedmodels");
    }

    public ModelOptions withCacheDir(Path dir) {
        return new ModelOptions(dir, imagenetFix, intraOpThreads, interOpThreads, graphRewrites);
    }

    public ModelOptions withImagenetFix(boolean fix) {
        return new ModelOptions(cacheDir, fix, intraOpThreads, interOpThreads, graphRewrites);
    }

    public ModelOptions withThreads(int intraOp, int interOp) {
        return new ModelOptions(cacheDir, imagenetFix, intraOp, interOp, graphRewrites);
    }

    public ModelOptions withGraphRewrites(boolean on) {
        return new ModelOptions(cacheDir, imagenetFix, intraOpThreads, interOpThreads, on);
    }
}
