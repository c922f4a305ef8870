"""Reference timing for `scaling-lab bench-model --model b0`: torchvision's efficientnet_b0 (random weights) in
PyTorch on the CPU, batch 1, 224x224, the same warm-up and timed runs, median/min/max in ms.

    /usr/bin/python3 src/test/python/bench_torch_b0.py [--threads 2] [--runs 20] [--warmup 5] [--resolution 224] [--json]
"""
import argparse
import json
import statistics
import time

import torch
import torchvision


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--runs", type=int, default=20)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--resolution", type=int, default=224)
    p.add_argument("--json", action="store_true")
    a = p.parse_args()

    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    model = torchvision.models.efficientnet_b0(weights=None).eval()
    x = torch.rand(1, 3, a.resolution, a.resolution) * 255

    def timed(fn):
        for _ in range(a.warmup):
            fn()
        ms = []
        for _ in range(a.runs):
            t = time.perf_counter()
            fn()
            ms.append((time.perf_counter() - t) * 1000)
        return sorted(ms)

    with torch.no_grad():
        forward = timed(lambda: model(x))

    # forward + gradient of one logit w.r.t. the last feature map (top_activation), as the Grad-CAM signature does:
    # the backward pass only runs through the head, like TensorFlow's pruned gradient graph
    def cam():
        with torch.no_grad():
            feats = model.features(x)
        feats.requires_grad_(True)
        logits = model.classifier(torch.flatten(model.avgpool(feats), 1))
        grad, = torch.autograd.grad(logits[0, 0], feats)
        return grad

    gradcam = timed(cam)

    out = {
        "framework": "pytorch " + torch.__version__ + ", torchvision " + torchvision.__version__,
        "model": "efficientnet_b0", "resolution": a.resolution, "batch": 1, "threads": torch.get_num_threads(),
        "runs": a.runs, "warmup": a.warmup,
        "median_ms": statistics.median(forward), "min_ms": forward[0], "max_ms": forward[-1],
        "gradcam_median_ms": statistics.median(gradcam),
        "gradcam_ratio": statistics.median(gradcam) / statistics.median(forward),
    }
    if a.json:
        print(json.dumps(out, indent=2))
    else:
        print("%s at %dpx, batch 1, %d threads: median %.1f ms, min %.1f ms, max %.1f ms; grad-cam median %.1f ms (%.2f x)" % (
            out["framework"], a.resolution, out["threads"], out["median_ms"], out["min_ms"], out["max_ms"],
            out["gradcam_median_ms"], out["gradcam_ratio"]))


if __name__ == "__main__":
    main()
