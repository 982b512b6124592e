#!/usr/bin/python3
"""Reference computations of the scoring conventions (docs/scoring.md), written from the published
definitions with numpy, PyTorch and PIL, for the fixture scripts make_scoring_fixtures.py and
make_inception_fixture.py. Nothing here is autogan4j code; the Java tests compare against it.

  quantize(x)          the original AutoGAN conversion of generated images: x.mul_(127.5).add_(127.5)
                       .clamp_(0, 255).to(torch.uint8) (float32 ops; the cast truncates)
  tf1_resize(x, h, w)  TF 1.x resize_bilinear, align_corners=False, no half-pixel centres, float32:
                       in = i * (in/out), lower = int(in), upper = min(lower + 1, in - 1),
                       top + (bottom - top) * y_lerp of the horizontally interpolated rows
  tf1_resize_grid(...) the same resize by torch.grid_sample (an independent check of tf1_resize)
  clean_resize(img)    clean-fid "clean": each channel as a PIL 'F' image, resize BICUBIC, clip to [0, 255]
  kid(f1, f2, ...)     torch-fidelity's KID: numpy RandomState(seed), per subset choice(n1, m, replace=False)
                       then choice(n2, m, replace=False), unbiased MMD^2 with k(x, y) = (x.y / d + 1)^3,
                       mean and std (ddof 0) over the subsets; here in float64
  fid(mu1, s1, mu2, s2)  the FID formula with Tr sqrtm(s1 s2) = sum of sqrt(eigenvalues of s1 s2)
                       (numpy only; scipy's sqrtm gives the same trace)
"""
import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image


def quantize(x):
    """x: float32 torch tensor in [-1, 1] -> uint8 tensor, as AutoGAN's functions.py converts."""
    return x.clone().mul_(127.5).add_(127.5).clamp_(0.0, 255.0).to(torch.uint8)


def _tf1_axis(in_size, out_size):
    scale = np.float32(in_size) / np.float32(out_size)
    coord = np.arange(out_size, dtype=np.float32) * scale
    lower = coord.astype(np.int64)
    upper = np.minimum(lower + 1, in_size - 1)
    lerp = (coord - lower.astype(np.float32)).astype(np.float32)
    return lower, upper, lerp


def tf1_resize(x, out_h, out_w):
    """x (..., h, w) float32 -> (..., out_h, out_w) float32, TF1 legacy bilinear."""
    x = np.asarray(x, dtype=np.float32)
    ry0, ry1, ly = _tf1_axis(x.shape[-2], out_h)
    rx0, rx1, lx = _tf1_axis(x.shape[-1], out_w)
    top_left = x[..., ry0, :][..., :, rx0]
    top_right = x[..., ry0, :][..., :, rx1]
    bottom_left = x[..., ry1, :][..., :, rx0]
    bottom_right = x[..., ry1, :][..., :, rx1]
    top = top_left + (top_right - top_left) * lx
    bottom = bottom_left + (bottom_right - bottom_left) * lx
    return (top + (bottom - top) * ly[:, None]).astype(np.float32)


def tf1_resize_grid(x, out_h, out_w):
    """The TF1 resize through torch.grid_sample: sample points i * in/out on the align_corners=True grid."""
    t = torch.from_numpy(np.asarray(x, dtype=np.float64)).reshape(1, -1, x.shape[-2], x.shape[-1])
    h, w = t.shape[-2:]
    gy = torch.arange(out_h, dtype=torch.float64) * (h / out_h) * 2 / max(h - 1, 1) - 1
    gx = torch.arange(out_w, dtype=torch.float64) * (w / out_w) * 2 / max(w - 1, 1) - 1
    grid = torch.stack(torch.meshgrid(gx, gy, indexing="xy"), dim=-1).unsqueeze(0)
    y = F.grid_sample(t, grid, mode="bilinear", padding_mode="border", align_corners=True)
    return y.reshape(np.asarray(x).shape[:-2] + (out_h, out_w)).numpy()


def pil_bicubic_plane(plane, out_h, out_w):
    """One float32 plane through PIL's Image.resize(BICUBIC) in mode 'F' (no clipping)."""
    image = Image.fromarray(np.asarray(plane, dtype=np.float32), mode="F")
    return np.array(image.resize((out_w, out_h), resample=Image.BICUBIC), dtype=np.float32)


def clean_resize(image_chw, size=299):
    """uint8 (c, h, w) -> float32 (c, size, size): clean-fid's clean mode resize, clipped to [0, 255]."""
    planes = [pil_bicubic_plane(p.astype(np.float32), size, size) for p in np.asarray(image_chw)]
    return np.clip(np.stack(planes), 0, 255).astype(np.float32)


def _polynomial(a, b):
    return (a @ b.T / a.shape[1] + 1.0) ** 3


def kid(f1, f2, subsets=100, subset_size=1000, seed=2020):
    """-> (mean, std, first subset indices of f1, of f2)."""
    f1 = np.asarray(f1, dtype=np.float64)
    f2 = np.asarray(f2, dtype=np.float64)
    rng = np.random.RandomState(seed)
    m = subset_size
    mmds = []
    firsts = None
    for s in range(subsets):
        i1 = rng.choice(len(f1), m, replace=False)
        i2 = rng.choice(len(f2), m, replace=False)
        if firsts is None:
            firsts = (i1, i2)
        x, y = f1[i1], f2[i2]
        kxx, kyy, kxy = _polynomial(x, x), _polynomial(y, y), _polynomial(x, y)
        off_diagonal = kxx.sum() - np.trace(kxx) + kyy.sum() - np.trace(kyy)
        mmds.append(off_diagonal / (m * (m - 1)) - 2 * kxy.sum() / (m * m))
    return float(np.mean(mmds)), float(np.std(mmds)), firsts[0], firsts[1]


def statistics(features):
    f = np.asarray(features, dtype=np.float64)
    return f.mean(axis=0), np.cov(f, rowvar=False)


def fid(mu1, sigma1, mu2, sigma2):
    diff = mu1 - mu2
    eigenvalues = np.linalg.eigvals(sigma1 @ sigma2)
    trace_sqrt = np.sqrt(np.clip(eigenvalues.real, 0, None)).sum()
    return float(diff @ diff + np.trace(sigma1) + np.trace(sigma2) - 2 * trace_sqrt)
