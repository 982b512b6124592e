#!/usr/bin/python3
"""The PyTorch peer of the JMH kernel benchmarks (bench/jmh): times the same ops at the same shapes
with torch (2 CPU threads, or CUDA with --device cuda) and prints one table beside JMH's numbers,
so that every kernel has an outside reference. See bench/peer/README.md for how to run it.

Shapes are "NxCxS" (N images, C channels in = out, S = H = W) and, for GEMM, the square size.
Timing: warm-up, then the median of repeated calls, in ms/op; ratio = torch ms / ours ms, so a
ratio above 1 means our kernel is faster.
"""
import argparse
import json
import re
import statistics
import sys
import time

import torch
import torch.nn.functional as F

aten = torch.ops.aten
CONV_SHAPES = ["64x64x32", "128x128x16", "64x256x8", "128x128x4", "128x256x16"]
OTHER_SHAPES = ["64x64x32", "128x128x16", "128x256x8"]
GEMM_SIZES = ["256", "512", "1024", "2048"]
WARMUP_MS, TARGET_MS, MIN_REPS, MAX_REPS = 200.0, 500.0, 3, 30
TIME_UNITS_MS = {"s": 1e3, "ms": 1.0, "us": 1e-3, "ns": 1e-6}


def nchw(shape):
    n, c, s = (int(d) for d in shape.split("x"))
    return n, c, s


def conv2d_ops(shape, mode, rand):
    # x (n,c,s,s), weight (c,c,3,3), bias (c) -> y (n,c,s,s); 3x3, pad 1
    n, c, s = nchw(shape)
    x, weight, bias, dy = rand(n, c, s, s), rand(c, c, 3, 3), rand(c), rand(n, c, s, s)

    def backward(mask):
        return lambda: aten.convolution_backward(dy, x, weight, [c], [1, 1], [1, 1], [1, 1], False, [0, 0], 1, mask)

    return {"forward": lambda: F.conv2d(x, weight, bias, padding=1),
            "backwardData": backward([True, False, False]),
            "backwardWeight": backward([False, True, True])}, None


def conv_transpose2d_ops(shape, mode, rand):
    # x (n,c,s,s), weight (c,c,2,2), bias (c) -> y (n,c,2s,2s); kernel 2, stride 2
    n, c, s = nchw(shape)
    x, weight, bias, dy = rand(n, c, s, s), rand(c, c, 2, 2), rand(c), rand(n, c, 2 * s, 2 * s)

    def backward(mask):
        return lambda: aten.convolution_backward(dy, x, weight, [c], [2, 2], [0, 0], [1, 1], True, [0, 0], 1, mask)

    return {"forward": lambda: F.conv_transpose2d(x, weight, bias, stride=2),
            "backwardData": backward([True, False, False]),
            "backwardWeight": backward([False, True, True])}, None


def upsample_ops(shape, mode, rand):
    # x (n,c,s,s) -> y (n,c,2s,2s), mode "nearest" or "bilinear" (align_corners False)
    n, c, s = nchw(shape)
    x, dy = rand(n, c, s, s), rand(n, c, 2 * s, 2 * s)
    if mode == "nearest":
        backward = lambda: aten.upsample_nearest2d_backward(dy, [2 * s, 2 * s], [n, c, s, s], 2.0, 2.0)
    else:
        backward = lambda: aten.upsample_bilinear2d_backward(dy, [2 * s, 2 * s], [n, c, s, s], False, 2.0, 2.0)
    align = False if mode == "bilinear" else None
    return {"forward": lambda: F.interpolate(x, scale_factor=2, mode=mode, align_corners=align),
            "backward": backward}, None


def batch_norm2d_ops(shape, mode, rand):
    # x, dy (n,c,s,s), gamma, beta, runningMean, runningVar (c); training mode, eps 1e-5, momentum 0.1
    n, c, s = nchw(shape)
    x, dy, gamma, beta = rand(n, c, s, s), rand(n, c, s, s), 1 + 0.02 * rand(c), rand(c)
    running_mean, running_var = torch.zeros_like(beta), torch.ones_like(beta)
    _, save_mean, save_invstd = aten.native_batch_norm(x, gamma, beta, running_mean, running_var, True, 0.1, 1e-5)
    return {"forwardTrain": lambda: aten.native_batch_norm(x, gamma, beta, running_mean, running_var, True, 0.1, 1e-5),
            "backward": lambda: aten.native_batch_norm_backward(dy, x, gamma, running_mean, running_var, save_mean,
                                                                save_invstd, True, 1e-5, [True, True, True])}, None


def gemm_ops(size, mode, rand):
    # a (m,k), b (k,n) -> y (m,n), m = n = k = size
    m = int(size)
    a, b, y = rand(m, m), rand(m, m), rand(m, m)
    return {"sgemm": lambda: torch.mm(a, b, out=y)}, 2.0 * m * m * m


# (JMH class, op label, default shapes, modes, factory)
BENCHES = [
    ("Conv2dBench", "conv2d", CONV_SHAPES, [None], conv2d_ops),
    ("ConvTranspose2dBench", "conv_transpose2d", OTHER_SHAPES, [None], conv_transpose2d_ops),
    ("UpsampleBench", "upsample", OTHER_SHAPES, ["nearest", "bilinear"], upsample_ops),
    ("BatchNorm2dBench", "batch_norm2d", OTHER_SHAPES, [None], batch_norm2d_ops),
    ("GemmBench", "gemm", GEMM_SIZES, [None], gemm_ops),
]


def score_ms(metric):
    """JMH's primaryMetric -> ms per op, from a time/op or an ops/time unit."""
    left, right = metric["scoreUnit"].split("/")
    if right == "op":
        return metric["score"] * TIME_UNITS_MS[left]
    return TIME_UNITS_MS[right] / metric["score"]


def load_jmh(path, device):
    """JMH's -rf json file -> {(class, method, shape, mode): ms/op} for the benchmarks on device."""
    ours = {}
    with open(path) as f:
        for entry in json.load(f):
            cls, method = entry["benchmark"].split(".")[-2:]
            params = entry.get("params") or {}
            if params.get("device", device) == device:
                shape = params.get("shape", params.get("size"))
                ours[(cls, method, shape, params.get("mode"))] = score_ms(entry["primaryMetric"])
    return ours


def shapes_for(cls, defaults, ours, only):
    """The shapes to run: --shapes (those that fit this bench), else defaults + any JMH ran."""
    pattern = r"\d+" if cls == "GemmBench" else r"\d+x\d+x\d+"
    wanted = only or defaults + [key[2] for key in ours if key[0] == cls]
    return [s for s in dict.fromkeys(wanted) if re.fullmatch(pattern, str(s))]


def time_ms(fn, sync):
    """Warm-up for WARMUP_MS (at least one call), then the median of MIN_REPS..MAX_REPS calls."""
    def once():
        sync()
        start = time.perf_counter()
        fn()
        sync()
        return (time.perf_counter() - start) * 1e3

    warm, last = 0.0, 0.0
    while warm < WARMUP_MS:
        last = once()
        warm += last
    reps = min(MAX_REPS, max(MIN_REPS, int(TARGET_MS / last)))
    return statistics.median(once() for _ in range(reps))


def run(args, ours):
    device = torch.device(args.device)
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)
    rand = lambda *shape: torch.randn(*shape, device=device)
    rows = []
    ran = {key[0] for key in ours}
    for cls, label, defaults, modes, factory in BENCHES:
        if ran and cls not in ran:
            continue
        for shape in shapes_for(cls, defaults, ours, args.shapes):
            for mode in modes:
                ops, flops = factory(shape, mode, rand)
                for method, fn in ops.items():
                    torch_ms = time_ms(fn, sync)
                    ours_ms = ours.get((cls, method, shape, mode))
                    op = f"{label}_{mode}.{method}" if mode else f"{label}.{method}"
                    rows.append({"benchmark": f"{cls}.{method}", "op": op, "shape": shape, "mode": mode,
                                 "device": args.device, "oursMs": ours_ms, "torchMs": torch_ms,
                                 "ratio": torch_ms / ours_ms if ours_ms else None,
                                 "oursGflops": flops / ours_ms / 1e6 if flops and ours_ms else None,
                                 "torchGflops": flops / torch_ms / 1e6 if flops else None})
                    print(f"  {op} {shape}: {torch_ms:.3f} ms", file=sys.stderr, flush=True)
    return rows


def blas_library():
    """The BLAS that torch.mm calls on the CPU, as the path of the loaded shared library."""
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if re.search(r"blas|mkl", line.split()[-1])}
    return ", ".join(sorted(paths)) or "built in"


def print_table(rows, with_ours):
    fmt = lambda v, spec: "-" if v is None else format(v, spec)
    columns = ["op", "shape"] + (["ours ms"] if with_ours else []) + ["torch ms"]
    columns += (["ratio", "ours GFLOP/s"] if with_ours else []) + ["torch GFLOP/s"]
    table = []
    for r in rows:
        cells = [r["op"], r["shape"]] + ([fmt(r["oursMs"], ".3f")] if with_ours else []) + [fmt(r["torchMs"], ".3f")]
        cells += [fmt(r["ratio"], ".2f"), fmt(r["oursGflops"], ".1f")] if with_ours else []
        table.append(cells + [fmt(r["torchGflops"], ".1f")])
    widths = [max(len(c), *(len(t[i]) for t in table)) for i, c in enumerate(columns)] if table else []
    line = lambda cells: "  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    print(line(columns))
    for cells in table:
        print(line(cells))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jmh", metavar="PATH", help="JMH result file (-rf json) to compare against")
    parser.add_argument("--device", choices=["cpu", "cuda"], default="cpu")
    parser.add_argument("--tf32", action="store_true", help="allow TF32 in cuDNN and cuBLAS (off: true FP32)")
    parser.add_argument("--shapes", type=lambda s: s.split(","), help="comma-separated shapes to run, e.g. 64x64x32,1024")
    parser.add_argument("--json", metavar="OUT", help="also write the table as JSON to OUT")
    args = parser.parse_args()
    torch.set_num_threads(2)
    if args.device == "cuda":
        if not torch.cuda.is_available():
            parser.error("--device cuda: torch.cuda.is_available() is False")
        torch.backends.cudnn.benchmark = True
        torch.backends.cudnn.allow_tf32 = args.tf32
        torch.backends.cuda.matmul.allow_tf32 = args.tf32
    ours = load_jmh(args.jmh, args.device) if args.jmh else {}
    where = torch.cuda.get_device_name() if args.device == "cuda" else f"cpu, 2 threads, BLAS {blas_library()}"
    print(f"torch {torch.__version__} on {where}" + (f"; ours from {args.jmh}" if args.jmh else ""))
    rows = run(args, ours)
    print_table(rows, bool(args.jmh))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"torch": torch.__version__, "device": where, "rows": rows}, f, indent=1)


if __name__ == "__main__":
    main()
