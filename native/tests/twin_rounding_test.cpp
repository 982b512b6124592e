// Checks that the CUDA twins will round the shared per-element formulas exactly as the CPU twins
// do, without a GPU: the CPU twins (libag_cpu) against the formulas' device branch compiled on the
// host with device-style contraction (formula_device.cpp). First the case that motivated ag/unfused.h,
// CudaNormParityTest's batch norm with 2 values per channel (shape (2,3,1,1)): forward y, running
// statistics and backward dx must be bit-identical, while the old plain dx formula, fused, must
// miss the parity test's tolerance (else the emulation fuses nothing and proves nothing). Then
// Adam, EMA and the bilinear source coordinate on many random inputs. Exit 0 = pass, 1 = fail,
// 77 = skipped (this CPU has no FMA, so the fused emulation cannot run).
#include "formula_twins.h"

#include "ag/kernels.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>

namespace {

// CudaParity.FP32_REL: the tolerance CudaNormParityTest holds batch norm's dx to at (2,3,1,1).
constexpr double kParityTolerance = 1e-5;
constexpr int kTrials = 2000;
constexpr float kEps = 1e-5f, kMomentum = 0.1f;

int failures = 0;

void check(bool ok, const char *what, int trial) {
    if (!ok && failures++ < 10) std::printf("FAIL: %s (trial %d)\n", what, trial);
}

bool same(float a, float b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// ||a - b|| / ||b|| in double.
double relativeError(const std::vector<float> &a, const std::vector<float> &b) {
    double diff = 0, norm = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        diff += ((double)a[i] - b[i]) * ((double)a[i] - b[i]);
        norm += (double)b[i] * b[i];
    }
    return std::sqrt(diff) / std::max(std::sqrt(norm), 1e-300);
}

// Batch norm at (2, c, 1, 1), the parity test's distributions: x ~ N(0.5, 2), gamma ~ N(1, 0.2),
// beta, dy ~ N(0, 1). With two values per channel every sum is exact in double in any order, so
// the device's statistics equal the CPU's and only the per-element rounding can differ. Returns
// the relative error of the plain (fusable) dx formula against the CPU twin.
double batchNormTrial(std::mt19937 &random, int trial) {
    const int n = 2, c = 3;
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> x(n * c), dy(n * c), gamma(c), beta(c), runningMean(c), runningVar(c);
    for (float &v : x) v = 0.5f + 2.0f * normal(random);
    for (float &v : dy) v = normal(random);
    for (int ch = 0; ch < c; ++ch) {
        gamma[ch] = 1.0f + 0.2f * normal(random);
        beta[ch] = normal(random);
        runningMean[ch] = normal(random);
        runningVar[ch] = 1.0f + 0.5f * std::fabs(normal(random));
    }
    const std::vector<float> runningMean0 = runningMean, runningVar0 = runningVar;
    std::vector<float> y(n * c), saveMean(c), saveInvStd(c), dx(n * c), gammaGrad(c, 0.0f), betaGrad(c, 0.0f);
    check(ag_batch_norm2d_forward_train(AG_DEVICE_CPU, x.data(), gamma.data(), beta.data(), y.data(), saveMean.data(),
                                            saveInvStd.data(), runningMean.data(), runningVar.data(), n, c, 1, 1,
                                            kEps, kMomentum) == AG_OK, "forward_train ran", trial);
    check(ag_batch_norm2d_backward(AG_DEVICE_CPU, x.data(), dy.data(), gamma.data(), saveMean.data(), saveInvStd.data(),
                                       dx.data(), gammaGrad.data(), betaGrad.data(), n, c, 1, 1) == AG_OK,
          "backward ran", trial);
    std::vector<float> plainDx(n * c);
    for (int ch = 0; ch < c; ++ch) {
        const float x0 = x[ch], x1 = x[c + ch];
        const double mean = ((double)x0 + x1) / 2, d = (double)x0 - mean, var = d * d;
        float scale, shift;
        device::normAffine((float)mean, saveInvStd[ch], gamma[ch], beta[ch], &scale, &shift);
        check(same(device::normApply(x0, scale, shift), y[ch]) && same(device::normApply(x1, scale, shift), y[c + ch]),
              "batch norm forward y: device rounding == CPU twin", trial);
        check(same(device::normRunning(runningMean0[ch], mean, kMomentum), runningMean[ch]) &&
                  same(device::normRunning(runningVar0[ch], var * 2, kMomentum), runningVar[ch]),
              "batch norm running statistics: device rounding == CPU twin", trial);
        const float m0 = saveMean[ch];
        const double sumDy = (double)dy[ch] + dy[c + ch];
        const double dotp = ((double)x0 - m0) * dy[ch] + ((double)x1 - m0) * dy[c + ch];
        const ag_norm_grad_terms t = device::normGradPrepare(sumDy, dotp, n, m0, saveInvStd[ch], gamma[ch]);
        check(same(device::normGradElement(x0, dy[ch], t), dx[ch]) &&
                  same(device::normGradElement(x1, dy[c + ch], t), dx[c + ch]),
              "batch norm backward dx: device rounding == CPU twin", trial);
        plainDx[ch] = device::plainNormGradElement(x0, dy[ch], t);
        plainDx[c + ch] = device::plainNormGradElement(x1, dy[c + ch], t);
    }
    return relativeError(plainDx, dx);
}

void adamAndEma(std::mt19937 &random) {
    const int64_t count = 100000;
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> param(count), grad(count), m(count), v(count), avg(count);
    for (int64_t i = 0; i < count; ++i) {
        param[i] = normal(random);
        grad[i] = 0.1f * normal(random);
        m[i] = 0.01f * normal(random);
        v[i] = 1e-4f * std::fabs(normal(random));
        avg[i] = param[i] + 0.01f * normal(random);
    }
    std::vector<float> p2 = param, m2 = m, v2 = v, avg2 = avg;
    const float lr = 2e-4f, beta1 = 0.5f, beta2 = 0.9f, eps = 1e-8f, decay = 0.999f;
    const int step = 7;
    check(ag_adam_step(AG_DEVICE_CPU, param.data(), grad.data(), m.data(), v.data(), count, lr, beta1, beta2, eps,
                       step) == AG_OK,
          "adam ran", 0);
    check(ag_ema_update(AG_DEVICE_CPU, avg.data(), param.data(), count, decay) == AG_OK, "ema ran", 0);
    const ag_adam_scalars s = ag_adam_prepare(lr, beta1, beta2, eps, step);
    const float oneMinusDecay = (float)(1.0 - (double)decay);
    for (int64_t i = 0; i < count; ++i) {
        device::adamElement(&p2[i], &m2[i], &v2[i], grad[i], s);
        check(same(p2[i], param[i]) && same(m2[i], m[i]) && same(v2[i], v[i]), "adam: device rounding == CPU twin",
              (int)i);
        avg2[i] = device::emaElement(avg2[i], p2[i], decay, oneMinusDecay);
        check(same(avg2[i], avg[i]), "ema: device rounding == CPU twin", (int)i);
    }
}

// Every output coordinate of every size pair up to 64 -> 300 (PIL-style resizes and the x2 upsample).
void bilinearSources() {
    for (int in = 1; in <= 64; ++in)
        for (int out = 1; out <= 300; out += (out < 70 ? 1 : 23))
            for (int dst = 0; dst < out; ++dst) {
                const ag_linear_source a = device::bilinearSource(dst, in, out), b = host::bilinearSource(dst, in, out);
                check(a.i0 == b.i0 && a.i1 == b.i1 && same(a.lambda0, b.lambda0) && same(a.lambda1, b.lambda1),
                      "bilinear source: device rounding == host", in * 1000 + out);
            }
}

}  // namespace

int main() {
    if (!__builtin_cpu_supports("fma")) {
        std::printf("SKIP: this CPU has no FMA instructions, so the device-style (fused) emulation cannot run\n");
        return 77;
    }
    std::mt19937 random(2024);
    double plainWorst = 0;
    for (int trial = 0; trial < kTrials; ++trial) plainWorst = std::max(plainWorst, batchNormTrial(random, trial));
    std::printf("batch norm (2,3,1,1), %d trials: the old plain dx formula, fused, is off by up to %.3g "
                "(parity tolerance %.0e)\n", kTrials, plainWorst, kParityTolerance);
    check(plainWorst > kParityTolerance, "the fused plain dx formula misses the parity tolerance in some trial "
          "(otherwise the emulation fuses nothing and this test proves nothing)", kTrials);
    adamAndEma(random);
    bilinearSources();
    if (failures > 0) {
        std::printf("%d check(s) failed\n", failures);
        return 1;
    }
    std::printf("PASS: the device rounding of the shared formulas equals the CPU twins bit for bit\n");
    return 0;
}
