#!/usr/bin/python3
"""Writes stand-in FID Inception weights with torch.save: pytorch-fid's network as
tools/make_inception_fixture.py builds it, every tensor filled by that script's deterministic formula,
saved as a state_dict .pth (num_batches_tracked left out). For the device check's timed search and
training where the real 95 MB pt_inception-2015-12-05-6726825d.pth is absent: the scores are
meaningless, the work per image is the real network's. Where torch is missing, the Java class
org.autogan4j.metrics.StandInInception (test classes) writes the same values.

    python3 tools/make_standin_inception.py OUT.pth
"""
import sys

import torch

from make_inception_fixture import fid_inception, fill


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: make_standin_inception.py OUT.pth")
    state = fill(fid_inception())
    torch.save(state, sys.argv[1])
    print(f"wrote {len(state)} stand-in Inception tensors to {sys.argv[1]} (torch {torch.__version__})")


if __name__ == "__main__":
    main()
