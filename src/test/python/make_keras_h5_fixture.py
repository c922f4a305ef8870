"""Writes small EfficientNet weight files in the exact Keras legacy HDF5 layout, with h5py, for the Java reader's tests.

The layer list follows keras/src/applications/efficientnet.py (every layer, weightless ones included, in model order),
and the file is written the way keras' legacy_h5_format.save_weights_to_hdf5_group does it: root attributes
layer_names (split into layer_names0, layer_names1, ... when too long), backend, keras_version; one group per layer,
in sorted name order, with attribute weight_names (an empty float64 array for weightless layers) and one dataset per
weight named like the weight ("stem_conv/kernel:0"). This script does not share code with the Java side.

Run from the repository root with Debian's h5py:
    /usr/bin/python3 src/test/python/make_keras_h5_fixture.py src/test/resources/h5
It writes, for width 0.25, depth 0.34, 10 classes:
  tiny.h5             full model (with `predictions`), ImageNet-style normalization (std stored as variance)
  tiny_notop_split.h5 the same without the top, layer_names forced into 3 chunks as Keras does for long lists
  tiny.expected.json  per weight: h5 path, shape, dtype, sum, and the values at flat indexes 0, 1 and n-1
"""
import json
import math
import os
import sys

import h5py
import numpy as np

# keras DEFAULT_BLOCKS_ARGS
BLOCKS = [
    dict(kernel_size=3, repeats=1, filters_in=32, filters_out=16, expand_ratio=1, strides=1),
    dict(kernel_size=3, repeats=2, filters_in=16, filters_out=24, expand_ratio=6, strides=2),
    dict(kernel_size=5, repeats=2, filters_in=24, filters_out=40, expand_ratio=6, strides=2),
    dict(kernel_size=3, repeats=3, filters_in=40, filters_out=80, expand_ratio=6, strides=2),
    dict(kernel_size=5, repeats=3, filters_in=80, filters_out=112, expand_ratio=6, strides=1),
    dict(kernel_size=5, repeats=4, filters_in=112, filters_out=192, expand_ratio=6, strides=2),
    dict(kernel_size=3, repeats=1, filters_in=192, filters_out=320, expand_ratio=6, strides=1),
]
SE_RATIO = 0.25
HDF5_OBJECT_HEADER_LIMIT = 64512


def round_filters(filters, width, divisor=8):
    filters *= width
    new_filters = max(divisor, int(filters + divisor / 2) // divisor * divisor)
    if new_filters < 0.9 * filters:
        new_filters += divisor
    return int(new_filters)


def round_repeats(repeats, depth):
    return int(math.ceil(depth * repeats))


def model_layers(width, depth, classes, include_top):
    """[(layer name, [(weight name, shape, dtype)])] in keras model order."""
    layers = []

    def add(name, *weights):
        layers.append((name, list(weights)))

    def conv(name, k, cin, cout, bias=False):
        w = [("kernel", (k, k, cin, cout), "float32")]
        if bias:
            w.append(("bias", (cout,), "float32"))
        add(name, *w)

    def bn(name, c):
        add(name, *[(n, (c,), "float32") for n in ("gamma", "beta", "moving_mean", "moving_variance")])

    add("input_1")
    add("rescaling")
    add("normalization", ("mean", (3,), "float32"), ("variance", (3,), "float32"), ("count", (), "int64"))
    add("stem_conv_pad")
    stem = round_filters(32, width)
    conv("stem_conv", 3, 3, stem)
    bn("stem_bn", stem)
    add("stem_activation")
    total = float(sum(round_repeats(a["repeats"], depth) for a in BLOCKS))
    b = 0
    for i, args in enumerate(BLOCKS):
        fin = round_filters(args["filters_in"], width)
        fout = round_filters(args["filters_out"], width)
        for j in range(round_repeats(args["repeats"], depth)):
            strides = args["strides"] if j == 0 else 1
            if j > 0:
                fin = fout
            name = "block{}{}_".format(i + 1, chr(j + 97))
            filters = fin * args["expand_ratio"]
            if args["expand_ratio"] != 1:
                conv(name + "expand_conv", 1, fin, filters)
                bn(name + "expand_bn", filters)
                add(name + "expand_activation")
            if strides == 2:
                add(name + "dwconv_pad")
            k = args["kernel_size"]
            add(name + "dwconv", ("depthwise_kernel", (k, k, filters, 1), "float32"))
            bn(name + "bn", filters)
            add(name + "activation")
            se = max(1, int(fin * SE_RATIO))
            add(name + "se_squeeze")
            add(name + "se_reshape")
            conv(name + "se_reduce", 1, filters, se, bias=True)
            conv(name + "se_expand", 1, se, filters, bias=True)
            add(name + "se_excite")
            conv(name + "project_conv", 1, filters, fout)
            bn(name + "project_bn", fout)
            if strides == 1 and fin == fout:
                if 0.2 * b / total > 0:
                    add(name + "drop")
                add(name + "add")
            b += 1
    head = round_filters(1280, width)
    conv("top_conv", 1, round_filters(320, width), head)
    bn("top_bn", head)
    add("top_activation")
    if include_top:
        add("avg_pool")
        add("top_dropout")
        add("predictions", ("kernel", (head, classes), "float32"), ("bias", (classes,), "float32"))
    return layers


def values(layer, name, shape, dtype, rng):
    if layer == "normalization":
        return {"mean": np.array([0.485, 0.456, 0.406], np.float32),
                # the official files store the standard deviations here (tensorflow#49930)
                "variance": np.array([0.229, 0.224, 0.225], np.float32),
                "count": np.int64(1281167)}[name]
    if name == "moving_variance":
        return rng.uniform(0.5, 2.0, shape).astype(dtype)
    return rng.standard_normal(shape).astype(dtype)


def save_attributes(group, name, data, chunks=None):
    """keras legacy_h5_format.save_attributes_to_hdf5_group; `chunks` forces a split for the test fixture."""
    data_npy = np.asarray(data)
    num_chunks = chunks or 1
    chunked = np.array_split(data_npy, num_chunks)
    while any(x.nbytes > HDF5_OBJECT_HEADER_LIMIT for x in chunked):
        num_chunks += 1
        chunked = np.array_split(data_npy, num_chunks)
    if num_chunks > 1:
        for chunk_id, chunk in enumerate(chunked):
            group.attrs["%s%d" % (name, chunk_id)] = chunk
    else:
        group.attrs[name] = data


def write(path, layers, rng, name_chunks=None):
    expected = []
    with h5py.File(path, "w") as f:
        save_attributes(f, "layer_names", [n.encode("utf8") for n, _ in layers], name_chunks)
        f.attrs["backend"] = "tensorflow".encode("utf8")
        f.attrs["keras_version"] = "2.4.0".encode("utf8")
        for layer, weights in sorted(layers, key=lambda x: x[0]):
            g = f.create_group(layer)
            weight_names = [(layer + "/" + w + ":0").encode("utf8") for w, _, _ in weights]
            save_attributes(g, "weight_names", weight_names)
            for (w, shape, dtype), wname in zip(weights, weight_names):
                val = values(layer, w, shape, dtype, rng)
                dset = g.create_dataset(wname, val.shape, dtype=val.dtype)
                if not val.shape:
                    dset[()] = val
                else:
                    dset[:] = val
                flat = np.asarray(val, np.float64).reshape(-1)
                expected.append(dict(layer=layer, name=w, path=layer + "/" + wname.decode(), shape=list(shape),
                                     dtype=dtype, sum=float(flat.sum()),
                                     first=float(flat[0]), second=float(flat[1 % flat.size]), last=float(flat[-1])))
    return expected


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    width, depth, classes = 0.25, 0.34, 10
    rng = np.random.default_rng(20190528)
    full = model_layers(width, depth, classes, True)
    expected = write(os.path.join(out_dir, "tiny.h5"), full, rng)
    notop = model_layers(width, depth, classes, False)
    write(os.path.join(out_dir, "tiny_notop_split.h5"), notop, np.random.default_rng(7), name_chunks=3)
    spec = dict(width=width, depth=depth, classes=classes,
                layer_names=[n for n, _ in full], weight_layers=[n for n, w in full if w], weights=expected)
    with open(os.path.join(out_dir, "tiny.expected.json"), "w") as f:
        json.dump(spec, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/h5")
