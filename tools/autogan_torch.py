#!/usr/bin/python3
"""AutoGAN's shared (search) generator and its SNGAN-style discriminator in PyTorch, written from
/work/shared/autogan-spec.md sections 1-3; the reference that tools/make_gan_fixtures.py and
bench/peer/train_step.py hold the Java GAN layer against.

Module and parameter names are the original's state_dict names (the contract shared with the Java
side). It follows the spec, including the skip-output aliasing of 1.3 (a cell's skip output holds
the skip contributions it received), with two deliberate fixes of section 10: every skip and
shortcut add is out of place (post-activation cells can backpropagate) and the SC token is honoured.
Run as a script, it prints the parameter counts beside the spec's [checked] numbers.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils import spectral_norm

TOP1 = (1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1, 0, 3)
CELL_SPANS = ((0, 4), (4, 9), (9, 14))  # arch indices of cells 1, 2, 3
TOKEN_RANGES = (("conv", 2), ("norm", 3), ("up", 3), ("shortcut", 2))
NORM_NONE, NORM_BN, NORM_IN = 0, 1, 2
UP_MODES = ("bilinear", "nearest", "deconv")
STAGE_D_BLOCKS = {0: (1, 4), 1: (1, 2, 4), 2: (1, 2, 3, 4)}


def decode(arch):
    """14 ints -> one dict per cell: conv (1 = pre-activation), norm, up (mode name), shortcut, skips
    (flags oldest cell first, spec 1.2); a bad value is a ValueError naming its position."""
    if len(arch) != 14:
        raise ValueError(f"an architecture has 14 ints, got {len(arch)}: {list(arch)}")
    cells = []
    for k, (first, end) in enumerate(CELL_SPANS):
        ranges = TOKEN_RANGES + ((("skip", 2 ** k),) if k else ())
        for offset, (token, count) in enumerate(ranges):
            if not 0 <= arch[first + offset] < count:
                raise ValueError(f"arch[{first + offset}] (cell {k + 1} {token}) = {arch[first + offset]}, "
                                 f"expected 0..{count - 1}")
        skip = arch[first + 4] if k else 0
        cells.append({"conv": arch[first], "norm": arch[first + 1], "up": UP_MODES[arch[first + 2]],
                      "shortcut": arch[first + 3], "skips": [(skip >> (k - 1 - j)) & 1 for j in range(k)]})
    return cells


def deconv2x(channels):
    return nn.ConvTranspose2d(channels, channels, 2, stride=2)


class PreBlock(nn.Module):
    """Pre-activation block: norm over the input channels -> ReLU -> [Up2x] -> conv3x3."""

    def __init__(self, channels):
        super().__init__()
        self.bn = nn.BatchNorm2d(channels)
        self.conv = nn.Conv2d(channels, channels, 3, padding=1)
        self.deconv = deconv2x(channels)  # used only by the first block of a cell when U = deconv (spec 1.7)

    def forward(self, x, norm, up=None):
        # x (N,C,H,W) -> (N,C,H,W), or (N,C,2H,2W) when up is a mode
        h = F.relu(normalize(self.bn, x, norm))
        return self.conv(upsample(self, h, up) if up else h)


class PostBlock(nn.Module):
    """Post-activation block: [Up2x] -> conv3x3 -> norm over the output channels -> ReLU."""

    def __init__(self, channels):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=1)
        self.bn = nn.BatchNorm2d(channels)
        self.deconv = deconv2x(channels)  # used only by the first block of a cell when U = deconv (spec 1.7)

    def forward(self, x, norm, up=None):
        # x (N,C,H,W) -> (N,C,H,W), or (N,C,2H,2W) when up is a mode
        return F.relu(normalize(self.bn, self.conv(upsample(self, x, up) if up else x), norm))


def normalize(bn, x, norm):
    if norm == NORM_BN:
        return bn(x)
    return F.instance_norm(x, eps=1e-5) if norm == NORM_IN else x


def upsample(owner, x, up):
    """x (N,C,H,W) -> (N,C,2H,2W) in mode up; deconv uses owner.deconv."""
    if up == "deconv":
        return owner.deconv(x)
    return F.interpolate(x, scale_factor=2, mode=up, align_corners=False if up == "bilinear" else None)


class Cell(nn.Module):
    """One generator cell holding every alternative (spec 1.3-1.7); set_choice picks one."""

    def __init__(self, channels, num_skip_in):
        super().__init__()
        self.pre_conv1 = PreBlock(channels)
        self.pre_conv2 = PreBlock(channels)
        self.post_conv1 = PostBlock(channels)
        self.post_conv2 = PostBlock(channels)
        self.c_sc = nn.Conv2d(channels, channels, 1)
        self.deconv_sc = deconv2x(channels)
        if num_skip_in:
            self.skip_in_ops = nn.ModuleList(nn.Conv2d(channels, channels, 1) for _ in range(num_skip_in))
        self.skip_deconvx2 = deconv2x(channels)
        self.skip_deconvx4 = nn.Sequential(deconv2x(channels), deconv2x(channels))
        self.choice = None

    def forward(self, x, skip_ft):
        # x (N,C,H,W), skip_ft: earlier cells' skip outputs (N,C,h,w) -> (s, out), both (N,C,2H,2W)
        c = self.choice
        first, second = (self.pre_conv1, self.pre_conv2) if c["conv"] else (self.post_conv1, self.post_conv2)
        h = first(x, c["norm"], c["up"])
        for j, flag in enumerate(c["skips"]):
            if flag:
                h = h + self.skip_in_ops[j](self.resize(skip_ft[j], h.shape[-1]))
        s = h  # spec 1.3: the skip output includes the skip contributions received
        out = second(h, c["norm"])
        if c["shortcut"]:
            up = self.deconv_sc(x) if c["up"] == "deconv" else upsample(self, x, c["up"])
            out = out + self.c_sc(up)
        return s, out

    def resize(self, skip, width):
        # skip (N,C,w,w) -> (N,C,width,width) in this cell's up mode (spec 1.5)
        if self.choice["up"] != "deconv":
            mode = self.choice["up"]
            return F.interpolate(skip, size=(width, width), mode=mode,
                                 align_corners=False if mode == "bilinear" else None)
        scale = width // skip.shape[-1]
        if scale not in (2, 4):
            raise ValueError(f"deconv skip resizing needs scale 2 or 4, got {skip.shape[-1]} -> {width}")
        return self.skip_deconvx2(skip) if scale == 2 else self.skip_deconvx4(skip)

    def used_modules(self, index):
        """Names (relative to this cell) of the modules the current choice runs; index = 0-based cell."""
        c = self.choice
        first, second = ("pre_conv1", "pre_conv2") if c["conv"] else ("post_conv1", "post_conv2")
        deconv = c["up"] == "deconv"
        names = [first + ".conv", second + ".conv"] + ([first + ".bn", second + ".bn"] if c["norm"] == NORM_BN else [])
        names += [first + ".deconv"] if deconv else []
        names += (["c_sc"] + (["deconv_sc"] if deconv else [])) if c["shortcut"] else []
        for j, flag in enumerate(c["skips"]):
            if flag:
                names.append(f"skip_in_ops.{j}")
                names += (["skip_deconvx2"] if index - j == 1 else ["skip_deconvx4"]) if deconv else []
        return names


class SharedGenerator(nn.Module):
    """Stem Linear -> cells 1..stage+1 -> to_rgb (BN, ReLU, conv3x3) -> tanh (spec 1, 1.7)."""

    def __init__(self, latent_dim, gf_dim, bottom_width, img_channels):
        super().__init__()
        self.gf_dim, self.bottom_width = gf_dim, bottom_width
        self.l1 = nn.Linear(latent_dim, bottom_width * bottom_width * gf_dim)
        self.cell1, self.cell2, self.cell3 = Cell(gf_dim, 0), Cell(gf_dim, 1), Cell(gf_dim, 2)
        self.to_rgb = nn.Sequential(nn.BatchNorm2d(gf_dim), nn.ReLU(), nn.Conv2d(gf_dim, img_channels, 3, padding=1))
        self.stage = None

    def set_arch(self, arch, stage):
        if stage not in (0, 1, 2):
            raise ValueError(f"stage must be 0, 1 or 2, got {stage}")
        for cell, choice in zip((self.cell1, self.cell2, self.cell3), decode(arch)):
            cell.choice = choice
        self.stage = stage

    def forward(self, z):
        # z (N, latent) -> image (N, img_channels, R, R), R = bottom_width * 2^(stage+1)
        h = self.l1(z).view(-1, self.gf_dim, self.bottom_width, self.bottom_width)
        skips = []
        for cell in (self.cell1, self.cell2, self.cell3)[:self.stage + 1]:
            s, h = cell(h, skips)
            skips.append(s)
        return torch.tanh(self.to_rgb(h))

    def used_parameter_names(self):
        """The parameters the current arch and stage run, in named_parameters() order."""
        used = {"l1", "to_rgb.0", "to_rgb.2"}
        for k, cell in enumerate((self.cell1, self.cell2, self.cell3)[:self.stage + 1]):
            used.update(f"cell{k + 1}.{name}" for name in cell.used_modules(k))
        def runs(name):  # a parameter of a used module, however deep (skip_deconvx4.0.weight)
            parts = name.split(".")
            return any(".".join(parts[:i]) in used for i in range(1, len(parts)))
        return [n for n, _ in self.named_parameters() if runs(n)]


def sn(module):
    return spectral_norm(module, n_power_iterations=1, eps=1e-12)


class OptimizedDisBlock(nn.Module):
    """First D block: conv, ReLU, conv, AvgPool2 + shortcut AvgPool2, conv1x1 (spec 2)."""

    def __init__(self, in_channels, channels):
        super().__init__()
        self.c1 = sn(nn.Conv2d(in_channels, channels, 3, padding=1))
        self.c2 = sn(nn.Conv2d(channels, channels, 3, padding=1))
        self.c_sc = sn(nn.Conv2d(in_channels, channels, 1))

    def forward(self, x):
        # x (N,Cin,H,W) -> (N,C,H/2,W/2)
        return F.avg_pool2d(self.c2(F.relu(self.c1(x))), 2) + self.c_sc(F.avg_pool2d(x, 2))


class DisBlock(nn.Module):
    """ReLU, conv, ReLU, conv [AvgPool2]; shortcut conv1x1 + AvgPool2 when downsampling, else identity."""

    def __init__(self, channels, downsample):
        super().__init__()
        self.c1 = sn(nn.Conv2d(channels, channels, 3, padding=1))
        self.c2 = sn(nn.Conv2d(channels, channels, 3, padding=1))
        self.downsample = downsample
        if downsample:
            self.c_sc = sn(nn.Conv2d(channels, channels, 1))

    def forward(self, x):
        # x (N,C,H,W) -> (N,C,H/2,W/2) when downsampling, else (N,C,H,W)
        h = self.c2(F.relu(self.c1(F.relu(x))))
        return F.avg_pool2d(h, 2) + F.avg_pool2d(self.c_sc(x), 2) if self.downsample else h + x


class Discriminator(nn.Module):
    """Blocks of the stage (spec 2 layouts) -> ReLU -> sum over H, W -> l5 (no bias)."""

    def __init__(self, df_dim, img_channels):
        super().__init__()
        self.block1 = OptimizedDisBlock(img_channels, df_dim)
        self.block2 = DisBlock(df_dim, True)
        self.block3 = DisBlock(df_dim, False)
        self.block4 = DisBlock(df_dim, False)
        self.l5 = sn(nn.Linear(df_dim, 1, bias=False))
        self.cur_stage = 2

    def forward(self, x):
        # x (N, img_channels, R, R) -> scores (N, 1)
        h = x
        for b in STAGE_D_BLOCKS[self.cur_stage]:
            h = getattr(self, f"block{b}")(h)
        return self.l5(F.relu(h).sum(dim=(2, 3)))


def init_for_training(module):
    """The original's weights_init (spec 3): Conv2d weights (spectral-normed too) xavier-uniform,
    BN weight N(1, 0.02) and bias 0; deconvs and Linear keep PyTorch's defaults."""
    for m in module.modules():
        if isinstance(m, nn.Conv2d):
            nn.init.xavier_uniform_(m.weight_orig if hasattr(m, "weight_orig") else m.weight, 1.0)
        elif isinstance(m, nn.BatchNorm2d):
            nn.init.normal_(m.weight, 1.0, 0.02)
            nn.init.zeros_(m.bias)


def count(module, names=None):
    params = dict(module.named_parameters())
    return sum(params[n].numel() for n in (names if names is not None else params))


def main():
    """Parameter counts beside the spec's [checked] numbers (3 image channels, latent 128)."""
    top1 = {}
    for bw in (4, 6):
        top1[bw] = SharedGenerator(128, 256, bw, 3)
        top1[bw].set_arch(TOP1, 2)
    rows = [("shared G, gf 128, bw 4", count(SharedGenerator(128, 128, 4, 3)), 3716995)]
    rows += [(f"AutoGAN-top1, gf 256, bw {bw} (used params)", count(g, g.used_parameter_names()), spec)
             for (bw, g), spec in zip(top1.items(), (4405251, 5065731))]
    rows += [(f"D, df {df}", count(Discriminator(df, 3)), spec) for df, spec in ((128, 1053824), (64, 264768))]
    for label, ours, spec in rows:
        verdict = "match" if ours == spec else f"differs by {spec - ours:,d}"
        print(f"{label:42s} {ours:>10,d}  spec {spec:>10,d}  {verdict}")


if __name__ == "__main__":
    main()
