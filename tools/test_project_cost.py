#!/usr/bin/env python3
"""Checks tools/project_cost.py's arithmetic on a made-up gpu-check results.json whose figures are
round numbers: 10 ms per D step at every stage, 1 ms per reward image, 2 s of rest per iteration, a
derived G step of 100 ms, 0.5 ms per evaluated image and 20 s per evaluation beyond its images.
Run by ctest (CMakeLists); standard library only."""
import math
import pathlib
import sys
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import project_cost  # noqa: E402

IMAGES, LOG_EVERY, CANDIDATES = 500, 25, 2


def search_csv():
    rows, t = ["time_s,iteration,stage,event,d_step,d_loss,g_loss,reward,baseline,entropy,arch"], 0.0
    d = 0
    for it, stage in enumerate((0, 1, 2)):
        if it > 0:
            t += 2.0  # the rest of the previous iteration
            t += CANDIDATES * IMAGES * 0.001  # growth rewards at the old stage
        for _ in range(4):
            t += LOG_EVERY * 0.010
            d += LOG_EVERY
            rows.append(f"{t:.3f},{it},{stage},shared,{d},1,1,,,,")
        for _ in range(3):
            t += IMAGES * 0.001
            rows.append(f"{t:.3f},{it},{stage},controller,{d},,,1,1,1,a")
        rows.append(f"{t:.3f},{it},{stage},iteration,{d},,,1,,,")
    return "\n".join(rows) + "\n"


def train_csv():
    rows = ["kind,d_step,g_step,d_loss,g_loss,is_mean,is_std,fid,seconds,eval_seconds"]
    t = 1.0
    for g in (20, 40, 60, 80):
        t += 20 * 0.100
        rows.append(f"loss,{5 * g},{g},1,1,,,,{t:.1f},")
    t += 1000 * 0.0005 + 20
    rows.append(f"eval,400,80,,,1,0,1,{t:.1f},{1000 * 0.0005:.1f}")
    return "\n".join(rows) + "\n"


RESULTS = {
    "mode": "gpu", "card": "test card",
    "train_step": {"jmh": [
        {"benchmark": "org.autogan4j.bench.TrainStepBench.iteration", "primaryMetric": {"score": 30.0, "scoreUnit": "ms/op"}},
        {"benchmark": "org.autogan4j.bench.TrainStepBench.dStep", "primaryMetric": {"score": 10.0, "scoreUnit": "ms/op"}}],
        "torch": {"params": {"gf": "128"}, "steps": {"iteration": {"median_ms": 60.0}, "dStep": {"median_ms": 20.0}}}},
    "search": {"settings": f"shared_steps=100 log_every={LOG_EVERY} ctrl_step=3 rl_num_eval_img={IMAGES} "
                           f"num_candidate={CANDIDATES} topk=1", "metrics_csv": search_csv()},
    "train": {"settings": "--steps 80 --log-every 20 --eval-every 80 --eval-images 1000", "metrics_csv": train_csv()},
}


class ProjectCostTest(unittest.TestCase):
    def test_figures(self):
        step_s, image_s, rest_s, _ = project_cost.search_figures(RESULTS["search"])
        for s in (0, 1, 2):
            self.assertAlmostEqual(step_s[s], 0.010, places=5)
            self.assertAlmostEqual(image_s[s], 0.001, places=5)
        self.assertAlmostEqual(rest_s, 2.0, places=2)
        period, per_image, fixed, _ = project_cost.train_figures(RESULTS["train"])
        self.assertAlmostEqual(period, 0.100, places=3)
        self.assertAlmostEqual(per_image, 0.0005, places=6)
        self.assertAlmostEqual(fixed, 20.0, places=1)

    def test_projection(self):
        text, gpu = project_cost.project(RESULTS)
        self.assertTrue(gpu)
        search = (65 * 11730 * 0.010 + 65 * 30 * 5000 * 0.001 + 10 * 5000 * 0.001 * 3 + 65 * 2.0) / 3600
        derived = (50000 * 0.100 + (16 * 50000 + 50000) * 0.0005 + 16 * 20.0) / 3600
        self.assertIn(f"**{search:.2f} h**", text)
        self.assertIn(f"**{derived:.2f} h**", text)
        # the stage-2 search step from (b): 10 + (30 - 10) / 5 = 14 ms ours, 20 + 40 / 5 = 28 ms torch
        self.assertIn("| 14.00 | 28.00 | 2.00 |", text)
        self.assertFalse(math.isnan(search))

    def test_no_gpu_run_is_labelled_and_not_appended(self):
        text, gpu = project_cost.project(dict(RESULTS, mode="no-gpu"))
        self.assertFalse(gpu)
        self.assertIn("Not a projection", text)


if __name__ == "__main__":
    unittest.main()
