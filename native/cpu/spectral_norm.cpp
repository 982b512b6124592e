// CPU twin of torch.nn.utils.spectral_norm in training (one power iteration, dim 0): the weight is
// viewed as a (rows, cols) matrix W; u (rows) and v (cols) persist between calls. Products and
// norms accumulate in double in a fixed order (lane_sum.h; W^T u by fixed column chunks).
#include "ag/backend.h"
#include "ag/spectral_norm_args.h"
#include "ag/status.h"
#include "lane_sum.h"
#include "omp_grain.h"

#include <cmath>
#include <memory>
#include <new>

namespace {
constexpr int kColumnChunk = 256;

// t (cols) = W^T u, each column summed over the rows in order.
void transposedProduct(const float *weight, const float *u, double *t, int rows, int cols) {
    const int chunks = (cols + kColumnChunk - 1) / kColumnChunk;
#pragma omp parallel for schedule(static) if ((int64_t)rows * cols >= kOmpGrain)
    for (int chunk = 0; chunk < chunks; ++chunk) {
        const int begin = chunk * kColumnChunk, end = begin + kColumnChunk < cols ? begin + kColumnChunk : cols;
        for (int j = begin; j < end; ++j) t[j] = 0.0;
        for (int r = 0; r < rows; ++r) {
            const float *row = weight + (int64_t)r * cols;
            const double ur = u[r];
#pragma omp simd
            for (int j = begin; j < end; ++j) t[j] += (double)row[j] * ur;
        }
    }
}

// s (rows) = W v
void product(const float *weight, const float *v, double *s, int rows, int cols) {
#pragma omp parallel for schedule(static) if ((int64_t)rows * cols >= kOmpGrain)
    for (int r = 0; r < rows; ++r) {
        const float *row = weight + (int64_t)r * cols;
        s[r] = laneSum(cols, [row, v](int64_t j) { return (double)row[j] * (double)v[j]; });
    }
}

// out (len) = t / max(||t||, eps), rounded to float as torch's normalize does.
void normalize(const double *t, float *out, int len, float eps) {
    const double norm = std::sqrt(laneSum(len, [t](int64_t i) { return t[i] * t[i]; }));
    const float denom = (float)(norm > (double)eps ? norm : (double)eps);
    for (int i = 0; i < len; ++i) out[i] = (float)t[i] / denom;
}
} // namespace

// weight (rows,cols), u (rows), v (cols) -> u, v updated when update != 0; sigma (1), weightSn (rows,cols)
extern "C" ag_status ag_cpu_spectral_norm_forward(const float *weight, float *u, float *v, float *weightSn,
                                                  float *sigma, int rows, int cols, int update, float eps) {
    AG_CHECK(ag_spectral_norm_forward_check(weight, u, v, weightSn, sigma, rows, cols, eps));
    std::unique_ptr<double[]> t(new (std::nothrow) double[(size_t)cols]);
    std::unique_ptr<double[]> s(new (std::nothrow) double[(size_t)rows]);
    if (!t || !s) return ag_fail(AG_ERR_OUT_OF_MEMORY, "%s: no memory for %d doubles", __func__, rows + cols);
    if (update) {
        transposedProduct(weight, u, t.get(), rows, cols);
        normalize(t.get(), v, cols, eps);
    }
    product(weight, v, s.get(), rows, cols);
    if (update) normalize(s.get(), u, rows, eps);
    const double *wv = s.get();
    const float sigmaValue = (float)laneSum(rows, [u, wv](int64_t r) { return (double)u[r] * wv[r]; });
    *sigma = sigmaValue;
    const int64_t total = (int64_t)rows * cols;
#pragma omp parallel for simd schedule(static) if (total >= kOmpGrain)
    for (int64_t i = 0; i < total; ++i) weightSn[i] = weight[i] / sigmaValue;
    return AG_OK;
}

// weight, weightSnGrad (rows,cols), u (rows), v (cols), sigma (1) -> weightGrad (rows,cols) +=
extern "C" ag_status ag_cpu_spectral_norm_backward(const float *weight, const float *u, const float *v,
                                                   const float *sigma, const float *weightSnGrad, float *weightGrad,
                                                   int rows, int cols) {
    AG_CHECK(ag_spectral_norm_backward_check(weight, u, v, sigma, weightSnGrad, weightGrad, rows, cols));
    const double sigmaValue = *sigma;
    double gradDotWeight = 0.0;
    for (int r = 0; r < rows; ++r) {
        const float *g = weightSnGrad + (int64_t)r * cols, *wRow = weight + (int64_t)r * cols;
        gradDotWeight += laneSum(cols, [g, wRow](int64_t j) { return (double)g[j] * (double)wRow[j]; });
    }
    const double coefficient = gradDotWeight / (sigmaValue * sigmaValue);
#pragma omp parallel for schedule(static) if ((int64_t)rows * cols >= kOmpGrain)
    for (int r = 0; r < rows; ++r) {
        const float *g = weightSnGrad + (int64_t)r * cols;
        float *out = weightGrad + (int64_t)r * cols;
        const double uCoefficient = coefficient * u[r];
#pragma omp simd
        for (int j = 0; j < cols; ++j) out[j] += (float)((double)g[j] / sigmaValue - uCoefficient * v[j]);
    }
    return AG_OK;
}
