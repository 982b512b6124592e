#!/usr/bin/python3
"""Golden fixtures for the scoring steps that need no Inception network (tools/scoring_reference.py has
the reference definitions): TF1 bilinear resize, clean-fid's PIL bicubic resize, the uint8
quantization of generated images and torch-fidelity's KID estimator. Run with Debian's /usr/bin/python3
(numpy, torch, PIL); it writes tests/resources/fixtures/scoring/<case>.agfx (AGFX1, make_fixtures.py):
  tf1_<case>      "x" (h, w) float32 plane, "y" the TF1 resize to (outH, outW), or, for 299-pixel
                  outputs, only the rows listed in "rows" ("y" (len(rows), outW)) to keep files small
  clean_<case>    the same for PIL bicubic in float ('F' mode), unclipped; "x" holds uint8 values
  quantize        "x" float32 generated values (seeded noise, every uint8 level's exact preimage and
                  its float neighbours, out-of-range values) and "y" the uint8 results as floats
  kid_<case>      "f1" (n1, d), "f2" (n2, d) float32 features, "subsets", "subsetSize", "seed", and
                  "mean", "std" of the KID; "first1", "first2" the indices of the first subset
A fixed seed per case makes reruns write identical files.
"""
import pathlib
import sys
import zlib

import numpy as np
import torch

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from make_fixtures import write_fixture  # noqa: E402
import scoring_reference as ref  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "resources" / "fixtures" / "scoring"
ROWS_299 = list(range(0, 4)) + list(range(146, 154)) + list(range(295, 299))
GRID_AGREEMENT = 1e-3  # TF1 reference vs grid_sample on 0..255 data: float32 vs float64 rounding only


def rng_for(case):
    return np.random.default_rng(zlib.crc32(case.encode()))


def uint8_plane(rng, h, w):
    """Noise with a black block, a white block and a hard vertical edge (bicubic overshoots there)."""
    p = rng.integers(0, 256, size=(h, w)).astype(np.float32)
    p[: h // 3, : w // 3] = 0
    p[h - h // 3:, w - w // 3:] = 255
    p[:, w // 2] = 255
    return p


def resize_case(kind, case, h, w, out_h, out_w, uint8=True):
    rng = rng_for(kind + case)
    x = uint8_plane(rng, h, w) if uint8 else (rng.normal(size=(h, w)) * 50).astype(np.float32)
    if kind == "tf1":
        y = ref.tf1_resize(x, out_h, out_w)
        grid = ref.tf1_resize_grid(x, out_h, out_w)
        scale = max(1.0, float(np.abs(x).max()))
        assert np.abs(y - grid).max() <= GRID_AGREEMENT * scale, f"{case}: TF1 reference disagrees with grid_sample"
    else:
        y = ref.pil_bicubic_plane(x, out_h, out_w)
    entries = [("x", x), ("outH", out_h), ("outW", out_w)]
    if out_h == 299:
        entries += [("rows", np.array(ROWS_299, dtype=np.float32)), ("y", y[ROWS_299])]
    else:
        entries += [("y", y)]
    write_fixture(OUT / f"{kind}_{case}.agfx", entries)
    print(f"{kind}_{case}: {h}x{w} -> {out_h}x{out_w}, y in [{y.min():.3f}, {y.max():.3f}]")


def quantize_case():
    rng = rng_for("quantize")
    levels = (np.arange(256, dtype=np.float32) - np.float32(127.5)) / np.float32(127.5)
    neighbours = np.concatenate([np.nextafter(levels, np.float32(-2)), np.nextafter(levels, np.float32(2))])
    noise = (rng.normal(size=500) * 0.8).astype(np.float32)
    extremes = np.array([-1, 1, 0, -1.5, 1.5, -10, 10, 1e-7, -1e-7], dtype=np.float32)
    x = np.concatenate([levels, neighbours, noise, extremes]).astype(np.float32)
    y = ref.quantize(torch.from_numpy(x)).numpy().astype(np.float32)
    write_fixture(OUT / "quantize.agfx", [("x", x), ("y", y)])
    print(f"quantize: {len(x)} values, {int((y != np.round(x * 127.5 + 127.5).clip(0, 255)).sum())} differ "
          "from rounding")


def kid_case(case, n1, n2, d, subsets, subset_size, seed):
    rng = rng_for("kid" + case)
    f1 = np.abs(rng.normal(size=(n1, d))).astype(np.float32)
    f2 = (np.abs(rng.normal(size=(n2, d))) * 1.1 + 0.05).astype(np.float32)
    mean, std, first1, first2 = ref.kid(f1, f2, subsets, subset_size, seed)
    write_fixture(OUT / f"kid_{case}.agfx", [("f1", f1), ("f2", f2), ("subsets", subsets),
                                               ("subsetSize", subset_size), ("seed", seed), ("mean", mean),
                                               ("std", std), ("first1", first1.astype(np.float32)),
                                               ("first2", first2.astype(np.float32))])
    print(f"kid_{case}: {mean:.8g} +- {std:.8g}")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    resize_case("tf1", "5x7_to_13x11", 5, 7, 13, 11, uint8=False)
    resize_case("tf1", "64x50_to_29x23", 64, 50, 29, 23)
    resize_case("tf1", "8_to_299", 8, 8, 299, 299)
    resize_case("tf1", "32_to_299", 32, 32, 299, 299)
    resize_case("tf1", "48x20_to_299", 48, 20, 299, 299)
    resize_case("clean", "5x7_to_13x11", 5, 7, 13, 11)
    resize_case("clean", "96x80_to_29x31", 96, 80, 29, 31)
    resize_case("clean", "16x24_to_16x40", 16, 24, 16, 40)
    resize_case("clean", "8_to_299", 8, 8, 299, 299)
    resize_case("clean", "32_to_299", 32, 32, 299, 299)
    resize_case("clean", "48x20_to_299", 48, 20, 299, 299)
    quantize_case()
    kid_case("default", 1100, 1050, 8, 100, 1000, 2020)
    kid_case("small", 120, 90, 5, 10, 50, 7)


if __name__ == "__main__":
    main()
