package org.scalinglab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scalinglab.arch.CostModel;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.scaling.OfficialModel;

class MemoryPlanTest {
    static final NetworkSpec B0 = NetworkSpec.official(OfficialModel.B0);

    @Test
    void perImageIsThePixelsInJavaAndEveryLayersOutputInTensorFlow() {
        long[] one = MemoryPlan.perImage(B0, 224);
        assertEquals(224L * 224 * MemoryPlan.JAVA_BYTES_PER_PIXEL, one[0]);
        assertEquals(CostModel.of(B0).activationBytes(), one[1]);
        // the activations grow with the square of the side: 2048 px is (2048/224)^2 = 83.6 times 224 px, within rounding
        double ratio = MemoryPlan.perImage(B0, 2048)[1] / (double) one[1];
        assertEquals(83.6, ratio, 1.5);
    }

    @Test
    void aBatchThatDoesNotFitIsLoweredToWhatFits() {
        long[] one = MemoryPlan.perImage(B0, 224);
        // room for exactly 3 images in TensorFlow (after the 20 % headroom), plenty in Java
        MemoryPlan plan = new MemoryPlan(Long.MAX_VALUE / 2, (long) Math.ceil(3 * one[1] / MemoryPlan.USABLE));
        assertEquals(3, plan.batchFor(B0, 224, 32, "B0"));
        assertEquals(2, plan.batchFor(B0, 224, 2, "B0"));
    }

    /** The case that ended in OutOfMemoryError: Score-CAM at 2048 px with 6 GB of Java heap. Now refused with the figures. */
    @Test
    void oneImageThatDoesNotFitIsRefusedWithTheFigures() {
        MemoryPlan plan = new MemoryPlan(100_000_000L, 64_000_000_000L);
        var e = assertThrows(IllegalArgumentException.class, () -> plan.batchFor(B0, 2048, 32, "EfficientNet-B0"));
        assertTrue(e.getMessage().startsWith("EfficientNet-B0 at 2048 px needs about 201 MB per image (Java heap), more than the"
                + " 80 MB available: use a smaller --resolution, or give Java more memory"), e.getMessage());
        MemoryPlan smallMachine = new MemoryPlan(64_000_000_000L, 4_000_000_000L);
        var native2048 = assertThrows(IllegalArgumentException.class, () -> smallMachine.batchFor(B0, 2048, 1, "EfficientNet-B0"));
        assertTrue(native2048.getMessage().contains("(TensorFlow's activations), more than the 3.2 GB available"), native2048.getMessage());
    }
}
