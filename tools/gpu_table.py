#!/usr/bin/env python3
"""The last step of gpu-check.sh: one table of our CUDA kernels (JMH, -p device=cuda) beside the
PyTorch peer (bench/peer/torch_ops.py --json) and the cuDNN baseline (CudnnConv2dBench), with a
line saying why wherever a column is missing. ratio = PyTorch ms / ours ms and vs cuDNN = cuDNN ms /
ours ms, so above 1 means our kernel is faster. Standard library only.
"""
import argparse
import json
import os
import re

# JMH class -> the op label the peer uses
LABELS = {"Conv2dBench": "conv2d", "ConvTranspose2dBench": "conv_transpose2d", "UpsampleBench": "upsample",
          "BatchNorm2dBench": "batch_norm2d", "GemmBench": "gemm"}
BASELINE = "CudnnConv2dBench"  # the cuDNN twin of Conv2dBench, same methods and shapes
TIME_UNITS_MS = {"s": 1e3, "ms": 1.0, "us": 1e-3, "ns": 1e-6}


def score_ms(metric):
    """JMH's primaryMetric -> ms per op."""
    left, right = metric["scoreUnit"].split("/")
    return metric["score"] * TIME_UNITS_MS[left] if right == "op" else TIME_UNITS_MS[right] / metric["score"]


def load_json(path):
    if not path or not os.path.exists(path) or os.path.getsize(path) == 0:
        return None
    with open(path) as f:
        return json.load(f)


def first_match(path, pattern):
    """The first line of the log at path that matches pattern, trimmed; None if none."""
    if not path or not os.path.exists(path):
        return None
    with open(path, errors="replace") as f:
        for line in f:
            if re.search(pattern, line):
                return line.strip()[:300]
    return None


def collect(jmh, peer):
    """{(class, method, shape, mode): {"ours", "torch", "cudnn"}} in first-seen order."""
    rows = {}
    baseline = {}
    for entry in jmh or []:
        cls, method = entry["benchmark"].split(".")[-2:]
        params = entry.get("params") or {}
        shape = params.get("shape", params.get("size"))
        if cls == BASELINE:
            baseline[(method, shape)] = score_ms(entry["primaryMetric"])
        elif params.get("device", "cuda") == "cuda":
            rows.setdefault((cls, method, shape, params.get("mode")), {})["ours"] = score_ms(entry["primaryMetric"])
    for row in (peer or {}).get("rows", []):
        cls, method = row["benchmark"].split(".")
        rows.setdefault((cls, method, row["shape"], row["mode"]), {})["torch"] = row["torchMs"]
    for (cls, method, shape, _), cells in rows.items():
        if cls == "Conv2dBench":
            cells["cudnn"] = baseline.get((method, shape))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jmh", help="JMH -rf json results (ours and the cuDNN baseline)")
    parser.add_argument("--peer", help="torch_ops.py --json output")
    parser.add_argument("--jmh-log", help="JMH's console log, for why a benchmark failed")
    parser.add_argument("--peer-log", help="the peer's console log, for why it failed")
    args = parser.parse_args()
    jmh, peer = load_json(args.jmh), load_json(args.peer)
    rows = collect(jmh, peer)
    has_baseline = any(k[0] == "Conv2dBench" for k in rows)

    fmt = lambda v, spec: "-" if v is None else format(v, spec)
    columns = ["op", "shape", "ours ms", "PyTorch ms", "ratio", "cuDNN ms", "vs cuDNN"]
    table = []
    for (cls, method, shape, mode), cells in rows.items():
        ours, torch_ms, cudnn = cells.get("ours"), cells.get("torch"), cells.get("cudnn")
        label = LABELS.get(cls, cls)
        table.append([f"{label}_{mode}.{method}" if mode else f"{label}.{method}", str(shape),
                      fmt(ours, ".3f"), fmt(torch_ms, ".3f") if peer else "unavailable",
                      fmt(torch_ms / ours if ours and torch_ms else None, ".2f"),
                      (fmt(cudnn, ".3f") if cudnn else "unavailable") if cls == "Conv2dBench" else "-",
                      fmt(cudnn / ours if ours and cudnn else None, ".2f")])
    widths = [max(len(c), *(len(t[i]) for t in table)) for i, c in enumerate(columns)] if table \
        else [len(c) for c in columns]
    line = lambda cells: "  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    print()
    print("=== autogan4j on CUDA vs PyTorch and cuDNN (ms/op; ratio, vs cuDNN > 1: ours faster) ===")
    print(line(columns))
    for cells in table:
        print(line(cells))
    if not table:
        print("(no results)")
    notes = []
    if not jmh:
        why = first_match(args.jmh_log, r"CUDA is unavailable|NativeException|no CUDA|Exception")
        notes.append("ours: no JMH results" + (f" ({why})" if why else ""))
    if not peer:
        why = first_match(args.peer_log, r"error|Error")
        notes.append("PyTorch: unavailable" + (f" ({why})" if why else ""))
    if has_baseline or not jmh:
        if not any(cells.get("cudnn") for cells in rows.values()):
            why = first_match(args.jmh_log, r"baseline unavailable")
            notes.append("cuDNN: unavailable" + (f" ({why})" if why else ""))
    for note in notes:
        print("note: " + note)


if __name__ == "__main__":
    main()
