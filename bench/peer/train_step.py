#!/usr/bin/python3
"""The PyTorch peer of TrainStepBench (bench/jmh): one AutoGAN training iteration, i.e. one D step and
one G step with Adam updates and the EMA of G, and the D step alone, timed with torch on the CPU or
on a CUDA card, so that our iteration has an outside reference measured on the same machine.

Setting: the shared generator set to an architecture (--arch, the 14 codes joined by '-'; default
AutoGAN-top1, 1-0-1-1-1-0-0-1-1-1-0-1-0-3) at stage 2 (32x32), a random real batch, fresh z each
step; the models are tools/autogan_torch.py with the original's training init. The default sizes are
issue 4's CPU setting (gf 64, df 64, latent 64, gen_bs 64, dis_bs 32, 1 channel); the search's paper
widths are --gf 128 --df 64 --latent 128 --gen-bs 128 --dis-bs 64 --channels 3. Prints the FLOP
estimate of one iteration, the median of the timed steps in ms and the peak resident memory; --jmh
PATH adds ours (JMH's -rf json result of TrainStepBench at the same device, sizes and arch) and the
ratio torch ms / ours ms (above 1: ours faster); --json PATH writes the figures.
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

MULTIPLY_ADDS = (torch.nn.Conv2d, torch.nn.ConvTranspose2d, torch.nn.Linear)

BENCHMARK = "org.autogan4j.bench.TrainStepBench"
STAGE, RESOLUTION, BOTTOM_WIDTH = 2, 32, 4
LR, BETAS, EMA_DECAY = 2e-4, (0.0, 0.9), 0.999
TIME_UNITS_MS = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3, "min": 6e4}


class TrainStep:
    """G, D, both Adams and G's EMA; iteration() runs one D step and one G step (spec section 3)."""

    def __init__(self, args, device):
        self.args, self.device = args, device
        self.gen = SharedGenerator(args.latent, args.gf, BOTTOM_WIDTH, args.channels)
        self.dis = Discriminator(args.df, args.channels)
        init_for_training(self.gen)
        init_for_training(self.dis)
        self.gen.set_arch(args.arch_codes, STAGE)
        self.dis.cur_stage = STAGE
        self.gen.to(device).train()
        self.dis.to(device).train()
        used = set(self.gen.used_parameter_names())
        self.g_params = [p for n, p in self.gen.named_parameters() if n in used]
        self.g_avg = [p.detach().clone() for p in self.g_params]
        self.g_opt = torch.optim.Adam(self.g_params, lr=LR, betas=BETAS)
        self.d_opt = torch.optim.Adam(self.dis.parameters(), lr=LR, betas=BETAS)
        self.real = torch.rand(args.dis_bs, args.channels, RESOLUTION, RESOLUTION, device=device) * 2 - 1

    def d_step(self):
        fake = self.gen(torch.randn(self.args.dis_bs, self.args.latent, device=self.device)).detach()
        d_loss = F.relu(1 - self.dis(self.real)).mean() + F.relu(1 + self.dis(fake)).mean()
        self.d_opt.zero_grad()
        d_loss.backward()
        self.d_opt.step()

    def g_step(self):
        g_loss = -self.dis(self.gen(torch.randn(self.args.gen_bs, self.args.latent, device=self.device))).mean()
        self.g_opt.zero_grad()
        g_loss.backward()
        self.g_opt.step()
        with torch.no_grad():
            for avg, p in zip(self.g_avg, self.g_params):
                avg.mul_(EMA_DECAY).add_(p, alpha=1 - EMA_DECAY)

    def iteration(self):
        self.d_step()
        self.g_step()


def forward_macs(model, x):
    """Multiply-adds of the convolutions and linear layers in one forward pass of model on x."""
    total, hooks = [0], []

    def count(module, inputs, output):
        if isinstance(module, torch.nn.ConvTranspose2d):
            total[0] += inputs[0].numel() * module.out_channels * module.kernel_size[0] * module.kernel_size[1]
        elif isinstance(module, torch.nn.Conv2d):
            taps = module.in_channels // module.groups * module.kernel_size[0] * module.kernel_size[1]
            total[0] += output.numel() * taps
        else:
            total[0] += output.numel() * module.in_features

    for module in model.modules():
        if isinstance(module, MULTIPLY_ADDS):
            hooks.append(module.register_forward_hook(count))
    with torch.no_grad():
        model(x)
    for hook in hooks:
        hook.remove()
    return total[0]


def iteration_flops(step):
    """FLOPs of one iteration's convolutions and linear layers, 2 per multiply-add: a forward pass
    once, a pass that is backpropagated three times (forward, data and weight gradients). The D step
    runs G forward on dis_bs (no backward) and D on dis_bs real and dis_bs fake; the G step runs G
    and D on gen_bs, both backpropagated."""
    a = step.args
    g_dis = forward_macs(step.gen, torch.randn(a.dis_bs, a.latent, device=step.device))
    g_gen = forward_macs(step.gen, torch.randn(a.gen_bs, a.latent, device=step.device))
    d_dis = forward_macs(step.dis, step.real)
    d_gen = forward_macs(step.dis, torch.randn(a.gen_bs, a.channels, RESOLUTION, RESOLUTION, device=step.device))
    return 2 * (g_dis + 3 * 2 * d_dis + 3 * g_gen + 3 * d_gen)


def time_ms(step, warmup, iters, sync):
    """Median, min and max ms of iters calls after warmup ones, each call finished before the clock stops."""
    for _ in range(warmup):
        step()
    sync()
    times = []
    for _ in range(iters):
        start = time.perf_counter()
        step()
        sync()
        times.append((time.perf_counter() - start) * 1e3)
    return {"median_ms": statistics.median(times), "min_ms": min(times), "max_ms": max(times), "iters": iters}


def score_ms(metric):
    """JMH's primaryMetric -> ms per op, from a time/op or an ops/time unit."""
    left, right = metric["scoreUnit"].split("/")
    return metric["score"] * TIME_UNITS_MS[left] if right == "op" else TIME_UNITS_MS[right] / metric["score"]


def jmh_params(args):
    """TrainStepBench's @Param values for these sizes, as JMH writes them."""
    return {"device": args.device, "config": f"{args.gf}/{args.df}/{args.latent}/{args.gen_bs}/{args.dis_bs}",
            "arch": args.arch, "channels": str(args.channels)}


def load_ours(path, args):
    """{method: ms/op} of TrainStepBench at these device and sizes in JMH's -rf json file."""
    wanted, ours = jmh_params(args), {}
    with open(path) as f:
        for entry in json.load(f):
            params = entry.get("params") or {}
            if entry["benchmark"].startswith(BENCHMARK + ".") and all(params.get(k) == v for k, v in wanted.items()):
                ours[entry["benchmark"].rsplit(".", 1)[1]] = score_ms(entry["primaryMetric"])
    if not ours:
        raise SystemExit(f"{path}: no {BENCHMARK} result with params {wanted}; run that JMH benchmark with "
                         f"-rf json -rff {path} and the same -p values")
    return ours


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", choices=["cpu", "cuda"], default="cpu", help="where torch runs (default cpu)")
    parser.add_argument("--gf", type=int, default=64, help="generator width gf_dim (default 64)")
    parser.add_argument("--df", type=int, default=64, help="discriminator width df_dim (default 64)")
    parser.add_argument("--latent", type=int, default=64, help="latent size (default 64)")
    parser.add_argument("--gen-bs", type=int, default=64, help="G step batch (default 64)")
    parser.add_argument("--dis-bs", type=int, default=32, help="D step batch, real and fake each (default 32)")
    parser.add_argument("--channels", type=int, default=1, help="image channels (default 1)")
    parser.add_argument("--arch", default="-".join(map(str, TOP1)),
                        help="the 14 architecture codes joined by '-' (default AutoGAN-top1)")
    parser.add_argument("--threads", type=int, default=2, help="CPU threads (default 2)")
    parser.add_argument("--tf32", action="store_true", help="allow TF32 in cuDNN and matmul, as our CUDA GEMMs use")
    parser.add_argument("--jmh", metavar="PATH", help="JMH result file (-rf json) holding TrainStepBench")
    parser.add_argument("--json", metavar="PATH", help="write the figures as JSON")
    parser.add_argument("--warmup", type=int, default=3, help="untimed steps first (default 3)")
    parser.add_argument("--iters", type=int, default=10, help="timed steps (default 10)")
    args = parser.parse_args()
    if args.iters < 1 or args.warmup < 1:
        parser.error("--iters and --warmup must be at least 1")
    try:
        args.arch_codes = tuple(int(code) for code in args.arch.split("-"))
    except ValueError:
        args.arch_codes = ()
    if len(args.arch_codes) != 14:
        parser.error(f"--arch: 14 codes joined by '-', not {args.arch}")
    if args.device == "cuda" and not torch.cuda.is_available():
        raise SystemExit(f"torch {torch.__version__} sees no CUDA device here")
    ours = load_ours(args.jmh, args) if args.jmh else None
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    device = torch.device(args.device)
    if args.device == "cuda":
        torch.backends.cudnn.benchmark = True
        torch.backends.cudnn.allow_tf32 = args.tf32
        torch.backends.cuda.matmul.allow_tf32 = args.tf32
        where = f"{torch.cuda.get_device_name(0)}, cuDNN {torch.backends.cudnn.version()}, TF32 {args.tf32}"
        sync = torch.cuda.synchronize
    else:
        where = f"cpu, {torch.get_num_threads()} threads"
        sync = lambda: None  # noqa: E731
    print(f"torch {torch.__version__}, {where}")
    print(f"gf {args.gf}, df {args.df}, latent {args.latent}, gen_bs {args.gen_bs}, dis_bs {args.dis_bs}, "
          f"stage {STAGE}, arch {args.arch}, {args.channels}x{RESOLUTION}x{RESOLUTION}")
    step = TrainStep(args, device)
    flops = iteration_flops(step)
    print(f"iteration FLOP estimate: {flops / 1e9:.2f} GFLOP (convolutions and linear layers)")
    figures = {"iteration": time_ms(step.iteration, args.warmup, args.iters, sync),
               "dStep": time_ms(step.d_step, args.warmup, args.iters, sync)}
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for name, f in figures.items():
        line = (f"torch {name}: median {f['median_ms']:.2f} ms of {f['iters']} (min {f['min_ms']:.2f}, "
                f"max {f['max_ms']:.2f})")
        if ours is not None and name in ours:
            f["ours_ms"] = ours[name]
            line += f"; ours {ours[name]:.2f} ms, ratio torch/ours {f['median_ms'] / ours[name]:.2f}"
        print(line)
    print(f"peak resident {peak_mib:.0f} MiB" + ("; a ratio above 1: ours faster" if ours else ""))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"torch": torch.__version__, "where": where, "params": jmh_params(args), "flops": flops,
                       "steps": figures}, f, indent=1)


if __name__ == "__main__":
    main()
