#!/usr/bin/python3
"""The GAN fidelity fixture: one AutoGAN training iteration (one D step, one G step, Adam, EMA) in
PyTorch, for 4 architectures x 3 stages, which the Java GAN layer must reproduce.

Run with Debian's PyTorch (/usr/bin/python3, torch 1.13): it writes
tests/resources/fixtures/gan/<case>.agfx (AGFX1 format, see tools/make_fixtures.py) with the
entries of the contract shared with the Java side: arch0..arch13, stage; inputs real, zD, zG;
dLoss, gLoss; dgrad.*, dbuf.* (D); ggrad.*, gbuf.* (G, used only). Adam and the EMA are checked
against PyTorch by their own kernel fixtures (adam, ema); here the D Adam step shows in gLoss and ggrad.
Initial weights come from a formula both sides compute (initial_value); inputs from
torch.manual_seed(CRC32 of the case name); one CPU thread, so a rerun writes identical files.
D parameters a stage does not run get zero gradients and keep their values.
"""
import math
import pathlib
import zlib

import torch
import torch.nn.functional as F

from autogan_torch import SharedGenerator, Discriminator
from make_fixtures import write_fixture

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "resources" / "fixtures" / "gan"
ARCHS = {"arch1": (1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1, 0, 3),
         "arch2": (0, 1, 2, 0, 0, 2, 2, 1, 1, 0, 1, 0, 1, 2),
         "arch3": (1, 2, 0, 1, 1, 1, 1, 0, 0, 1, 2, 2, 1, 1),
         "arch4": (0, 0, 1, 1, 1, 2, 0, 0, 1, 0, 2, 1, 0, 0)}
IMG_CHANNELS, LATENT_DIM, GF_DIM, DF_DIM, BOTTOM_WIDTH, DIS_BS, GEN_BS = 1, 8, 8, 8, 4, 4, 6
LR, BETAS, ADAM_EPS, EMA_DECAY = 2e-4, (0.0, 0.9), 1e-8, 0.999
NOISE_GRADIENT = 1e-5  # below this max |grad| a G parameter's gradient is float rounding of an exact 0


def initial_value(name, shape):
    """The contract's deterministic initial value of the parameter or buffer name (shape)."""
    m = math.prod(shape)
    h = zlib.crc32(name.encode("utf-8")) % 1000
    t = [math.sin(0.37 * i + 0.11 * h) for i in range(m)]
    if name.endswith(".running_mean"):
        values = [0.0] * m
    elif name.endswith(".running_var"):
        values = [1.0] * m
    elif name.endswith(".bn.weight") or name == "to_rgb.0.weight":
        values = [1 + 0.1 * v for v in t]
    elif name.endswith(".weight_u") or name.endswith(".weight_v"):
        norm = math.sqrt(sum(v * v for v in t))
        values = [v / norm for v in t]
    elif name.endswith(".bias"):
        values = [0.1 * v for v in t]
    else:
        scale = math.sqrt(m / shape[0])
        values = [v / scale for v in t]
    return torch.tensor(values, dtype=torch.float64).to(torch.float32).reshape(shape)


def set_initial_values(module):
    with torch.no_grad():
        for name, tensor in list(module.named_parameters()) + list(module.named_buffers()):
            if not name.endswith(".num_batches_tracked"):
                tensor.copy_(initial_value(name, tuple(tensor.shape)))


def adam(module):
    return torch.optim.Adam(module.parameters(), lr=LR, betas=BETAS, eps=ADAM_EPS)


def check_used_gradients(gen, case):
    """The G parameters autograd reached must be exactly the arch's used ones, each non-zero;
    returns those whose gradient is only rounding noise."""
    reached = [n for n, p in gen.named_parameters() if p.grad is not None]
    used = gen.used_parameter_names()
    if reached != used:
        raise AssertionError(f"{case}: autograd reached {sorted(set(reached) ^ set(used))} "
                             f"differently from used_parameter_names")
    grads = {n: p.grad.abs().max().item() for n, p in gen.named_parameters() if n in used}
    zero = [n for n, g in grads.items() if not g > 0]
    if zero:
        raise AssertionError(f"{case}: zero gradient for used parameters {zero}")
    return [n for n, g in grads.items() if g < NOISE_GRADIENT]


def d_step(gen, dis, d_opt, real, z_d):
    """Hinge D step and its Adam step; returns dLoss and dgrad.* (zeros for blocks the stage skips)."""
    fake = gen(z_d).detach()
    d_loss = F.relu(1 - dis(real)).mean() + F.relu(1 + dis(fake)).mean()
    d_opt.zero_grad()
    d_loss.backward()
    entries = [("dLoss", d_loss.detach())]
    entries += [(f"dgrad.{n}", p.grad.clone() if p.grad is not None else torch.zeros_like(p))
                for n, p in dis.named_parameters()]
    d_opt.step()
    return entries


def g_step(gen, dis, g_opt, g_avg, z_g, case):
    """G step (D's gradients from it are discarded), Adam, EMA; returns gLoss and ggrad.* of the used
    parameters, and the noise-gradient names."""
    g_opt.zero_grad()
    g_loss = -dis(gen(z_g)).mean()
    g_loss.backward()
    noise = check_used_gradients(gen, case)
    used = gen.used_parameter_names()
    params = dict(gen.named_parameters())
    entries = [("gLoss", g_loss.detach())] + [(f"ggrad.{n}", params[n].grad.clone()) for n in used]
    g_opt.step()
    with torch.no_grad():
        for n, p in params.items():
            g_avg[n].mul_(EMA_DECAY).add_(p, alpha=1 - EMA_DECAY)
    return entries, noise


def one_iteration(arch, stage, case):
    """Builds G and D, runs the contract's training iteration, returns (entries, noise names)."""
    gen = SharedGenerator(LATENT_DIM, GF_DIM, BOTTOM_WIDTH, IMG_CHANNELS)
    dis = Discriminator(DF_DIM, IMG_CHANNELS)
    gen.set_arch(arch, stage)
    dis.cur_stage = stage
    set_initial_values(gen)
    set_initial_values(dis)
    gen.train()
    dis.train()
    g_avg = {n: p.detach().clone() for n, p in gen.named_parameters()}

    torch.manual_seed(zlib.crc32(case.encode("utf-8")))
    resolution = BOTTOM_WIDTH * 2 ** (stage + 1)
    real = torch.rand(DIS_BS, IMG_CHANNELS, resolution, resolution) * 2 - 1
    z_d, z_g = torch.randn(DIS_BS, LATENT_DIM), torch.randn(GEN_BS, LATENT_DIM)
    inputs = [(f"arch{i}", a) for i, a in enumerate(arch)]
    inputs += [("stage", stage), ("real", real), ("zD", z_d), ("zG", z_g)]

    d_entries = d_step(gen, dis, adam(dis), real, z_d)
    g_entries, noise = g_step(gen, dis, adam(gen), g_avg, z_g, case)
    losses = dict(d_entries[:1] + g_entries[:1])
    if not all(math.isfinite(v.item()) for v in losses.values()):
        raise AssertionError(f"{case}: losses not finite: {losses}")
    used_bn = {n.rsplit(".", 1)[0] for n in gen.used_parameter_names()
               if n.endswith(".bn.weight") or n == "to_rgb.0.weight"}
    buffers = [(f"dbuf.{n}", b.clone()) for n, b in dis.named_buffers() if n.endswith(".weight_u")]
    buffers += [(f"gbuf.{n}", b.clone()) for n, b in gen.named_buffers()
                if n.rsplit(".", 1)[0] in used_bn and n.rsplit(".", 1)[1] in ("running_mean", "running_var")]
    return inputs + d_entries + g_entries + buffers, noise


def main():
    torch.set_num_threads(1)
    OUT.mkdir(parents=True, exist_ok=True)
    total = 0
    for arch_name, arch in ARCHS.items():
        for stage in range(3):
            case = f"{arch_name}_stage{stage}"
            path = OUT / f"{case}.agfx"
            entries, noise = one_iteration(arch, stage, case)
            write_fixture(path, entries)
            total += path.stat().st_size
            print(f"{path.relative_to(OUT.parents[3])}  {path.stat().st_size} bytes")
            if noise:
                print(f"  gradient exactly 0 in exact arithmetic (a per-channel constant that a norm removes), "
                      f"so Adam's first step moves it by ~lr in a direction set by rounding: {', '.join(noise)}")
    print(f"total {total} bytes")


if __name__ == "__main__":
    main()
