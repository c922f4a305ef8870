package org.scalinglab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.tf.KerasWeights;

/**
 * Clipping by global norm, checked through the first optimizer step: Nesterov momentum from zero slots moves the
 * weights by lr·(1 + μ)·g, so with the gradient scaled to norm c the trainable weights move by exactly lr·(1 + μ)·c.
 */
class GradientClipTest {
    static final NetworkSpec SPEC = new NetworkSpec("clip", 0.25, 0.25, 32, 0.0, 3);

    @Test
    void theFirstStepMovesTheWeightsByTheClippedNorm() {
        double lr = 0.1, mu = 0.9, clip = 1e-3;
        KerasWeights start = KerasWeights.random(SPEC, 5);
        BatchLoader.Batch batch = batch();

        TrainingConfig free = new TrainingConfig(1, 4, lr, 0, mu, 0.1, 1e-5, 0.9, 1, 1);
        double unclippedNorm;
        try (TrainingGraph g = new TrainingGraph(SPEC, start, Map.of(), free)) {
            TrainingGraph.StepResult r = g.step(batch, lr, 0);
            unclippedNorm = r.gradientNorm();
            assertEquals(lr * (1 + mu) * unclippedNorm, distance(start, g.weights()), 1e-3 * lr * (1 + mu) * unclippedNorm,
                    "without clipping the step is lr(1+mu)|g|");
        }
        assertTrue(unclippedNorm > 100 * clip, "the test needs a gradient well above the clip norm: " + unclippedNorm);

        TrainingConfig clipped = new TrainingConfig(1, 4, lr, 0, mu, 0.1, 1e-5, 0.9, 1, 1, clip);
        try (TrainingGraph g = new TrainingGraph(SPEC, start, Map.of(), clipped)) {
            TrainingGraph.StepResult r = g.step(batch, lr, 0);
            // the same seed and step draw the same drop-connect masks, so the norm before clipping is the first run's
            assertEquals(unclippedNorm, r.gradientNorm(), 1e-4 * unclippedNorm, "the reported norm is the one before clipping");
            assertEquals(lr * (1 + mu) * clip, distance(start, g.weights()), 1e-2 * lr * (1 + mu) * clip);
        }
    }

    /**
     * The gradient of a step cannot depend on the step's learning rate: it is taken at the weights before the
     * update. Without the gate, updates raced the backward pass (91.6 instead of 71.6 at lr 0.1 for this batch).
     */
    @Test
    void gradientsAreTakenBeforeAnyUpdate() {
        KerasWeights start = KerasWeights.random(SPEC, 5);
        BatchLoader.Batch batch = batch();
        TrainingConfig config = new TrainingConfig(1, 4, 0.1, 0, 0.9, 0.1, 1e-5, 0.9, 1, 1);
        double[] norms = new double[3];
        double[] rates = {1e-9, 1.0, 1.0};
        for (int i = 0; i < rates.length; i++) {
            try (TrainingGraph g = new TrainingGraph(SPEC, start, Map.of(), config)) {
                norms[i] = g.step(batch, rates[i], 0).gradientNorm();
            }
        }
        assertEquals(norms[0], norms[1], 1e-5 * norms[0], "lr 1 vs 1e-9");
        assertEquals(norms[0], norms[2], 1e-5 * norms[0], "lr 1 again");
    }

    private static BatchLoader.Batch batch() {
        Random random = new Random(3);
        float[] pixels = new float[4 * 32 * 32 * 3];
        for (int i = 0; i < pixels.length; i++) pixels[i] = random.nextInt(256);
        return new BatchLoader.Batch(pixels, new int[] {0, 1, 2, 1}, 32);
    }

    /** Euclidean distance over the trainable weights (not BatchNorm's moving statistics, not the input normalisation). */
    private static double distance(KerasWeights a, KerasWeights b) {
        double sum = 0;
        for (var layer : a.values().entrySet()) {
            if (layer.getKey().equals("normalization")) continue;
            for (var w : layer.getValue().entrySet()) {
                if (w.getKey().startsWith("moving_")) continue;
                float[] x = w.getValue(), y = b.values().get(layer.getKey()).get(w.getKey());
                for (int i = 0; i < x.length; i++) sum += (double) (x[i] - y[i]) * (x[i] - y[i]);
            }
        }
        return Math.sqrt(sum);
    }
}
