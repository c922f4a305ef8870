package org.scalinglab.tf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.scalinglab.arch.NetworkSpec;

/** One network for a test class, loaded once as the app loads it (a SavedModel in a temporary cache) and closed after. */
final class LoadedModel implements BeforeAllCallback, AfterAllCallback {
    private final NetworkSpec spec;
    private final KerasWeights weights;
    private Path cache;
    EfficientNetModel model;

    LoadedModel(NetworkSpec spec, KerasWeights weights) {
        this.spec = spec;
        this.weights = weights;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        cache = Files.createTempDirectory("savedmodels");
        model = EfficientNetModel.load(spec, weights, ModelOptions.defaults().withCacheDir(cache));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        model.close();
        SavedModelCache.deleteRecursively(cache);
    }
}
