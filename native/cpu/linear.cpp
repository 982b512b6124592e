// CPU twin of linear, y = x W^T + b, as three GEMMs on the engine in gemm.cpp; the bias is a
// broadcast before the forward GEMM and a fixed-order column sum in the backward.
#include "ag/backend.h"
#include "ag/cpu_gemm.h"
#include "ag/linear_args.h"
#include "ag/status.h"

#include <algorithm>
#include <cstring>

// x (n,in), weight (out,in), bias (out) or NULL -> y (n,out)
extern "C" ag_status ag_cpu_linear_forward(const float *x, const float *weight, const float *bias, float *y, int n,
                                           int in, int out) {
    AG_CHECK(ag_linear_forward_check(x, weight, y, n, in, out));
    if (bias)
        for (int i = 0; i < n; ++i) std::memcpy(y + (int64_t)i * out, bias, out * sizeof(float));
    return ag::cpu::gemm(false, true, n, out, in, 1.0f, x, in, weight, in, bias ? 1.0f : 0.0f, y, out);
}

// dy (n,out), weight (out,in) -> dx (n,in)
extern "C" ag_status ag_cpu_linear_backward_data(const float *dy, const float *weight, float *dx, int n, int in,
                                                 int out) {
    AG_CHECK(ag_linear_backward_data_check(dy, weight, dx, n, in, out));
    return ag::cpu::gemm(false, false, n, in, out, 1.0f, dy, out, weight, in, 0.0f, dx, in);
}

// x (n,in), dy (n,out) -> weightGrad (out,in) +=, biasGrad (out) += (or NULL)
extern "C" ag_status ag_cpu_linear_backward_weight(const float *x, const float *dy, float *weightGrad,
                                                   float *biasGrad, int n, int in, int out) {
    AG_CHECK(ag_linear_backward_weight_check(x, dy, weightGrad, n, in, out));
    // weightGrad (out,in) += dy^T (out,n) . x (n,in)
    const ag_status gemmStatus = ag::cpu::gemm(true, false, out, in, n, 1.0f, dy, out, x, in, 1.0f, weightGrad, in);
    if (gemmStatus != AG_OK) return gemmStatus;
    if (biasGrad) {
        // column sums over the batch, rows in order, in double
        constexpr int kChunk = 256;
#pragma omp parallel for schedule(static) if ((int64_t)n * out >= 32768)
        for (int o0 = 0; o0 < out; o0 += kChunk) {
            const int o1 = std::min(out, o0 + kChunk);
            double sum[kChunk] = {};
            for (int i = 0; i < n; ++i) {
                const float *row = dy + (int64_t)i * out;
                for (int o = o0; o < o1; ++o) sum[o - o0] += row[o];
            }
            for (int o = o0; o < o1; ++o) biasGrad[o] += (float)sum[o - o0];
        }
    }
    return AG_OK;
}
