"""Independent reference for the cost model: parameters and multiply-adds of EfficientNet-B0..B7 as
torchvision builds them (its own config code, not ours), measured with forward hooks.

Run with Debian's PyTorch:  /usr/bin/python3 src/test/python/reference_costs.py > src/test/resources/reference/torchvision-costs.csv
Columns: model, resolution, trainable (torch parameters), bn_running (BatchNorm running mean + var elements),
macs (multiply-adds of Conv2d and Linear layers, counted from their actual output shapes).
"""
import torch
import torchvision.models as tvm

RES = {"b0": 224, "b1": 240, "b2": 260, "b3": 300, "b4": 380, "b5": 456, "b6": 528, "b7": 600}

def costs(name, res):
    model = getattr(tvm, "efficientnet_" + name)(weights=None).eval()
    trainable = sum(p.numel() for p in model.parameters())
    bn_running = sum(m.running_mean.numel() + m.running_var.numel()
                     for m in model.modules() if isinstance(m, torch.nn.BatchNorm2d))
    macs = [0]

    def conv_hook(m, inp, out):
        kh, kw = m.kernel_size
        macs[0] += out.numel() * kh * kw * (m.in_channels // m.groups)

    def linear_hook(m, inp, out):
        macs[0] += m.in_features * m.out_features

    for m in model.modules():
        if isinstance(m, torch.nn.Conv2d):
            m.register_forward_hook(conv_hook)
        elif isinstance(m, torch.nn.Linear):
            m.register_forward_hook(linear_hook)
    with torch.no_grad():
        model(torch.zeros(1, 3, res, res))
    return trainable, bn_running, macs[0]

print("model,resolution,trainable,bn_running,macs")
for name, res in RES.items():
    t, b, m = costs(name, res)
    print(f"{name},{res},{t},{b},{m}")
