#!/usr/bin/python3
"""Golden fixtures that pin the InceptionV3 inference ops of native/include/ag/kernels.h to PyTorch.

The ops pytorch-fid's FID Inception needs beyond the GAN's own: max_pool2d, avg_pool2d with a
window (with and without count_include_pad), adaptive_avg_pool2d to 1x1, the channel concat,
softmax / log_softmax, and batch norm in eval (eps 1e-3) + relu as a per-channel affine map.
Run with Debian's PyTorch (/usr/bin/python3): it writes one file per case to
tests/resources/fixtures/inception/<case>.agfx in the AGFX1 format of make_fixtures.py (its
writer is reused). Shapes are small and odd, plus the sizes InceptionV3 pools at (35, 17, 8);
each case seeds torch from its name, so rerunning rewrites identical files. Integer parameters
(kernel, stride, pad, countIncludePad, log, relu, offset) are rank-0 scalars.
"""
import zlib

import torch
import torch.nn.functional as F

from make_fixtures import OUT as FIXTURES
from make_fixtures import write_fixture

OUT = FIXTURES / "inception"
BN_EPS = 1e-3  # pytorch-fid's BasicConv2d: BatchNorm2d(eps=0.001)


def max_pool_case(shape, kernel, stride, pad):
    x = torch.randn(*shape)
    y = F.max_pool2d(x, kernel, stride, pad)
    return [("x", x), ("y", y), ("kernel", kernel), ("stride", stride), ("pad", pad)]


def avg_pool_case(shape, kernel, stride, pad, count_include_pad):
    x = torch.randn(*shape)
    y = F.avg_pool2d(x, kernel, stride, pad, count_include_pad=count_include_pad)
    return [("x", x), ("y", y), ("kernel", kernel), ("stride", stride), ("pad", pad),
            ("countIncludePad", int(count_include_pad))]


def adaptive_avg_pool_case(shape):
    x = torch.randn(*shape)
    return [("x", x), ("y", F.adaptive_avg_pool2d(x, 1).flatten(1))]


def concat_case(n, channels, h, w):
    """Branches a, b, c of channels[i] channels and their torch.cat along dim 1."""
    parts = [torch.randn(n, c, h, w) for c in channels]
    return [(name, t) for name, t in zip("abc", parts)] + [("y", torch.cat(parts, 1))]


def softmax_case(rows, cols, scale, log):
    x = torch.randn(rows, cols) * scale
    y = F.log_softmax(x, 1) if log else F.softmax(x, 1)
    return [("x", x), ("y", y), ("log", int(log))]


def channel_affine_case(shape, relu):
    """Eval batch norm (+ relu): the reference is F.batch_norm itself; scale and shift are folded."""
    c = shape[1]
    x = torch.randn(*shape)
    gamma, beta = torch.rand(c) + 0.5, torch.randn(c)
    mean, var = torch.randn(c), torch.rand(c) + 0.1
    y = F.batch_norm(x, mean, var, gamma, beta, training=False, eps=BN_EPS)
    if relu:
        y = F.relu(y)
    scale = gamma / torch.sqrt(var + BN_EPS)
    shift = beta - mean * scale
    return [("x", x), ("scale", scale), ("shift", shift), ("y", y), ("relu", int(relu))]


CASES = {
    "max_pool2d_k3s2_odd": lambda: max_pool_case((2, 3, 9, 11), 3, 2, 0),
    "max_pool2d_k3s2_35": lambda: max_pool_case((1, 2, 35, 35), 3, 2, 0),
    "max_pool2d_k3s2_17": lambda: max_pool_case((2, 3, 17, 17), 3, 2, 0),
    "max_pool2d_k3s2p1": lambda: max_pool_case((1, 2, 7, 8), 3, 2, 1),
    "avg_pool2d_k3s1p1_include": lambda: avg_pool_case((2, 3, 7, 9), 3, 1, 1, True),
    "avg_pool2d_k3s1p1_exclude": lambda: avg_pool_case((2, 3, 7, 9), 3, 1, 1, False),
    "avg_pool2d_k3s1p1_exclude_8": lambda: avg_pool_case((1, 3, 8, 8), 3, 1, 1, False),
    "avg_pool2d_k3s1p1_include_17": lambda: avg_pool_case((1, 2, 17, 17), 3, 1, 1, True),
    "avg_pool2d_k3s2p1_include": lambda: avg_pool_case((1, 2, 6, 7), 3, 2, 1, True),
    "avg_pool2d_k3s2p1_exclude": lambda: avg_pool_case((1, 2, 6, 7), 3, 2, 1, False),
    "avg_pool2d_k2s2_floor": lambda: avg_pool_case((1, 2, 5, 5), 2, 2, 0, True),
    "adaptive_avg_pool2d_odd": lambda: adaptive_avg_pool_case((2, 3, 5, 7)),
    "adaptive_avg_pool2d_8": lambda: adaptive_avg_pool_case((2, 5, 8, 8)),
    "concat": lambda: concat_case(2, (3, 1, 4), 5, 7),
    "softmax": lambda: softmax_case(3, 7, 1.0, False),
    "softmax_1008": lambda: softmax_case(5, 1008, 8.0, False),
    "log_softmax": lambda: softmax_case(3, 7, 1.0, True),
    "log_softmax_1008": lambda: softmax_case(5, 1008, 8.0, True),
    "channel_affine": lambda: channel_affine_case((2, 3, 5, 7), False),
    "channel_affine_relu": lambda: channel_affine_case((2, 5, 8, 8), True),
}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make in CASES.items():
        torch.manual_seed(zlib.crc32(name.encode("utf-8")))
        path = OUT / f"{name}.agfx"
        write_fixture(path, make())
        print(f"{path.relative_to(FIXTURES.parent.parent.parent)}  {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
