#!/usr/bin/env python3
"""Projects the wall time of the paper-protocol search (65 iterations) and of the derived training on
the card of one gpu-check.sh run, from its results.json: the per-D-step time of each search stage and
the per-image reward time (stage (c)'s search metrics.csv), the per-G-step and per-evaluation times
of the derived training (stage (c)'s train metrics.csv), and the stage-2 training step at the paper's
widths beside PyTorch (stage (b)). Prints a Markdown section for bench/RESULTS.md; --append FILE
adds it to that file, which is refused unless the run was on a GPU. Standard library only.

    tools/project_cost.py --results results.json [--append bench/RESULTS.md]
"""
import argparse
import csv
import io
import json
import statistics
import sys

# The paper's protocol (spec 3 and 5): iterations per search stage, D steps per iteration (15 epochs
# of 782 batches, no dynamic reset), controller steps, reward images, candidates at each growth and
# at the final selection; the derived training's G steps, evaluations and images per evaluation.
STAGE_ITERATIONS = {0: 15, 1: 20, 2: 30}
SHARED_STEPS, CTRL_STEPS, REWARD_IMAGES, CANDIDATES, N_CRITIC = 15 * 782, 30, 5000, 10, 5
DERIVED_G_STEPS, DERIVED_EVALS, EVAL_IMAGES, TRAIN_IMAGES = 50_000, 16, 50_000, 50_000
PAPER_SEARCH_HOURS, GOAL_HOURS = 43, 1
TIME_UNITS_MS = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3, "min": 6e4}


def settings(text):
    """'a=1 b=2 --steps 40 ...' -> {'a': '1', 'steps': '40', ...}."""
    out, words = {}, (text or "").split()
    for i, w in enumerate(words):
        if "=" in w:
            k, v = w.split("=", 1)
            out[k] = v
        elif w.startswith("--") and i + 1 < len(words):
            out[w[2:]] = words[i + 1]
    return out


def rows(text):
    if not isinstance(text, str) or "," not in text:
        return []
    return list(csv.DictReader(io.StringIO(text)))


def median_or_none(values):
    return statistics.median(values) if values else None


def search_figures(search):
    """{stage: seconds per D step}, {stage: seconds per reward image}, the seconds of the rest of an
    iteration (sample grid, checkpoint, report), and the settings."""
    config = settings(search.get("settings"))
    images = int(config.get("rl_num_eval_img", 0) or 0)
    candidates = int(config.get("num_candidate", 0) or 0)
    first_log = int(config.get("log_every", 0) or 0)
    shared, ctrl, last, events = {}, {}, {}, rows(search.get("metrics_csv"))
    for r in events:
        t, it, stage, event = float(r["time_s"]), int(r["iteration"]), int(r["stage"]), r["event"]
        key = (it, event)
        if event == "shared":
            d = int(r["d_step"])
            if key in last:
                shared.setdefault(stage, []).append((t - last[key][0]) / max(1, d - last[key][1]))
            last[key] = (t, d)
        elif event == "controller":
            if key in last and images:
                ctrl.setdefault(stage, []).append((t - last[key][0]) / images)
            last[key] = (t, 0)
    step_s = {s: median_or_none(v) for s, v in shared.items()}
    image_s = {s: median_or_none(v) for s, v in ctrl.items()}
    # From an iteration's end row to the next iteration's first shared row: the rest of the iteration,
    # the next one's growth (if any) and its first log_every D steps.
    rest = []
    for i, r in enumerate(events):
        if r["event"] != "iteration":
            continue
        stage = int(r["stage"])
        nxt = next((n for n in events[i + 1:] if n["event"] == "shared"), None)
        if nxt is None or int(nxt["stage"]) not in step_s:
            continue
        grew = int(nxt["stage"]) != stage
        if grew and stage not in image_s:
            continue
        growth = candidates * images * image_s[stage] if grew else 0
        gap = float(nxt["time_s"]) - float(r["time_s"]) - growth - first_log * step_s[int(nxt["stage"])]
        rest.append(max(0.0, gap))  # the growth estimate is noisy; a rest is never negative
    return step_s, image_s, median_or_none(rest), config


def train_figures(train):
    """Seconds per G step (with its n_critic D steps), per evaluated image, per evaluation beyond its images
    (FID's matrix square root, the checkpoint and the sample grid), and the settings."""
    config = settings(train.get("settings"))
    images = int(config.get("eval-images", 0) or 0)
    period, per_image, fixed, previous, after_eval = [], [], [], None, False
    for r in rows(train.get("metrics_csv")):
        seconds, g = float(r["seconds"]), int(r["g_step"])
        if r["kind"] == "eval":
            scoring = float(r["eval_seconds"] or 0)
            if images:
                per_image.append(scoring / images)
            if previous is not None:
                fixed.append(max(0.0, seconds - previous[0] - scoring))  # the csv's seconds are rounded
            after_eval = True
            continue
        if previous is not None and g > previous[1] and not after_eval:
            period.append((seconds - previous[0]) / (g - previous[1]))
        previous, after_eval = (seconds, g), False
    return median_or_none(period), median_or_none(per_image), median_or_none(fixed), config


def train_step(results):
    """(ours, torch) {method: ms} of TrainStepBench / train_step.py at stage (b)'s sizes."""
    ts = results.get("train_step") or {}
    ours = {}
    for e in ts.get("jmh") if isinstance(ts.get("jmh"), list) else []:
        unit, metric = e["primaryMetric"]["scoreUnit"].split("/"), e["primaryMetric"]
        ms = metric["score"] * TIME_UNITS_MS[unit[0]] if unit[1] == "op" else TIME_UNITS_MS[unit[1]] / metric["score"]
        ours[e["benchmark"].rsplit(".", 1)[1]] = ms
    torch = {k: v["median_ms"] for k, v in ((ts.get("torch") or {}).get("steps") or {}).items()}
    return ours, torch, (ts.get("torch") or {}).get("params") or {}


def per_search_step(ms):
    """ms of one search D step with its share of G steps, from the iteration (D + G) and D-step times."""
    if "iteration" not in ms or "dStep" not in ms:
        return None
    return ms["dStep"] + (ms["iteration"] - ms["dStep"]) / N_CRITIC


def hours(seconds):
    return "-" if seconds is None else f"{seconds / 3600:.2f} h"


def fmt(v, spec=".3f", unit=""):
    return "not measured" if v is None else f"{format(v, spec)}{unit}"


def project(results):
    lines, gpu = [], results.get("mode") == "gpu"
    card = results.get("card", "unknown")
    lines.append(f"### Projected paper-protocol cost on {card}")
    lines.append("")
    if not gpu:
        lines += ["**Not a projection**: this gpu-check ran without a GPU, on the CPU at tiny sizes, to check the",
                  "plumbing; the figures below only exercise the arithmetic. The GPU figures are **not yet measured**.", ""]
    ours, torch, params = train_step(results)
    ours_step, torch_step = per_search_step(ours), per_search_step(torch)
    step_s, image_s, rest_s, search_config = search_figures(results.get("search") or {})
    period_s, per_image, eval_fixed_s, train_config = train_figures(results.get("train") or {})
    words = lambda d: " ".join(f"{k}={v}" for k, v in d.items()) or "nothing"  # noqa: E731
    lines.append(f"Inputs: stage (b), TrainStepBench beside bench/peer/train_step.py at {words(params)}; stage (c), "
                 f"`search` with {words(search_config)} and `train` with {words(train_config)}.")
    lines.append("")
    lines.append("| figure | ours | PyTorch | ratio torch/ours |")
    lines.append("|---|---|---|---|")
    for name, label in (("iteration", "training iteration (D + G + EMA), ms"), ("dStep", "D step, ms")):
        o, t = ours.get(name), torch.get(name)
        lines.append(f"| {label} | {fmt(o, '.2f')} | {fmt(t, '.2f')} | {fmt(t / o if o and t else None, '.2f')} |")
    lines.append(f"| search D step with 1/{N_CRITIC} G step, stage 2, ms | {fmt(ours_step, '.2f')} | "
                 f"{fmt(torch_step, '.2f')} | {fmt(torch_step / ours_step if ours_step and torch_step else None, '.2f')} |")
    for s in (0, 1, 2):
        lines.append(f"| search stage {s}: D step (with G share) from metrics.csv, ms | "
                     f"{fmt(step_s.get(s) and step_s[s] * 1e3, '.2f')} | - | - |")
        lines.append(f"| search stage {s}: reward per image (generate + Inception IS), ms | "
                     f"{fmt(image_s.get(s) and image_s[s] * 1e3, '.3f')} | - | - |")
    lines.append(f"| search: rest of an iteration (samples, checkpoint, report), s | {fmt(rest_s, '.2f')} | - | - |")
    lines.append(f"| derived training: G step with {N_CRITIC} D steps, ms | {fmt(period_s and period_s * 1e3, '.1f')} | - | - |")
    lines.append(f"| derived evaluation per image (IS + FID features), ms | {fmt(per_image and per_image * 1e3, '.3f')} | - | - |")
    lines.append(f"| derived evaluation beyond its images (FID, checkpoint, samples), s | {fmt(eval_fixed_s, '.1f')} | - | - |")
    lines.append("")
    # The search: every stage's D steps and rewards, the growths' and the final selection's rewards.
    missing = [s for s in (0, 1, 2) if s not in step_s or s not in image_s]
    if 2 in missing and ours_step is not None and 2 in image_s:
        step_s[2] = ours_step / 1e3
        missing.remove(2)
    search_s = None
    if not missing:
        train_part = sum(n * SHARED_STEPS * step_s[s] for s, n in STAGE_ITERATIONS.items())
        reward_part = sum(n * CTRL_STEPS * REWARD_IMAGES * image_s[s] for s, n in STAGE_ITERATIONS.items())
        select_part = CANDIDATES * REWARD_IMAGES * (image_s[0] + image_s[1] + image_s[2])
        rest_part = sum(STAGE_ITERATIONS.values()) * (rest_s or 0)
        search_s = train_part + reward_part + select_part + rest_part
        lines.append(f"- **Search, 65 iterations** (no dynamic reset, so an upper bound on the training part): "
                     f"shared training {hours(train_part)}, controller rewards {hours(reward_part)}, growth and final "
                     f"selection {hours(select_part)}, samples/checkpoints/reports {hours(rest_part)}: "
                     f"**{hours(search_s)}** (the paper: {PAPER_SEARCH_HOURS} GPU-hours; goal: under {GOAL_HOURS} h).")
    else:
        lines.append(f"- Search: not projected, stage(s) {missing} have no D-step or reward figure.")
    if ours_step is not None and torch_step is not None:
        lines.append(f"- Shared training at stage 2 per search iteration ({SHARED_STEPS} D steps): ours "
                     f"{SHARED_STEPS * ours_step / 1e3:.0f} s, PyTorch {SHARED_STEPS * torch_step / 1e3:.0f} s.")
    if period_s is not None and per_image is not None:
        scoring_s = (DERIVED_EVALS * EVAL_IMAGES + TRAIN_IMAGES) * per_image + DERIVED_EVALS * (eval_fixed_s or 0)
        derived_s = DERIVED_G_STEPS * period_s + scoring_s
        lines.append(f"- **Derived training** ({DERIVED_G_STEPS} G steps, {DERIVED_EVALS} evaluations of {EVAL_IMAGES} "
                     f"images with their FID, reference statistics of {TRAIN_IMAGES} images): training "
                     f"{hours(DERIVED_G_STEPS * period_s)}, evaluations {hours(scoring_s)}: **{hours(derived_s)}**.")
    else:
        lines.append("- Derived training: not projected, the train run left no G-step or evaluation figure.")
    lines.append("- Method: tools/project_cost.py on gpu-check.sh's results.json; a reward's time is taken as "
                 "linear in its images (rl_num_eval_img scaled to 5,000).")
    return "\n".join(lines) + "\n", gpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", required=True, help="gpu-check.sh's results.json")
    parser.add_argument("--append", metavar="FILE", help="append the section to FILE (bench/RESULTS.md); GPU runs only")
    args = parser.parse_args()
    with open(args.results) as f:
        results = json.load(f)
    text, gpu = project(results)
    sys.stdout.write(text)
    if args.append:
        if not gpu:
            raise SystemExit(f"{args.results} is not from a GPU run: nothing appended to {args.append}")
        with open(args.append, "a") as f:
            f.write("\n" + text)


if __name__ == "__main__":
    main()
