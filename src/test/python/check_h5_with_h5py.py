"""Checks with h5py (the HDF5 C library) that a .h5 written by the Java KerasH5 has the Keras legacy layout and the
same names, shapes, dtypes and values as a reference file, e.g. the h5py-written fixture.

    /usr/bin/python3 src/test/python/check_h5_with_h5py.py WRITTEN.h5 src/test/resources/h5/tiny.h5
"""
import sys

import h5py
import numpy as np


def names(attrs, key):
    if key in attrs:
        raw = list(attrs[key])
    else:
        raw, i = [], 0
        while f"{key}{i}" in attrs:
            raw += list(attrs[f"{key}{i}"])
            i += 1
    return [n.decode("utf8") if hasattr(n, "decode") else n for n in raw]


def main(written, reference):
    a, b = h5py.File(written, "r"), h5py.File(reference, "r")
    print("root attributes:", sorted(a.attrs.keys()))
    count = 0
    for layer in names(a.attrs, "layer_names"):
        wn = names(a[layer].attrs, "weight_names")
        assert wn == names(b[layer].attrs, "weight_names"), (layer, wn)
        for w in wn:
            x, y = a[layer][w], b[layer][w]
            assert x.shape == y.shape and x.dtype == y.dtype, (w, x.shape, y.shape, x.dtype, y.dtype)
            assert np.array_equal(x[()], y[()]), w
            count += 1
    weighted = [n for n in names(b.attrs, "layer_names") if names(b[n].attrs, "weight_names")]
    assert names(a.attrs, "layer_names") == weighted, "layer_names: the reference's layers that hold weights"
    print(f"OK: {count} datasets equal to {reference} (names, shapes, dtypes, values); layer_names match")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
