package org.scalinglab.cam;

/**
 * Every faithfulness number for one image, one class and one map.
 *
 * @param box           the object box in model-input pixels, or null (then pointingHit and energyInBox are null)
 * @param forwardImages images run through the model to get these numbers
 */
public record FaithfulnessReport(int classIndex, PerturbationCurve deletion, PerturbationCurve insertion,
                                 ConfidenceChange confidence, Box box, Boolean pointingHit, Double energyInBox,
                                 Faithfulness.Options options, int forwardImages, int modelCalls) {
}
