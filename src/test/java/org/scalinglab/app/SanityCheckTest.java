package org.scalinglab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.tf.ImagePreprocessor;
import org.scalinglab.tf.KerasH5;
import org.scalinglab.tf.KerasWeights;
import org.scalinglab.tf.ModelOptions;
import org.scalinglab.train.SyntheticShapes;

/**
 * The randomisation test on the synthetic-shapes fixture model (trained to 100 % on red discs, green squares, blue
 * triangles and yellow rings): its Grad-CAM maps must stop resembling the trained ones once the weights are gone.
 */
class SanityCheckTest {
    static final NetworkSpec SPEC = new NetworkSpec("shapes", 0.1, 0.25, 512, 0.1, 4);

    @Test
    void theCascadeGoesFromTheClassifierToTheStem() {
        List<SanityCheck.Step> steps = SanityCheck.cascade(NetworkSpec.official(org.scalinglab.scaling.OfficialModel.B0));
        assertEquals(List.of("classifier", "head", "stage 8", "stage 7", "stage 6", "stage 5", "stage 4", "stage 3", "stage 2", "stem"),
                steps.stream().map(SanityCheck.Step::name).toList());
        assertEquals(List.of("block7"), steps.get(2).layerPrefixes(), "the paper's stage 8 is Keras' block7");
        assertEquals(List.of("block1"), steps.get(8).layerPrefixes());
    }

    @Test
    void gradCamFollowsTheWeightsAndEigenCamIgnoresTheClassifier(@TempDir Path dir) throws Exception {
        Path h5 = dir.resolve("shapes.h5");
        try (InputStream in = SanityCheckTest.class.getResourceAsStream("/org/scalinglab/cam/shapes-512.h5")) {
            Files.copy(in, h5);
        }
        KerasWeights weights = KerasH5.read(h5, SPEC, KerasH5.Statistics.AS_STORED);
        LineupModel model = new LineupModel("shapes", SPEC, List.of("disc", "ring", "square", "triangle"), weights, null);
        List<float[][][]> images = new ArrayList<>();
        for (SyntheticShapes.Drawn d : SyntheticShapes.draw(4, 1, 512, 17)) images.add(ImagePreprocessor.prepare(d.image(), 512, 1.0).pixels());
        List<SanityCheck.Step> steps = List.of(new SanityCheck.Step("classifier", List.of("predictions")),
                new SanityCheck.Step("everything", List.of("top_", "block", "stem_")));
        SanityCheck.Report r = SanityCheck.run(model, images, List.of("gradcam", "eigencam"), "top_activation", steps, 7,
                ModelOptions.defaults().withCacheDir(dir.resolve("cache")), (d, t, w) -> { }, () -> false);
        SanityCheck.MethodResult grad = r.methods().get(0);
        SanityCheck.MethodResult eigen = r.methods().get(1);
        System.out.println("sanity on the shapes model: Grad-CAM rank correlation " + grad.spearman() + ", SSIM " + grad.ssim()
                + "; Eigen-CAM " + eigen.spearman() + ", SSIM " + eigen.ssim());
        assertTrue(grad.spearman().get(1) < SanityCheck.FAIL_CORRELATION, "Grad-CAM after destroying every weight: " + grad.spearman());
        assertTrue(grad.passes(), grad.verdict());
        assertTrue(eigen.spearman().get(0) > 0.99, "Eigen-CAM does not read the classifier: " + eigen.spearman());
        assertFalse(grad.verdict().isBlank());
    }
}
