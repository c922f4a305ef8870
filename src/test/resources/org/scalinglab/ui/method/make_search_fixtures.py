#!/usr/bin/env python3
"""Writes synthetic-grid.json and synthetic-sweep.json: made-up search results (NOT measured) in the layout of
train.GridSearchReport and train.SweepReport, for the window's tests and for screenshots before real results exist.
Accuracies are a smooth made-up function plus fixed pseudo-noise; multiply-adds scale the study base's 51.1 M by the
cost multiplier. Run: python3 make_search_fixtures.py"""
import json, math, random
from fractions import Fraction as F

random.seed(6)
BASE = {"width": 0.5, "depth": 0.6, "resolution": 160}
BASE_MACS, BASE_PARAMS = 51_102_672, 853_939
CLASSES = ["synthetic-%d" % i for i in range(10)]

def candidates(step, tol):
    s, hi, lo = F(step), 2 * (1 + F(tol)), 2 * (1 - F(tol))
    out = []
    for i in range(200):
        a = 1 + i * s
        if a > hi: break
        for j in range(200):
            b = 1 + j * s
            if a * b * b > hi: break
            for k in range(200):
                g = 1 + k * s
                c = a * b * b * g * g
                if c > hi: break
                if c >= lo: out.append((float(a), float(b), float(g)))
    return out

grid = []
for n, (a, b, g) in enumerate(candidates("0.05", "0.05")):
    cost = a * b * b * g * g
    # made up: best near a balanced split, a little pseudo-noise
    acc = 0.34 - 0.05 * ((a - 1.25) ** 2 + 3 * (b - 1.1) ** 2 + 2 * (g - 1.15) ** 2) + random.gauss(0, 0.006)
    trained = n % 23 != 22   # a few not trained yet, as after an interrupted search
    grid.append({"alpha": a, "beta": b, "gamma": g, "width": round(BASE["width"] * b, 4), "depth": round(BASE["depth"] * a, 4),
                 "resolution": int(round(BASE["resolution"] * g / 8) * 8), "params": int(BASE_PARAMS * b * b * a),
                 "macs": int(BASE_MACS * cost), "top1": round(acc, 4) if trained else None,
                 "top5": round(min(1, acc + 0.4), 4) if trained else None, "trainingSeconds": 300.0 * cost if trained else 0.0,
                 "weights": "grid/%d/model.h5" % n if trained else None})
json.dump({"base": BASE, "step": 0.05, "tolerance": 0.05, "epochs": 2, "perClass": 100, "classes": CLASSES,
           "candidates": grid}, open("synthetic-grid.json", "w"), indent=1)

points = [{"mode": "base", "phi": 0.0, "width": 0.5, "depth": 0.6, "resolution": 160, "params": BASE_PARAMS,
           "macs": BASE_MACS, "macsDifference": 0.0, "top1": 0.30, "top5": 0.70, "trainingSeconds": 600.0, "weights": "base.h5"}]
gain = {"compound": 0.045, "width": 0.03, "depth": 0.025, "resolution": 0.035}
for phi in (1.0, 2.0):
    macs = BASE_MACS * 1.92 ** phi
    for mode, g in gain.items():
        w = 0.5 * (1.1 ** phi if mode == "compound" else 1.92 ** (phi / 2) if mode == "width" else 1)
        d = 0.6 * (1.2 ** phi if mode == "compound" else 1.92 ** phi if mode == "depth" else 1)
        r = int(round(160 * (1.15 ** phi if mode == "compound" else 1.92 ** (phi / 2) if mode == "resolution" else 1) / 8) * 8)
        trained = not (phi == 2.0 and mode == "depth")
        points.append({"mode": mode, "phi": phi, "width": round(w, 4), "depth": round(d, 4), "resolution": r,
                       "params": int(BASE_PARAMS * (w / 0.5) ** 2 * d / 0.6), "macs": int(macs * (1 + 0.001 * len(mode))),
                       "macsDifference": round(0.001 * len(mode), 4),
                       "top1": round(0.30 + g * phi * (1 - 0.15 * (phi - 1)), 4) if trained else None,
                       "top5": round(0.72 + g * phi, 4) if trained else None,
                       "trainingSeconds": 600.0 * 1.92 ** phi if trained else 0.0,
                       "weights": "sweep/%s-%g.h5" % (mode, phi) if trained else None})
json.dump({"base": BASE, "alpha": 1.2, "beta": 1.1, "gamma": 1.15, "phis": [0.0, 1.0, 2.0], "epochs": 2, "perClass": 100,
           "classes": CLASSES, "points": points}, open("synthetic-sweep.json", "w"), indent=1)
