#!/usr/bin/python3
"""Reference Inception Score and FID values from numpy and scipy, for the Java metrics tests.

Run with /usr/bin/python3 (Debian's numpy, scipy; torch only for the AGFX1 writer of
tools/make_fixtures.py). It writes to tests/resources/fixtures/metrics/:
    is.agfx      "p" (203, 12) float32 class probabilities (rows sum to 1), "splits" = 10, and "mean",
                 "std" = the Inception Score of the improved-gan / AutoGAN code (split i covers rows
                 [i*N//splits, (i+1)*N//splits); IS_split = exp(mean KL(p || mean p)); np.std ddof 0),
                 computed in float64 from the float32 values
    fid.agfx     "x1" (200, 32), "x2" (200, 32) float32 correlated features, "fid" = the TTUR /
                 pytorch-fid FID of their statistics (scipy.linalg.sqrtm), and "fid_rank_deficient"
                 = the FID of the first 20 rows of each (singular covariances)
    stats1.npz   np.savez(mu=, sigma=) of x1: float64 mean and np.cov (N-1), as TTUR's files hold
    stats2_f4.npz  the same for x2 stored as float32 ('<f4')
    exact.npz    np.savez_compressed of "a" = arange(3) / 4 - 0.5 (float64) and "b" = arange(6) / 8 as
                 float32 (2, 3): exactly representable values for the .npz reader
A fixed seed makes reruns write identical values.
"""
import pathlib
import sys

import numpy as np
from scipy import linalg

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from make_fixtures import write_fixture  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "resources" / "fixtures" / "metrics"


def inception_score(p, splits):
    scores = []
    n = p.shape[0]
    for i in range(splits):
        part = p[i * n // splits:(i + 1) * n // splits, :]
        kl = part * (np.log(part) - np.log(np.expand_dims(np.mean(part, 0), 0)))
        scores.append(np.exp(np.mean(np.sum(kl, 1))))
    return np.mean(scores), np.std(scores)


def statistics(x):
    x = x.astype(np.float64)
    return np.mean(x, axis=0), np.cov(x, rowvar=False)


def fid(mu1, sigma1, mu2, sigma2, eps=1e-6):
    diff = mu1 - mu2
    covmean, _ = linalg.sqrtm(sigma1.dot(sigma2), disp=False)
    if not np.isfinite(covmean).all():
        offset = np.eye(sigma1.shape[0]) * eps
        covmean = linalg.sqrtm((sigma1 + offset).dot(sigma2 + offset))
    if np.iscomplexobj(covmean):
        covmean = covmean.real
    return diff.dot(diff) + np.trace(sigma1) + np.trace(sigma2) - 2 * np.trace(covmean)


def main():
    rng = np.random.default_rng(20261128)
    OUT.mkdir(parents=True, exist_ok=True)

    logits = rng.normal(size=(203, 12)) * 2.0
    p = np.exp(logits - logits.max(1, keepdims=True))
    p = (p / p.sum(1, keepdims=True)).astype(np.float32)
    mean, std = inception_score(p.astype(np.float64), 10)
    write_fixture(OUT / "is.agfx", [("p", p), ("splits", 10), ("mean", mean), ("std", std)])

    d = 32
    mix1 = rng.normal(size=(d, d)) / np.sqrt(d)
    mix2 = mix1 + 0.3 * rng.normal(size=(d, d)) / np.sqrt(d)
    x1 = (rng.normal(size=(200, d)) @ mix1 + 0.5).astype(np.float32)
    x2 = (rng.normal(size=(200, d)) @ mix2 + 0.2 * rng.normal(size=d)).astype(np.float32)
    mu1, sigma1 = statistics(x1)
    mu2, sigma2 = statistics(x2)
    full = fid(mu1, sigma1, mu2, sigma2)
    deficient = fid(*statistics(x1[:20]), *statistics(x2[:20]))
    write_fixture(OUT / "fid.agfx", [("x1", x1), ("x2", x2), ("fid", full), ("fid_rank_deficient", deficient)])
    np.savez(OUT / "stats1.npz", mu=mu1, sigma=sigma1)
    np.savez(OUT / "stats2_f4.npz", mu=mu2.astype(np.float32), sigma=sigma2.astype(np.float32))
    np.savez_compressed(OUT / "exact.npz", a=np.arange(3) / 4 - 0.5, b=(np.arange(6) / 8).astype(np.float32).reshape(2, 3))
    print(f"IS {mean:.8f} +- {std:.8f}; FID {full:.8f}; rank-deficient FID {deficient:.8f}")


if __name__ == "__main__":
    main()
