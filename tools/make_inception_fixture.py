#!/usr/bin/python3
"""Golden fixture for autogan4j's FID Inception network (java/org/autogan4j/metrics/InceptionV3.java).

Builds pytorch-fid's fid_inception_v3 in PyTorch: torchvision's Inception3 with 1008 classes, no aux
logits, Mixed_5b/5c/5d, 6b..6e, 7b, 7c swapped for the FID variants written below (their pool
branch averages with count_include_pad=False; Mixed_7c max-pools instead). The real weights are
not needed: every parameter and batch-norm buffer named N with m elements is filled from
    h_i = fmix32((i + crc32(N)) mod 2^32)        (MurmurHash3's 32-bit finalizer, i = 0 .. m-1 row-major)
    t_i = ((h_i >>> 8) + 0.5) / 2^23 - 1         (uniform in (-1, 1), exact in float32)
    conv weight  t * CONV_GAIN / sqrt(fanIn)     bn.weight  1 + 0.1 t      bn.bias  0.1 t
    running_mean 0.05 t                          running_var 1 + 0.2 |t|
    fc.weight    t / sqrt(2048)                  fc.bias    0.1 t
which tests/org/autogan4j/metrics/FormulaWeights.java reproduces. (A smooth formula such as
sin(a i + b) makes every weight matrix rank 2, and the deep network then maps all inputs to the
same features; a hash does not.) Writes to tests/resources/fixtures/inception_net/:
  names.txt       the state_dict keys the network expects (num_batches_tracked left out)
  pruned.pth      torch.save of a few of those tensors, to test the name mapping of the loader
  small.agfx      x (2,3,32,32) in [0,1] -> pool3 (2,2048), logits (2,1008), probs (2,1008)
                  (inputs are in [0, 1], the wrapper's range: a generator's [-1, 1] output is mapped
                  by (x + 1) / 2 before scoring)
  odd.agfx        x (1,3,40,40) in [0,1] -> the same outputs
The forward is pytorch-fid's InceptionV3 wrapper with resize_input and normalize_input: bilinear
resize to 299x299 (align_corners=False), then 2x - 1. Run with Debian's /usr/bin/python3.
"""
import math
import zlib

import numpy as np
import torch
import torch.nn.functional as F
from torchvision.models import inception_v3
from torchvision.models.inception import InceptionA, InceptionC, InceptionE

from make_fixtures import OUT as FIXTURES
from make_fixtures import write_fixture

OUT = FIXTURES / "inception_net"
CONV_GAIN = 2.0  # keeps activations O(1) through the ~40 relu layers (He-like scale for t of variance 1/3)
PRUNED = ["Conv2d_1a_3x3.conv.weight", "Conv2d_1a_3x3.bn.weight", "Conv2d_1a_3x3.bn.bias",
          "Conv2d_1a_3x3.bn.running_mean", "Conv2d_1a_3x3.bn.running_var",
          "Mixed_5b.branch_pool.bn.running_var", "fc.bias"]


def avg3(x):
    return F.avg_pool2d(x, kernel_size=3, stride=1, padding=1, count_include_pad=False)


class FidA(InceptionA):
    def forward(self, x):
        b1 = self.branch1x1(x)
        b5 = self.branch5x5_2(self.branch5x5_1(x))
        bd = self.branch3x3dbl_3(self.branch3x3dbl_2(self.branch3x3dbl_1(x)))
        return torch.cat([b1, b5, bd, self.branch_pool(avg3(x))], 1)


class FidC(InceptionC):
    def forward(self, x):
        b1 = self.branch1x1(x)
        b7 = self.branch7x7_3(self.branch7x7_2(self.branch7x7_1(x)))
        bd = self.branch7x7dbl_1(x)
        for layer in (self.branch7x7dbl_2, self.branch7x7dbl_3, self.branch7x7dbl_4, self.branch7x7dbl_5):
            bd = layer(bd)
        return torch.cat([b1, b7, bd, self.branch_pool(avg3(x))], 1)


class FidE(InceptionE):
    def __init__(self, in_channels, max_pool):
        super().__init__(in_channels)
        self.max_pool = max_pool

    def forward(self, x):
        b1 = self.branch1x1(x)
        b3 = self.branch3x3_1(x)
        b3 = torch.cat([self.branch3x3_2a(b3), self.branch3x3_2b(b3)], 1)
        bd = self.branch3x3dbl_2(self.branch3x3dbl_1(x))
        bd = torch.cat([self.branch3x3dbl_3a(bd), self.branch3x3dbl_3b(bd)], 1)
        pooled = F.max_pool2d(x, 3, stride=1, padding=1) if self.max_pool else avg3(x)
        return torch.cat([b1, b3, bd, self.branch_pool(pooled)], 1)


def fid_inception():
    net = inception_v3(weights=None, aux_logits=False, init_weights=False, num_classes=1008)
    net.Mixed_5b, net.Mixed_5c, net.Mixed_5d = FidA(192, 32), FidA(256, 64), FidA(288, 64)
    net.Mixed_6b, net.Mixed_6c = FidC(768, 128), FidC(768, 160)
    net.Mixed_6d, net.Mixed_6e = FidC(768, 160), FidC(768, 192)
    net.Mixed_7b, net.Mixed_7c = FidE(1280, False), FidE(2048, True)
    return net.eval()


def fmix32(h):
    """MurmurHash3's finalizer on uint64 arrays holding 32-bit values."""
    mask = np.uint64(0xFFFFFFFF)
    h = h ^ (h >> np.uint64(16))
    h = (h * np.uint64(0x85EBCA6B)) & mask
    h = h ^ (h >> np.uint64(13))
    h = (h * np.uint64(0xC2B2AE35)) & mask
    return h ^ (h >> np.uint64(16))


def formula(name, shape):
    m = math.prod(shape)
    seed = np.uint64(zlib.crc32(name.encode("utf-8")))
    h = fmix32((np.arange(m, dtype=np.uint64) + seed) & np.uint64(0xFFFFFFFF))
    t = torch.from_numpy(((h >> np.uint64(8)).astype(np.float64) + 0.5) / 2.0**23 - 1).reshape(shape)
    if name == "fc.weight":
        return t / math.sqrt(shape[1])
    if name.endswith("conv.weight"):
        return t * CONV_GAIN / math.sqrt(math.prod(shape[1:]))
    if name.endswith("bn.weight"):
        return 1 + 0.1 * t
    if name.endswith("running_mean"):
        return 0.05 * t
    if name.endswith("running_var"):
        return 1 + 0.2 * t.abs()
    return 0.1 * t  # bn.bias, fc.bias


def fill(net):
    state = {k: v for k, v in net.state_dict().items() if not k.endswith("num_batches_tracked")}
    filled = {k: formula(k, tuple(v.shape)).float() for k, v in state.items()}
    net.load_state_dict(filled, strict=False)
    return filled


def features(net, x):
    """pytorch-fid's wrapper (resize_input, normalize_input) -> pool3 (n,2048), logits (n,1008)."""
    y = 2 * F.interpolate(x, size=(299, 299), mode="bilinear", align_corners=False) - 1
    for name in ["Conv2d_1a_3x3", "Conv2d_2a_3x3", "Conv2d_2b_3x3", "maxpool1", "Conv2d_3b_1x1",
                 "Conv2d_4a_3x3", "maxpool2", "Mixed_5b", "Mixed_5c", "Mixed_5d", "Mixed_6a", "Mixed_6b",
                 "Mixed_6c", "Mixed_6d", "Mixed_6e", "Mixed_7a", "Mixed_7b", "Mixed_7c"]:
        y = getattr(net, name)(y)
    pool3 = F.adaptive_avg_pool2d(y, 1).flatten(1)
    return pool3, net.fc(pool3)


def case(net, x):
    with torch.no_grad():
        pool3, logits = features(net, x)
    print(f"  pool3 mean {pool3.mean():.4g} max {pool3.abs().max():.4g}; logits std {logits.std():.4g}")
    return [("x", x), ("pool3", pool3), ("logits", logits), ("probs", F.softmax(logits, 1))]


def main():
    torch.manual_seed(0)
    OUT.mkdir(parents=True, exist_ok=True)
    net = fid_inception()
    filled = fill(net)
    (OUT / "names.txt").write_text("".join(k + "\n" for k in filled))
    torch.save({k: filled[k] for k in PRUNED}, OUT / "pruned.pth")
    x_small = torch.rand(2, 3, 32, 32)
    x_odd = torch.rand(1, 3, 40, 40)
    write_fixture(OUT / "small.agfx", case(net, x_small))
    write_fixture(OUT / "odd.agfx", case(net, x_odd))
    print(f"{len(filled)} tensors, {sum(v.numel() for v in filled.values())} values")


if __name__ == "__main__":
    main()
