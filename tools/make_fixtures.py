#!/usr/bin/python3
"""Golden fixtures that pin the semantics of every CPU op in native/include/ag/kernels.h to PyTorch.

Run with Debian's PyTorch (/usr/bin/python3, torch 1.13): it writes one file per case (every case,
or only those named as arguments) to tests/resources/fixtures/<case>.agfx, which the Java kernel
tests read. Each case seeds torch with a fixed seed derived from its name, so rerunning rewrites
identical files.

File format (.agfx), little-endian:
    8 bytes   magic b"AGFX1\\0\\0\\0"
    int32     count, the number of entries
    count entries, each:
        int32     nameLength
        bytes     the name, UTF-8 (nameLength bytes, no terminator)
        int32     rank
        int32     dims[rank]
        float32   values[prod(dims)]  (row-major; rank 0 = a scalar, one value)
Integer and float parameters of a case (pad, eps, momentum, mode, kind, update, lr, beta1, beta2,
decay, outH, outW) are rank-0 scalars. Gradients come from autograd with a random upstream gradient
"dy", i.e. loss = sum(y * dy); the hinge-loss gradients are those of the scalar losses themselves.
"""
import pathlib
import struct
import sys
import zlib

import torch
import torch.nn as nn
import torch.nn.functional as F

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "resources" / "fixtures"
MAGIC = b"AGFX1\0\0\0"
UPSAMPLE_MODES = {"bilinear": 0, "nearest": 1}


def write_fixture(path, entries):
    """entries: list of (name, tensor or number) -> the .agfx file at path."""
    out = bytearray(MAGIC)
    out += struct.pack("<i", len(entries))
    for name, value in entries:
        t = torch.as_tensor(value, dtype=torch.float32).detach().contiguous()
        encoded = name.encode("utf-8")
        out += struct.pack("<i", len(encoded)) + encoded
        out += struct.pack("<i", t.dim()) + struct.pack(f"<{t.dim()}i", *t.shape)
        out += struct.pack(f"<{t.numel()}f", *t.flatten().tolist())
    path.write_bytes(bytes(out))


def leaf(*shape):
    return torch.randn(*shape, requires_grad=True)


def away_from(shape, points, margin, scale=1.0):
    """randn * scale (shape), with every element redrawn until none lies within margin of a point."""
    x = torch.randn(shape) * scale
    while True:
        close = torch.zeros(shape, dtype=torch.bool)
        for p in points:
            close |= (x - p).abs() < margin
        if not close.any():
            return x
        x[close] = torch.randn(int(close.sum())) * scale


def backward(y):
    """Backpropagates loss = sum(y * dy) for a random dy (y's shape) and returns dy."""
    dy = torch.randn_like(y)
    y.backward(dy)
    return dy


def conv2d_case(x_shape, weight_shape, pad, with_bias):
    x, weight = leaf(*x_shape), leaf(*weight_shape)
    bias = leaf(weight_shape[0]) if with_bias else None
    y = F.conv2d(x, weight, bias, padding=pad)
    dy = backward(y)
    head = [("x", x), ("weight", weight)] + ([("bias", bias)] if with_bias else [])
    grads = [("dx", x.grad), ("weightGrad", weight.grad)] + ([("biasGrad", bias.grad)] if with_bias else [])
    return head + [("pad", pad), ("dy", dy), ("y", y)] + grads


def conv2d_strided_case(x_shape, weight_shape, stride, pad, with_bias):
    """conv2d with a (kh, kw) kernel, stride (sh, sw), padding (ph, pw): "stride" and "pad" are
    rank-1 pairs (the stride-1 cases above keep a scalar "pad")."""
    x, weight = leaf(*x_shape), leaf(*weight_shape)
    bias = leaf(weight_shape[0]) if with_bias else None
    y = F.conv2d(x, weight, bias, stride=stride, padding=pad)
    dy = backward(y)
    head = [("x", x), ("weight", weight)] + ([("bias", bias)] if with_bias else [])
    grads = [("dx", x.grad), ("weightGrad", weight.grad)] + ([("biasGrad", bias.grad)] if with_bias else [])
    return head + [("stride", list(stride)), ("pad", list(pad)), ("dy", dy), ("y", y)] + grads


def conv_transpose2d_case():
    x, weight, bias = leaf(2, 3, 3, 4), leaf(3, 5, 2, 2), leaf(5)  # weight (c,k,2,2): PyTorch layout
    y = F.conv_transpose2d(x, weight, bias, stride=2)
    dy = backward(y)
    return [("x", x), ("weight", weight), ("bias", bias), ("dy", dy), ("y", y), ("dx", x.grad),
            ("weightGrad", weight.grad), ("biasGrad", bias.grad)]


def linear_case(with_bias):
    x, weight = leaf(3, 7), leaf(5, 7)
    bias = leaf(5) if with_bias else None
    y = F.linear(x, weight, bias)
    dy = backward(y)
    head = [("x", x), ("weight", weight)] + ([("bias", bias)] if with_bias else [])
    grads = [("dx", x.grad), ("weightGrad", weight.grad)] + ([("biasGrad", bias.grad)] if with_bias else [])
    return head + [("dy", dy), ("y", y)] + grads


def upsample_case(mode, scale=None, size=None):
    x = leaf(2, 3, 3, 5)
    align = False if mode == "bilinear" else None
    y = F.interpolate(x, size=size, scale_factor=scale, mode=mode, align_corners=align)
    dy = backward(y)
    return [("x", x), ("mode", UPSAMPLE_MODES[mode]), ("outH", y.shape[2]), ("outW", y.shape[3]),
            ("dy", dy), ("y", y), ("dx", x.grad)]


def batch_norm2d_case():
    bn = nn.BatchNorm2d(4, eps=1e-5, momentum=0.1)
    with torch.no_grad():
        bn.weight.normal_(1.0, 0.02)
        bn.bias.copy_(torch.randn(4))
        bn.running_mean.copy_(torch.randn(4) * 0.5)
        bn.running_var.uniform_(0.5, 1.5)
    running_mean_in, running_var_in = bn.running_mean.clone(), bn.running_var.clone()
    x = leaf(3, 4, 3, 5)
    bn.train()
    y = bn(x)
    dy = backward(y)
    bn.eval()
    with torch.no_grad():
        y_eval = bn(x)
    return [("x", x), ("gamma", bn.weight), ("beta", bn.bias), ("eps", bn.eps), ("momentum", bn.momentum),
            ("runningMeanIn", running_mean_in), ("runningVarIn", running_var_in), ("dy", dy), ("y", y),
            ("runningMeanOut", bn.running_mean), ("runningVarOut", bn.running_var), ("dx", x.grad),
            ("gammaGrad", bn.weight.grad), ("betaGrad", bn.bias.grad), ("yEval", y_eval)]


def instance_norm2d_case():
    norm = nn.InstanceNorm2d(3)
    x = leaf(2, 3, 4, 5)
    y = norm(x)
    dy = backward(y)
    return [("x", x), ("eps", norm.eps), ("dy", dy), ("y", y), ("dx", x.grad)]


def unary_case(fn, x):
    x.requires_grad_(True)
    y = fn(x)
    dy = backward(y)
    return [("x", x), ("dy", dy), ("y", y), ("dx", x.grad)]


def hinge_loss_case():
    x = away_from((16,), [1.0, -1.0], 1e-3, scale=1.5)
    entries = [("x", x)]
    for suffix, loss_fn in (("Real", lambda s: F.relu(1 - s).mean()), ("Fake", lambda s: F.relu(1 + s).mean()),
                            ("Gen", lambda s: -s.mean())):
        scores = x.clone().requires_grad_(True)
        loss = loss_fn(scores)
        loss.backward()
        entries += [("loss" + suffix, loss), ("dx" + suffix, scores.grad)]
    return entries


def spectral_norm_module():
    """nn.Conv2d(3,4,3) under torch's spectral_norm (1 power iteration, eps 1e-12), after one
    training-mode forward; returns the module and the fixture entries of that forward."""
    conv = nn.utils.spectral_norm(nn.Conv2d(3, 4, 3), n_power_iterations=1, eps=1e-12)
    u_in, v_in = conv.weight_u.clone(), conv.weight_v.clone()
    conv.train()
    conv(torch.randn(1, 3, 5, 5))
    weight, weight_sn = conv.weight_orig, conv.weight
    u_out, v_out = conv.weight_u.clone(), conv.weight_v.clone()
    sigma = torch.dot(u_out, weight.detach().reshape(4, -1) @ v_out)
    weight_sn_grad = torch.randn_like(weight_sn)
    weight_sn.backward(weight_sn_grad)
    return conv, [("weight", weight), ("uIn", u_in), ("vIn", v_in), ("eps", 1e-12), ("update", 1),
                  ("uOut", u_out), ("vOut", v_out), ("sigma", sigma), ("weightSn", weight_sn),
                  ("weightSnGrad", weight_sn_grad), ("weightGrad", weight.grad)]


def spectral_norm_case():
    return spectral_norm_module()[1]


def spectral_norm_eval_case():
    conv = spectral_norm_module()[0]
    conv.eval()
    with torch.no_grad():
        conv(torch.randn(1, 3, 5, 5))
    weight, u, v = conv.weight_orig, conv.weight_u, conv.weight_v
    sigma = torch.dot(u, weight.detach().reshape(4, -1) @ v)
    return [("weight", weight), ("u", u), ("v", v), ("eps", 1e-12), ("update", 0), ("sigma", sigma),
            ("weightSn", conv.weight)]


def adam_case(lr, beta1, beta2):
    param = nn.Parameter(torch.randn(10))
    grads = [torch.randn(10) for _ in range(3)]
    opt = torch.optim.Adam([param], lr=lr, betas=(beta1, beta2), eps=1e-8)
    entries = [("param0", param.detach().clone())]
    entries += [(f"grad{i + 1}", g) for i, g in enumerate(grads)]
    entries += [("lr", lr), ("beta1", beta1), ("beta2", beta2), ("eps", 1e-8)]
    for i, g in enumerate(grads):
        param.grad = g.clone()
        opt.step()
        entries.append((f"param{i + 1}", param.detach().clone()))
    state = opt.state[param]
    return entries + [("m3", state["exp_avg"]), ("v3", state["exp_avg_sq"])]


def ema_case():
    avg0, x = torch.randn(10), torch.randn(10)
    avg1 = avg0.clone().mul_(0.999).add_(x, alpha=0.001)
    return [("avg0", avg0), ("x", x), ("decay", 0.999), ("avg1", avg1)]


CASES = {
    "conv2d_k3p1": lambda: conv2d_case((2, 3, 5, 6), (4, 3, 3, 3), 1, True),
    "conv2d_k1p0": lambda: conv2d_case((2, 3, 4, 5), (4, 3, 1, 1), 0, True),
    "conv2d_k3p1_nobias": lambda: conv2d_case((2, 3, 5, 6), (4, 3, 3, 3), 1, False),
    "conv2d_k3s2p1": lambda: conv2d_strided_case((2, 3, 7, 8), (4, 3, 3, 3), (2, 2), (1, 1), True),
    "conv2d_k1x7p0x3": lambda: conv2d_strided_case((2, 3, 5, 6), (4, 3, 1, 7), (1, 1), (0, 3), True),
    "conv2d_k3x2s2x1p1x0_nobias": lambda: conv2d_strided_case((2, 3, 8, 5), (4, 3, 3, 2), (2, 1), (1, 0), False),
    "conv_transpose2d": conv_transpose2d_case,
    "linear": lambda: linear_case(True),
    "linear_nobias": lambda: linear_case(False),
    "upsample_nearest_x2": lambda: upsample_case("nearest", scale=2),
    "upsample_bilinear_x2": lambda: upsample_case("bilinear", scale=2),
    "upsample_nearest_x4": lambda: upsample_case("nearest", scale=4),
    "upsample_bilinear_x4": lambda: upsample_case("bilinear", scale=4),
    "upsample_nearest_size": lambda: upsample_case("nearest", size=(7, 11)),
    "upsample_bilinear_size": lambda: upsample_case("bilinear", size=(7, 11)),
    "batch_norm2d": batch_norm2d_case,
    "instance_norm2d": instance_norm2d_case,
    "relu": lambda: unary_case(torch.relu, away_from((2, 3, 4, 4), [0.0], 1e-3)),
    "tanh": lambda: unary_case(torch.tanh, torch.randn(2, 3, 4, 4)),
    "avg_pool2d": lambda: unary_case(lambda x: F.avg_pool2d(x, 2, 2), torch.randn(2, 3, 4, 6)),
    "sum_hw": lambda: unary_case(lambda x: x.sum(dim=(2, 3)), torch.randn(2, 3, 4, 5)),
    "hinge_loss": hinge_loss_case,
    "spectral_norm": spectral_norm_case,
    "spectral_norm_eval": spectral_norm_eval_case,
    "adam": lambda: adam_case(2e-4, 0.0, 0.9),
    "adam_beta05": lambda: adam_case(1e-3, 0.5, 0.999),
    "ema": ema_case,
}


def main():
    """Writes every case, or only the cases named on the command line."""
    names = sys.argv[1:] or list(CASES)
    unknown = [name for name in names if name not in CASES]
    if unknown:
        sys.exit(f"unknown case(s) {unknown}; known: {list(CASES)}")
    OUT.mkdir(parents=True, exist_ok=True)
    for name in names:
        make = CASES[name]
        torch.manual_seed(zlib.crc32(name.encode("utf-8")))
        path = OUT / f"{name}.agfx"
        write_fixture(path, make())
        print(f"{path.relative_to(OUT.parent.parent.parent)}  {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
