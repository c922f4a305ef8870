package org.scalinglab.cam;

import org.scalinglab.tf.Box;
import java.util.List;

/**
 * A CAM method's localisation over images whose object box is known (the synthetic-dataset proof, and the
 * same for any labelled set): each map is scaled per map, upsampled to the image, and its peak checked against the
 * box, strictly and in the pointing game (within a tolerance), as {@code metrics --box} does for one image.
 */
public final class LocalizationStudy {

    /** @param box the object in model-input pixels; @param classIndex the class to explain, or {@link EfficientNetModel#TOP1} */
    public record Sample(float[][][] image, Box box, int classIndex) {
    }

    /**
     * @param inside          images whose map peak lies inside the box
     * @param pointing        images whose map peak lies within {@code tolerancePx} of the box (the pointing game)
     * @param meanEnergyInBox mean share of the map's mass inside the box
     * @param forwardImages   images run through the model for all the maps
     */
    public record Score(String method, int images, int inside, int pointing, int tolerancePx, double meanEnergyInBox,
                        int forwardImages) {
        public double insideRate() {
            return images == 0 ? 0 : (double) inside / images;
        }

        public double pointingRate() {
            return images == 0 ? 0 : (double) pointing / images;
        }
    }

    private LocalizationStudy() {
    }

    /** Every map is computed once and scored both strictly and with the tolerance. */
    public static Score run(CamMethod method, CamSource source, String layer, List<Sample> samples, int tolerancePx) {
        int inside = 0;
        int pointing = 0;
        double energy = 0;
        int forward = 0;
        for (Sample s : samples) {
            CamResult r = method.compute(source, s.image(), layer, s.classIndex());
            float[][] saliency = Bilinear.resize(HeatmapScaling.perMap(r.map()).values(), s.image().length, s.image()[0].length);
            inside += Localization.pointingHit(saliency, s.box(), 0) ? 1 : 0;
            pointing += Localization.pointingHit(saliency, s.box(), tolerancePx) ? 1 : 0;
            energy += Localization.energyInBox(saliency, s.box());
            forward += r.forwardImages();
        }
        return new Score(method.name(), samples.size(), inside, pointing, tolerancePx, samples.isEmpty() ? 0 : energy / samples.size(),
                forward);
    }
}
