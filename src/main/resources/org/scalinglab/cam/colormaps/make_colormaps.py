#!/usr/bin/python3
"""Writes the 256-entry lookup tables of viridis, inferno and turbo beside this script.

Run with Debian's matplotlib (python3-matplotlib, here 3.6.3):  /usr/bin/python3 make_colormaps.py
Sources of the tables, as matplotlib ships them in matplotlib/_cm_listed.py:
  viridis, inferno: Nathaniel J. Smith and Stefan van der Walt (2015), CC0 1.0.
  turbo: Anton Mikhailov, "Turbo, An Improved Rainbow Colormap for Visualization", Google AI Blog (2019),
         Apache License 2.0.
"""
import os
from matplotlib import colormaps

SOURCES = {
    "viridis": "Smith & van der Walt (2015), CC0 1.0, as in matplotlib/_cm_listed.py",
    "inferno": "Smith & van der Walt (2015), CC0 1.0, as in matplotlib/_cm_listed.py",
    "turbo": "Mikhailov (2019), Google AI Blog 'Turbo', Apache-2.0, as in matplotlib/_cm_listed.py",
}

here = os.path.dirname(os.path.abspath(__file__))
for name, source in SOURCES.items():
    cmap = colormaps[name]
    assert cmap.N == 256
    with open(os.path.join(here, name + ".txt"), "w") as f:
        f.write(f"# {name}: 256 entries, r g b in [0, 1], entry i at value i/255. Source: {source}\n")
        f.write("# Made by make_colormaps.py in this folder.\n")
        for i in range(256):
            r, g, b, _ = cmap(i)
            f.write(f"{r:.6f} {g:.6f} {b:.6f}\n")
