package org.scalinglab.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.scalinglab.cam.CamMethod;
import org.scalinglab.cam.CamResult;
import org.scalinglab.cam.CamSource;
import org.scalinglab.tf.EfficientNetModel;

/**
 * Times a CAM method against a plain forward pass of the same image, interleaved run by run so that a busy machine
 * slows both alike. The target is what {@code cam} uses: the given class, or {@link EfficientNetModel#TOP1},
 * which the CAM run resolves itself from its own logits; either way a gradient method's time is one
 * forward-and-gradient pass plus its channel weights.
 */
final class CamBench {
    private static final int WARM_UP = 2;

    record Timing(double medianMs, double minMs, double maxMs) {
        static Timing of(long[] nanos) {
            long[] s = nanos.clone();
            Arrays.sort(s);
            return new Timing(s[s.length / 2] / 1e6, s[0] / 1e6, s[s.length - 1] / 1e6);
        }
    }

    record Result(String method, int runs, Timing forward, Timing cam, int camForwardImages, int camModelCalls, String device) {
        double ratio() {
            return cam.medianMs() / forward.medianMs();
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("runs", runs);
            m.put("forward_median_ms", forward.medianMs());
            m.put("forward_min_ms", forward.minMs());
            m.put("forward_max_ms", forward.maxMs());
            m.put("cam_median_ms", cam.medianMs());
            m.put("cam_min_ms", cam.minMs());
            m.put("cam_max_ms", cam.maxMs());
            m.put("cam_over_forward", ratio());
            m.put("cam_forward_images", camForwardImages);
            m.put("cam_model_calls", camModelCalls);
            m.put("device", device);
            return m;
        }

        String describe() {
            return String.format(Locale.ROOT, "bench (%d runs, %s): %s median %.1f ms (min %.1f, max %.1f; %d forward images in %d calls)"
                            + " vs plain forward median %.1f ms (min %.1f, max %.1f): %.2fx",
                    runs, device, method, cam.medianMs(), cam.minMs(), cam.maxMs(), camForwardImages, camModelCalls,
                    forward.medianMs(), forward.minMs(), forward.maxMs(), ratio());
        }
    }

    private CamBench() {
    }

    /** @param first the method's result from a run just made (it counts as the first warm-up) */
    static Result run(EfficientNetModel net, CamMethod method, CamSource source, float[][][] image, String layer, int target, int runs,
                      CamResult first) {
        float[][][][] batch = {image};
        CamResult last = first;
        // a many-pass method (Score-CAM) is warm after one run; more would only cost minutes
        int camWarmUp = first.forwardImages() > 1 ? 0 : WARM_UP - 1;
        for (int i = 0; i < WARM_UP; i++) net.logits(batch);
        for (int i = 0; i < camWarmUp; i++) last = method.compute(source, image, layer, target);
        long[] forward = new long[runs];
        long[] cam = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            net.logits(batch);
            long t1 = System.nanoTime();
            last = method.compute(source, image, layer, target);
            long t2 = System.nanoTime();
            forward[i] = t1 - t0;
            cam[i] = t2 - t1;
        }
        return new Result(method.name(), runs, Timing.of(forward), Timing.of(cam), last.forwardImages(), last.modelCalls(), net.device());
    }
}
