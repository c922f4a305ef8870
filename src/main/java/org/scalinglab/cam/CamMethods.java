package org.scalinglab.cam;

import java.util.List;
import java.util.function.Supplier;

/** The methods by their CLI names. */
public final class CamMethods {
    /** In the order the CLI lists them; the first is the default. */
    public static final List<String> NAMES = List.of("gradcam", "gradcampp", "xgradcam", "layercam", "scorecam", "eigencam", "cam");
    public static final String DEFAULT = "gradcam";

    private CamMethods() {
    }

    /**
     * @param denseKernel  supplies the classifier's kernel [channels][classes]; asked only for "cam"
     * @param scoreCamBatch images per forward pass for "scorecam"
     */
    public static CamMethod create(String name, Supplier<float[][]> denseKernel, int scoreCamBatch) {
        String n = name == null ? DEFAULT : name.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (n) {
            case "gradcam" -> new GradCam();
            case "gradcampp" -> new GradCamPlusPlus();
            case "xgradcam" -> new XGradCam();
            case "layercam" -> new LayerCam();
            case "scorecam" -> new ScoreCam(scoreCamBatch);
            case "eigencam" -> new EigenCam();
            case "cam" -> new ClassActivationMap(denseKernel);
            default -> throw new IllegalArgumentException("unknown CAM method '" + name + "'; expected one of " + String.join(", ", NAMES));
        };
    }

    /** The method of that name, to ask what it is (its title, whether it uses gradients); CAM has no kernel here. */
    public static CamMethod describe(String name) {
        return create(name, null, 1);
    }
}
