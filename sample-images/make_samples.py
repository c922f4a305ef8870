"""Copies the sample photos out of Debian's python3-skimage, python3-sklearn and python3-scipy packages.
Run: /usr/bin/python3 sample-images/make_samples.py  (writes JPEGs, longest side at most 640 px, next to this script)."""
import bz2, os, pickle
import numpy as np
from PIL import Image

here = os.path.dirname(os.path.abspath(__file__))
sk = "/usr/lib/python3/dist-packages/skimage/data/"
sl = "/usr/lib/python3/dist-packages/sklearn/datasets/images/"

def save(img, name):
    img.thumbnail((640, 640), Image.LANCZOS)
    img.save(os.path.join(here, name), quality=90)

for src, name in [(sk + "chelsea.png", "cat-chelsea.jpg"), (sk + "coffee.png", "coffee-cup.jpg"),
                  (sk + "astronaut.png", "astronaut.jpg"), (sk + "rocket.jpg", "rocket-launch.jpg"),
                  (sk + "camera.png", "cameraman-gray.jpg"), (sl + "china.jpg", "china-temple.jpg"),
                  (sl + "flower.jpg", "flower.jpg")]:
    save(Image.open(src).convert("RGB") if not name.endswith("gray.jpg") else Image.open(src).convert("L"), name)

with open("/usr/lib/python3/dist-packages/scipy/misc/face.dat", "rb") as f:
    raw = bz2.decompress(f.read())
face = np.frombuffer(raw, dtype=np.uint8).reshape(768, 1024, 3)
save(Image.fromarray(face), "raccoon.jpg")
