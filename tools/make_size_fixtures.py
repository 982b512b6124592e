#!/usr/bin/python3
"""Parameter counts and multiply-adds per image of derived generators, counted on the PyTorch model of
tools/autogan_torch.py, for GeneratorCostTest: tests/resources/fixtures/gan/generator_sizes.json.

Multiply-adds are counted by forward hooks, the usual way (thop, fvcore): a Conv2d adds
output elements x in_channels x kernel area, a ConvTranspose2d input elements x out_channels x kernel
area, a Linear in_features x out_features per row; bias adds, norms, activations and interpolations
count nothing. Parameters are the ones the architecture runs (used_parameter_names)."""
import json
import pathlib
import random
import sys

import torch
import torch.nn as nn

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from autogan_torch import TOP1, SharedGenerator, count  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "resources" / "fixtures" / "gan" / "generator_sizes.json"
# (latent, gf, bottom width, image channels): the fmnist preset, paper-cifar10's derived G, STL-10's
CONFIGS = ((64, 32, 4, 1), (128, 256, 4, 3), (128, 256, 6, 3), (16, 8, 4, 1))


def architectures():
    rng = random.Random(9)
    out = [TOP1, (0,) * 14, (1, 1, 2, 1, 1, 2, 2, 1, 1, 0, 2, 2, 1, 3)]
    ranges = (2, 3, 3, 2, 2, 3, 3, 2, 2, 2, 3, 3, 2, 4)
    out += [tuple(rng.randrange(r) for r in ranges) for _ in range(5)]
    return out


def multiply_adds(model, z):
    total = [0]

    def hook(module, inputs, output):
        if isinstance(module, nn.Conv2d):
            k = module.kernel_size[0] * module.kernel_size[1]
            total[0] += output[0].numel() * module.in_channels // module.groups * k
        elif isinstance(module, nn.ConvTranspose2d):
            k = module.kernel_size[0] * module.kernel_size[1]
            total[0] += inputs[0][0].numel() * module.out_channels * k
        elif isinstance(module, nn.Linear):
            total[0] += module.in_features * module.out_features

    handles = [m.register_forward_hook(hook) for m in model.modules()
               if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear))]
    with torch.no_grad():
        model.eval()
        model(z)
    for h in handles:
        h.remove()
    return total[0]


def main():
    torch.manual_seed(0)
    rows = []
    for latent, gf, bw, channels in CONFIGS:
        model = SharedGenerator(latent, gf, bw, channels)
        for arch in architectures():
            model.set_arch(arch, 2)
            rows.append({"latent_dim": latent, "gf_dim": gf, "bottom_width": bw, "img_channels": channels,
                         "arch": list(arch), "parameters": count(model, model.used_parameter_names()),
                         "multiply_adds": multiply_adds(model, torch.randn(1, latent))})
    with open(OUT, "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(row) for row in rows) + "\n]\n")
    print(f"{len(rows)} generators written to {OUT}")


if __name__ == "__main__":
    main()
