#!/usr/bin/python3
"""The PyTorch CPU peer of TrainStepBench (bench/jmh): one AutoGAN training iteration, i.e. one D
step and one G step with Adam updates and the EMA of G, timed with torch on 2 threads, so that our
iteration has an outside reference measured on the same machine.

Setting (issue 4): gf 64, df 64, latent 64, gen_bs 64, dis_bs 32, stage 2, AutoGAN-top1 arch
1,0,1,1,1,0,0,1,1,1,0,1,0,3 on the shared generator, 1-channel 32x32 random real batch; the models
are tools/autogan_torch.py with the original's training init. Prints the median of the timed
iterations in ms and the peak resident memory; --jmh PATH adds ours (JMH's -rf json result of
org.autogan4j.bench.TrainStepBench.iteration) and the ratio torch ms / ours ms (above 1: ours faster).
"""
import argparse
import json
import pathlib
import resource
import statistics
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "tools"))
from autogan_torch import TOP1, Discriminator, SharedGenerator, init_for_training  # noqa: E402
from torch_ops import blas_library, score_ms  # noqa: E402

BENCHMARK = "org.autogan4j.bench.TrainStepBench.iteration"
GF_DIM, DF_DIM, LATENT_DIM, GEN_BS, DIS_BS, STAGE, IMG_CHANNELS, RESOLUTION = 64, 64, 64, 64, 32, 2, 1, 32
LR, BETAS, EMA_DECAY = 2e-4, (0.0, 0.9), 0.999
THREADS = 2


class TrainStep:
    """G, D, both Adams and G's EMA; step() runs one D step and one G step (spec section 3)."""

    def __init__(self):
        self.gen = SharedGenerator(LATENT_DIM, GF_DIM, 4, IMG_CHANNELS)
        self.dis = Discriminator(DF_DIM, IMG_CHANNELS)
        init_for_training(self.gen)
        init_for_training(self.dis)
        self.gen.set_arch(TOP1, STAGE)
        self.dis.cur_stage = STAGE
        self.gen.train()
        self.dis.train()
        used = set(self.gen.used_parameter_names())
        self.g_params = [p for n, p in self.gen.named_parameters() if n in used]
        self.g_avg = [p.detach().clone() for p in self.g_params]
        self.g_opt = torch.optim.Adam(self.g_params, lr=LR, betas=BETAS)
        self.d_opt = torch.optim.Adam(self.dis.parameters(), lr=LR, betas=BETAS)
        self.real = torch.rand(DIS_BS, IMG_CHANNELS, RESOLUTION, RESOLUTION) * 2 - 1

    def step(self):
        fake = self.gen(torch.randn(DIS_BS, LATENT_DIM)).detach()
        d_loss = F.relu(1 - self.dis(self.real)).mean() + F.relu(1 + self.dis(fake)).mean()
        self.d_opt.zero_grad()
        d_loss.backward()
        self.d_opt.step()
        g_loss = -self.dis(self.gen(torch.randn(GEN_BS, LATENT_DIM))).mean()
        self.g_opt.zero_grad()
        g_loss.backward()
        self.g_opt.step()
        with torch.no_grad():
            for avg, p in zip(self.g_avg, self.g_params):
                avg.mul_(EMA_DECAY).add_(p, alpha=1 - EMA_DECAY)


def time_ms(step, warmup, iters):
    for _ in range(warmup):
        step()
    times = []
    for _ in range(iters):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times), min(times), max(times)


def load_ours(path):
    """ms/op of TrainStepBench.iteration (device cpu, or no device param) in JMH's -rf json file."""
    with open(path) as f:
        for entry in json.load(f):
            if entry["benchmark"] == BENCHMARK and (entry.get("params") or {}).get("device", "cpu") == "cpu":
                return score_ms(entry["primaryMetric"])
    raise SystemExit(f"{path}: no {BENCHMARK} result on the CPU; run that JMH benchmark with -rf json -rff {path}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jmh", metavar="PATH", help="JMH result file (-rf json) holding TrainStepBench.iteration")
    parser.add_argument("--warmup", type=int, default=3, help="untimed iterations first (default 3)")
    parser.add_argument("--iters", type=int, default=10, help="timed iterations, at least 10 (default 10)")
    args = parser.parse_args()
    if args.iters < 10 or args.warmup < 1:
        parser.error("--iters must be at least 10 and --warmup at least 1")
    ours = load_ours(args.jmh) if args.jmh else None
    torch.set_num_threads(THREADS)
    torch.manual_seed(0)
    print(f"torch {torch.__version__}, cpu, {torch.get_num_threads()} threads, BLAS {blas_library()}")
    print(f"one iteration: gf {GF_DIM}, df {DF_DIM}, latent {LATENT_DIM}, gen_bs {GEN_BS}, dis_bs {DIS_BS}, "
          f"stage {STAGE}, arch {','.join(map(str, TOP1))}, {IMG_CHANNELS}x{RESOLUTION}x{RESOLUTION}")
    median, fastest, slowest = time_ms(TrainStep().step, args.warmup, args.iters)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"torch: median {median:.1f} ms of {args.iters} iterations (min {fastest:.1f}, max {slowest:.1f}); "
          f"peak resident {peak_mib:.0f} MiB")
    if ours is not None:
        print(f"ours {ours:.1f} ms, torch {median:.1f} ms, ratio torch/ours {median / ours:.2f} (above 1: ours faster)")


if __name__ == "__main__":
    main()
