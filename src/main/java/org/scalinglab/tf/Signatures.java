package org.scalinglab.tf;

/**
 * The SavedModel's signatures and their tensor keys. DJL's TfSymbolBlock feeds inputs and returns outputs sorted by
 * key, so translators look tensors up by these names rather than by position.
 */
public final class Signatures {
    /** Inputs: {@link #IMAGE}. Outputs: {@link #LOGITS}, {@link #PROBABILITIES}. */
    public static final String SERVING = "serving_default";
    /** Prefix of the CAM signatures, one per CAM layer: "gradcam_block6a_project_bn", "gradcam_top_activation". */
    public static final String GRADCAM_PREFIX = "gradcam_";
    /** The CAM signature of the default layer, top_activation. */
    public static final String GRADCAM = "gradcam";
    public static final String DEFAULT_CAM_LAYER = "top_activation";

    /** float [N, H, W, 3], pixels 0..255 */
    public static final String IMAGE = "image";
    /**
     * float [N, classes]: the CAM signatures return the gradient of sum(logits * target) with respect to the
     * activations, so a one-hot row selects one class's pre-softmax logit per image. An all-zero row stands for the
     * image's top-1 class: the graph puts the one-hot of argmax(logits) in its place, so one run both predicts and
     * explains.
     */
    public static final String TARGET = "target";
    /** float [N]: the class each CAM row explains (argmax of the target row actually used), a whole number. */
    public static final String CLASS = "class";
    public static final String LOGITS = "logits";
    public static final String PROBABILITIES = "probabilities";
    public static final String ACTIVATIONS = "activations";
    public static final String GRADIENTS = "gradients";

    private Signatures() {
    }

    public static String gradcam(String layer) {
        return GRADCAM_PREFIX + layer;
    }
}
