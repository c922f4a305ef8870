package org.scalinglab.cam;

import org.scalinglab.tf.Box;
/**
 * Every faithfulness number for one image, one class and one map.
 *
 * @param box           the object box in model-input pixels, or null (then peakInBox, pointingHit and energyInBox are null)
 * @param peakInBox     the map's peak lies inside the box (the strict test)
 * @param pointingHit   the map's peak lies within the options' pointing tolerance of the box (the pointing game)
 * @param forwardImages images run through the model to get these numbers
 */
public record FaithfulnessReport(int classIndex, PerturbationCurve deletion, PerturbationCurve insertion,
                                 ConfidenceChange confidence, Box box, Boolean peakInBox, Boolean pointingHit, Double energyInBox,
                                 Faithfulness.Options options, int forwardImages, int modelCalls) {
}
