#!/usr/bin/python3
"""Tiny .pth files written by torch.save, and the values they hold, for PthReaderTest.

Run with Debian's PyTorch (/usr/bin/python3, torch 1.13). It writes to tests/resources/fixtures/pth/:
    sequential.pth   the state_dict of nn.Sequential(conv, bn, flatten, linear) after one training
                     step of the batch norm (running stats moved, num_batches_tracked = 1, int64)
    half.pth         {"h": a float16 (2, 3) tensor, "d": a float64 (3,) tensor}
    views.pth        {"t": a transposed (4, 3) view of a (3, 4) tensor, "s": a sliced (2, 2) view
                     with a storage offset}, saved as views of the one shared storage
    nested.pth       {"epoch": 3, "model": {"a": ..., "inner": {"b": ...}}, "name": "x"}
    legacy.pth       views.pth's tensors in the pre-1.6 (non-zip) format
    expected.agfx    every tensor as float32, named "<file stem>/<flattened key>", in the AGFX1
                     format of tools/make_fixtures.py (int64 values are small, so exact as float32)
A fixed seed makes reruns write identical values.
"""
import pathlib
import sys

import torch
import torch.nn as nn

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from make_fixtures import write_fixture  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "resources" / "fixtures" / "pth"


def flatten(prefix, value, out):
    if isinstance(value, dict):
        for key, inner in value.items():
            flatten(f"{prefix}.{key}" if prefix else key, inner, out)
    elif isinstance(value, torch.Tensor):
        out[prefix] = value


def save(stem, obj, expected, **kwargs):
    torch.save(obj, OUT / f"{stem}.pth", **kwargs)
    tensors = {}
    flatten("", obj, tensors)
    for key, tensor in tensors.items():
        expected.append((f"{stem}/{key}", tensor.detach().to(torch.float32)))


def main():
    torch.manual_seed(20261128)
    OUT.mkdir(parents=True, exist_ok=True)
    expected = []

    model = nn.Sequential(nn.Conv2d(2, 3, 3), nn.BatchNorm2d(3), nn.Flatten(), nn.Linear(12, 4))
    model.train()
    model(torch.randn(5, 2, 4, 4))
    save("sequential", model.state_dict(), expected)

    save("half", {"h": torch.randn(2, 3).half(), "d": torch.randn(3, dtype=torch.float64)}, expected)

    base = torch.randn(3, 4)
    views = {"t": base.t(), "s": base[1:, 2:]}
    assert not views["t"].is_contiguous() and views["s"].storage_offset() == 6
    save("views", views, expected)

    nested = {"epoch": 3, "model": {"a": torch.randn(2, 2), "inner": {"b": torch.randn(3)}}, "name": "x"}
    save("nested", nested, expected)

    save("legacy", views, expected, _use_new_zipfile_serialization=False)

    write_fixture(OUT / "expected.agfx", expected)


if __name__ == "__main__":
    main()
