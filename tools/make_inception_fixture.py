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
same features; a hash does not.) The network is run from its 299x299 input: pool3 (adaptive average
pool after Mixed_7c), logits = pool3 @ fc.weight^T WITHOUT fc.bias (the original IS), and their
softmax over the 1008 classes. The inputs reach it in the conventions of tools/scoring_reference.py.
Writes to tests/resources/fixtures/inception_net/:
  names.txt       the state_dict keys the network expects (num_batches_tracked left out)
  pruned.pth      torch.save of a few of those tensors, to test the name mapping of the loader
  small.agfx      x (2,3,32,32) in [0,1] -> pytorch-fid input (F.interpolate bilinear, align_corners=False,
                  then 2x - 1) -> pool3 (2,2048), logits (2,1008), probs (2,1008)
  odd.agfx        x (1,3,40,40) in [0,1] -> the same outputs
  tf1.agfx        x (2,3,32,32) generated values in about [-1.1, 1.1] -> quantize -> TF1 resize ->
                  (x - 128) / 128 -> pool3, logits, probs (the original IS path)
  clean.agfx      x (1,3,20,28) uint8 values -> clean-fid resize -> (x - 128) / 128 -> pool3
  folders/a, b    six small images (RGB, grey, RGBA, palette PNGs, one JPEG; several sizes)
  folders.agfx    "<file>" the RGB uint8 (3,h,w) PIL decodes from each image (convert("RGB")); from the
                  pytorch-fid features of every image "fid_pytorch_fid", the FID of a against b (exact
                  low-rank trace of sqrtm, checked against the eigenvalue route), and
                  "kid_mean_pytorch_fid", "kid_std_pytorch_fid", torch-fidelity's KID (5 subsets of 2,
                  seed 2020); from the clean features of a, "mu_clean_a" and "var_clean_a" (the mean
                  and the diagonal of the covariance)
Run with Debian's /usr/bin/python3.
"""
import math
import sys
import zlib

import numpy as np
import torch
import torch.nn.functional as F
from torchvision.models import inception_v3
from PIL import Image
from torchvision.models.inception import InceptionA, InceptionC, InceptionE

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
from make_fixtures import OUT as FIXTURES  # noqa: E402
from make_fixtures import write_fixture  # noqa: E402
import scoring_reference as ref  # noqa: E402

OUT = FIXTURES / "inception_net"
# He's scale for t of variance 1/3 (std sqrt(2 / fanIn)): activations stay O(1) and different images keep
# clearly different features through the ~40 relu layers (a gain of 2 shrinks them to ~1% apart)
CONV_GAIN = math.sqrt(6)
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


def network(net, y):
    """The network from its normalised (n,3,299,299) input -> pool3 (n,2048), unbiased logits (n,1008)."""
    for name in ["Conv2d_1a_3x3", "Conv2d_2a_3x3", "Conv2d_2b_3x3", "maxpool1", "Conv2d_3b_1x1",
                 "Conv2d_4a_3x3", "maxpool2", "Mixed_5b", "Mixed_5c", "Mixed_5d", "Mixed_6a", "Mixed_6b",
                 "Mixed_6c", "Mixed_6d", "Mixed_6e", "Mixed_7a", "Mixed_7b", "Mixed_7c"]:
        y = getattr(net, name)(y)
    pool3 = F.adaptive_avg_pool2d(y, 1).flatten(1)
    return pool3, pool3 @ net.fc.weight.T


def pytorch_fid_input(x):
    """pytorch-fid's wrapper (resize_input, normalize_input) on x (n,3,h,w) in [0, 1]."""
    return 2 * F.interpolate(x, size=(299, 299), mode="bilinear", align_corners=False) - 1


def tf_normalise(y):
    """The TF graph's (x - 128) * 0.0078125 on [0, 255] floats, as a tensor."""
    return (torch.from_numpy(np.ascontiguousarray(y, dtype=np.float32)) - 128) / 128


def outputs(net, y):
    with torch.no_grad():
        pool3, logits = network(net, y)
    print(f"  pool3 mean {pool3.mean():.4g} max {pool3.abs().max():.4g}; logits std {logits.std():.4g}")
    return [("pool3", pool3), ("logits", logits), ("probs", F.softmax(logits, 1))]


def pytorch_fid_case(net, x):
    return [("x", x)] + outputs(net, pytorch_fid_input(x))


def tf1_case(net, x):
    q = ref.quantize(x).numpy().astype(np.float32)
    return [("x", x)] + outputs(net, tf_normalise(ref.tf1_resize(q, 299, 299)))


def clean_case(net, x_uint8):
    y = np.stack([ref.clean_resize(image) for image in x_uint8])
    return [("x", torch.from_numpy(x_uint8.astype(np.float32)))] + outputs(net, tf_normalise(y))[:1]


FOLDER_IMAGES = {  # name: (folder, PIL mode, height, width)
    "a1.png": ("a", "RGB", 24, 24), "a2.png": ("a", "L", 32, 32), "a3.png": ("a", "RGBA", 20, 28),
    "b1.png": ("b", "P", 24, 24), "b2.jpg": ("b", "RGB", 32, 32), "b3.png": ("b", "RGB", 32, 32),
}
KID_SUBSETS, KID_SUBSET_SIZE = 5, 2


def folder_image(name, mode, h, w):
    """Smooth colour gradients plus seeded noise, in the PIL mode asked."""
    rng = np.random.default_rng(zlib.crc32(name.encode()))
    yy, xx = np.mgrid[0:h, 0:w]
    rgb = np.stack([xx * 255 / w, yy * 255 / h, (xx + yy) * 127 / (h + w) + 64], axis=-1)
    rgb = np.clip(rgb + rng.normal(scale=25, size=rgb.shape), 0, 255).astype(np.uint8)
    image = Image.fromarray(rgb, "RGB")
    if mode == "L":
        return image.convert("L")
    if mode == "RGBA":
        alpha = Image.fromarray(rng.integers(0, 256, size=(h, w)).astype(np.uint8), "L")
        image.putalpha(alpha)
        return image
    if mode == "P":
        return image.quantize(colors=32)
    return image


def image_features(net, rgb_chw, mode):
    if mode == "pytorch-fid":
        y = pytorch_fid_input(torch.from_numpy(rgb_chw.astype(np.float32)).unsqueeze(0) / 255)
    else:
        y = tf_normalise(ref.clean_resize(rgb_chw)[None])
    with torch.no_grad():
        return network(net, y)[0][0].double().numpy()


def exact_fid(f1, f2):
    """FID of two small feature sets: Tr sqrtm(S1 S2) = nuclear norm of A B^T / sqrt((n1-1)(n2-1))."""
    a, b = f1 - f1.mean(0), f2 - f2.mean(0)
    trace_sqrt = np.linalg.svd(a @ b.T, compute_uv=False).sum() / math.sqrt((len(f1) - 1) * (len(f2) - 1))
    mu1, s1 = ref.statistics(f1)
    mu2, s2 = ref.statistics(f2)
    value = float((mu1 - mu2) @ (mu1 - mu2) + np.trace(s1) + np.trace(s2) - 2 * trace_sqrt)
    assert abs(value - ref.fid(mu1, s1, mu2, s2)) <= 1e-6 * abs(value), "the two FID routes disagree"
    return value


def folders(net):
    root = OUT / "folders"
    entries = []
    decoded = {}
    for name, (folder, mode, h, w) in FOLDER_IMAGES.items():
        (root / folder).mkdir(parents=True, exist_ok=True)
        path = root / folder / name
        image = folder_image(name, mode, h, w)
        image.save(path, quality=90) if name.endswith(".jpg") else image.save(path)
        rgb = np.asarray(Image.open(path).convert("RGB")).transpose(2, 0, 1).copy()
        decoded[name] = rgb
        entries.append((name, rgb.astype(np.float32)))
    for mode in ("pytorch-fid", "clean"):
        sets = [np.stack([image_features(net, decoded[n], mode) for n in sorted(FOLDER_IMAGES)
                          if FOLDER_IMAGES[n][0] == side]) for side in ("a", "b")]
        if mode == "pytorch-fid":
            mean, std, _, _ = ref.kid(sets[0], sets[1], KID_SUBSETS, KID_SUBSET_SIZE, 2020)
            entries += [("fid_pytorch_fid", exact_fid(*sets)), ("kid_mean_pytorch_fid", mean),
                        ("kid_std_pytorch_fid", std)]
            print(f"  folders {mode}: FID {entries[-3][1]:.6f}, KID {mean:.6g} +- {std:.6g}")
        else:
            mu, sigma = ref.statistics(sets[0])
            entries += [("mu_clean_a", mu), ("var_clean_a", np.diag(sigma))]
    entries += [("kidSubsets", KID_SUBSETS), ("kidSubsetSize", KID_SUBSET_SIZE)]
    write_fixture(OUT / "folders.agfx", entries)


def main():
    torch.manual_seed(0)
    OUT.mkdir(parents=True, exist_ok=True)
    net = fid_inception()
    filled = fill(net)
    (OUT / "names.txt").write_text("".join(k + "\n" for k in filled))
    torch.save({k: filled[k] for k in PRUNED}, OUT / "pruned.pth")
    x_small = torch.rand(2, 3, 32, 32)
    x_odd = torch.rand(1, 3, 40, 40)
    write_fixture(OUT / "small.agfx", pytorch_fid_case(net, x_small))
    write_fixture(OUT / "odd.agfx", pytorch_fid_case(net, x_odd))
    write_fixture(OUT / "tf1.agfx", tf1_case(net, torch.rand(2, 3, 32, 32) * 2.2 - 1.1))
    write_fixture(OUT / "clean.agfx", clean_case(net, np.random.default_rng(3).integers(0, 256, (1, 3, 20, 28))))
    folders(net)
    print(f"{len(filled)} tensors, {sum(v.numel() for v in filled.values())} values")


if __name__ == "__main__":
    main()
