"""Training throughput of the study's base architecture in PyTorch, for comparison with `scaling-lab train`.

torchvision builds EfficientNet-B0's topology scaled by width 0.5 and depth 0.6 (its own rounding rules, which
match Keras'), 10 classes, at 160 px; SGD with Nesterov momentum, label smoothing 0.1, weight decay 1e-5, batch 32.

With --data, one epoch over the same image folder as `scaling-lab train --data DIR --per-class N`: N images per
class (seeded), JPEG decoding and the same augmentation (random-resized crop of 25-100 % of the area, flip) in
DataLoader worker processes, so the figure includes decoding as the Java one does. Without --data, random tensors:
the network alone.

Run: /usr/bin/python3 src/test/python/bench_torch_train.py [--threads 2] [--workers 2] [--data DIR --per-class 300]
     [--steps 20]   (steps: random-tensor mode only)
"""
import argparse, os, random, time
from functools import partial
import torch
from torch import nn
from torchvision import datasets, transforms
from torchvision.models.efficientnet import EfficientNet, _efficientnet_conf

BATCH = 32
RESOLUTION = 160

p = argparse.ArgumentParser()
p.add_argument("--threads", type=int, default=2, help="intra-op threads for the network")
p.add_argument("--workers", type=int, default=2, help="DataLoader processes decoding images (--data only)")
p.add_argument("--data", help="image folder: one sub-folder per class, or train/ holding them")
p.add_argument("--per-class", type=int, default=300)
p.add_argument("--steps", type=int, default=20)
a = p.parse_args()

torch.manual_seed(42)
torch.set_num_threads(a.threads)
settings, _ = _efficientnet_conf("efficientnet_b0", width_mult=0.5, depth_mult=0.6)
model = EfficientNet(settings, 0.2, num_classes=10, norm_layer=partial(nn.BatchNorm2d, eps=1e-3, momentum=0.1))
model.train()
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True, weight_decay=1e-5)
loss_fn = nn.CrossEntropyLoss(label_smoothing=0.1)
# trainable parameters plus BatchNorm's moving statistics: the count `scaling-lab spec` gives, less the 7 numbers of
# Keras' Normalization layer (853,939 for this network)
params = sum(p.numel() for p in model.parameters()) + sum(
    b.numel() for n, b in model.named_buffers() if not n.endswith("num_batches_tracked"))


def step(x, y):
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
    return loss.item()


if a.data is None:
    x = torch.rand(BATCH, 3, RESOLUTION, RESOLUTION)
    y = torch.randint(0, 10, (BATCH,))
    for _ in range(3):
        step(x, y)
    t0 = time.perf_counter()
    for _ in range(a.steps):
        step(x, y)
    dt = time.perf_counter() - t0
    print(f"pytorch {torch.__version__} random tensors threads={a.threads} weights={params:,} "
          f"images/s={a.steps * BATCH / dt:.1f}")
else:
    root = os.path.join(a.data, "train") if os.path.isdir(os.path.join(a.data, "train")) else a.data
    augment = transforms.Compose([
        transforms.RandomResizedCrop(RESOLUTION, scale=(0.25, 1.0)),
        transforms.RandomHorizontalFlip(),
        transforms.ToTensor(),
    ])
    folder = datasets.ImageFolder(root, transform=augment)
    by_class = {}
    for i, (_, label) in enumerate(folder.samples):
        by_class.setdefault(label, []).append(i)
    rng = random.Random(42)
    subset = []
    for indices in by_class.values():
        rng.shuffle(indices)
        subset += indices[:a.per_class]
    loader = torch.utils.data.DataLoader(torch.utils.data.Subset(folder, subset), batch_size=BATCH, shuffle=True,
                                         num_workers=a.workers, drop_last=True, persistent_workers=a.workers > 0)
    images = 0
    t0 = time.perf_counter()
    for x, y in loader:
        loss = step(x, y)
        images += x.shape[0]
    dt = time.perf_counter() - t0
    print(f"pytorch {torch.__version__} {len(subset)} images from {root} threads={a.threads} workers={a.workers} "
          f"weights={params:,} one epoch {dt:.1f} s images/s={images / dt:.1f} last loss {loss:.3f}")
