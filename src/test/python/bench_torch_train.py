"""Training throughput of the study's base architecture in PyTorch, for comparison with `scaling-lab train`.

torchvision builds EfficientNet-B0's topology scaled by width 0.5 and depth 0.6 (its own rounding rules, which
match Keras'), 10 classes, at 160 px; SGD with Nesterov momentum, label smoothing 0.1, batch 32, random inputs.
Run: /usr/bin/python3 src/test/python/bench_torch_train.py [threads] [steps]
"""
import sys, time
from functools import partial
import torch
from torch import nn
from torchvision.models.efficientnet import EfficientNet, _efficientnet_conf

threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
steps = int(sys.argv[2]) if len(sys.argv) > 2 else 20
torch.set_num_threads(threads)
settings, last = _efficientnet_conf("efficientnet_b0", width_mult=0.5, depth_mult=0.6)
model = EfficientNet(settings, 0.2, num_classes=10, norm_layer=partial(nn.BatchNorm2d, eps=1e-3, momentum=0.1))
model.train()
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True, weight_decay=1e-5)
loss_fn = nn.CrossEntropyLoss(label_smoothing=0.1)
x = torch.rand(32, 3, 160, 160)
y = torch.randint(0, 10, (32,))
for i in range(3):
    opt.zero_grad(); loss_fn(model(x), y).backward(); opt.step()
t0 = time.perf_counter()
for i in range(steps):
    opt.zero_grad(); loss_fn(model(x), y).backward(); opt.step()
dt = time.perf_counter() - t0
params = sum(p.numel() for p in model.parameters())
print(f"pytorch {torch.__version__} threads={threads} params={params} images/s={steps * 32 / dt:.1f}")
