package org.scalinglab.cam;

import java.util.List;

/**
 * A CAM method's pointing-game score over images whose object box is known (the synthetic-dataset proof,
 * and the same for any labelled set): each map is scaled per map, upsampled to the image and checked against the box.
 */
public final class LocalizationStudy {

    /** @param box the object in model-input pixels; @param classIndex the class to explain, or {@link CamSource#TOP1} */
    public record Sample(float[][][] image, Box box, int classIndex) {
    }

    public record Score(String method, int hits, int images, double meanEnergyInBox, int forwardImages) {
        public double hitRate() {
            return images == 0 ? 0 : (double) hits / images;
        }
    }

    private LocalizationStudy() {
    }

    public static Score run(CamMethod method, CamSource source, String layer, List<Sample> samples, int tolerancePx) {
        int hits = 0;
        double energy = 0;
        int forward = 0;
        for (Sample s : samples) {
            CamResult r = method.compute(source, s.image(), layer, s.classIndex());
            float[][] saliency = Bilinear.resize(HeatmapScaling.perMap(r.map()).values(), s.image().length, s.image()[0].length);
            hits += Localization.pointingHit(saliency, s.box(), tolerancePx) ? 1 : 0;
            energy += Localization.energyInBox(saliency, s.box());
            forward += r.forwardImages();
        }
        return new Score(method.name(), hits, samples.size(), samples.isEmpty() ? 0 : energy / samples.size(), forward);
    }
}
