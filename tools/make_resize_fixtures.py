#!/usr/bin/python3
"""Fixtures that pin the Java downscale (org.autogan4j.data.PilResize) to PIL's Image.resize(BILINEAR).

AutoGAN's data pipeline shrinks images with torchvision's Resize, i.e. PIL's bilinear resampling:
a triangle filter whose support grows with the scale factor (antialiased), computed in fixed point
and rounded to uint8. Run with Debian's Pillow (/usr/bin/python3, python3-pil): it writes one file
per case to tests/resources/fixtures/resize/<case>.agfx in the AGFX1 format of make_fixtures.py
(no torch needed). Entries: "x" (C, H, W) the uint8 source image and "y" (C, h, w) PIL's result,
both as float32 holding whole numbers 0..255, and the scalars "outH", "outW". The images are seeded
noise plus a few hard edges and flat areas, so every rounding path is exercised; rerunning rewrites
identical files.
"""
import pathlib
import random
import struct

from PIL import Image

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "resources" / "fixtures" / "resize"
MAGIC = b"AGFX1\0\0\0"

# (case, channels, in H, in W, out H, out W)
CASES = [
    ("rgb_32_to_16", 3, 32, 32, 16, 16),
    ("rgb_32_to_8", 3, 32, 32, 8, 8),
    ("rgb_96_to_48", 3, 96, 96, 48, 48),
    ("rgb_48_to_24", 3, 48, 48, 24, 24),
    ("rgb_48_to_12", 3, 48, 48, 12, 12),
    ("gray_28_to_14", 1, 28, 28, 14, 14),
    ("gray_32_to_12", 1, 32, 32, 12, 12),
    ("gray_27_to_10", 1, 27, 27, 10, 10),
    ("gray_33_to_7x5", 1, 33, 21, 7, 5),
    ("gray_16_to_16", 1, 16, 16, 16, 16),
]


def source_plane(rng, h, w):
    """Noise with a flat black block, a flat white block and a vertical hard edge."""
    plane = [[rng.randrange(256) for _ in range(w)] for _ in range(h)]
    for y in range(h // 4):
        for x in range(w // 4):
            plane[y][x] = 0
            plane[h - 1 - y][w - 1 - x] = 255
    for y in range(h // 2, h):
        plane[y][w // 2] = 255
    return plane


def write_fixture(path, entries):
    """entries: list of (name, dims, flat values) -> the .agfx file at path."""
    out = bytearray(MAGIC)
    out += struct.pack("<i", len(entries))
    for name, dims, values in entries:
        encoded = name.encode("utf-8")
        out += struct.pack("<i", len(encoded)) + encoded
        out += struct.pack("<i", len(dims)) + struct.pack(f"<{len(dims)}i", *dims)
        out += struct.pack(f"<{len(values)}f", *values)
    path.write_bytes(bytes(out))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for case, c, h, w, oh, ow in CASES:
        rng = random.Random(case)
        planes = [source_plane(rng, h, w) for _ in range(c)]
        if c == 1:
            image = Image.frombytes("L", (w, h), bytes(v for row in planes[0] for v in row))
        else:
            interleaved = bytes(planes[k][y][x] for y in range(h) for x in range(w) for k in range(3))
            image = Image.frombytes("RGB", (w, h), interleaved)
        resized = image.resize((ow, oh), Image.BILINEAR)
        bands = resized.split()
        x = [float(v) for plane in planes for row in plane for v in row]
        y = [float(v) for band in bands for v in band.getdata()]
        write_fixture(OUT / f"{case}.agfx", [("x", [c, h, w], x), ("y", [c, oh, ow], y),
                                             ("outH", [], [float(oh)]), ("outW", [], [float(ow)])])
        print(f"{case}: {c}x{h}x{w} -> {c}x{oh}x{ow}")


if __name__ == "__main__":
    main()
