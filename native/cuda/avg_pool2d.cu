// CUDA twin of native/cpu/avg_pool2d.cpp: AvgPool2d(2) (kernel 2, stride 2, even h and w), the
// discriminator's downsampling. Each output is the mean of its 2x2 window summed in the CPU's row
// order (bit-identical); the backward spreads dy / 4. Where w % 4 == 0 and the pointers allow,
// a thread handles two neighbouring outputs: two float4 loads (top and bottom rows) and one float2
// store forward, the mirror image backward.
#include "ag/avg_pool2d_args.h"
#include "common.cuh"
#include "vector_loop.cuh"

using ag::cuda::forEachIndex;
using ag::cuda::gridSize;
using ag::cuda::quotient;

namespace {

__device__ __forceinline__ float windowMean(float top0, float top1, float bottom0, float bottom1) {
    return (top0 + top1 + bottom0 + bottom1) / 4.0f;
}

// True when the two-outputs-per-thread path applies: whole float4 rows of x and float2 rows of y.
bool pairs(const void *full, const void *half, int w) {
    return w % 4 == 0 && (uintptr_t)full % 16 == 0 && (uintptr_t)half % 8 == 0;
}

// x (n,c,h,w) -> y (n,c,h/2,w/2); outputs = n*c*(h/2)*(w/2), q = w/2 outputs per row
__global__ void avgPoolForwardKernel(const float *x, float *y, int64_t outputs, int w, bool paired) {
    const int64_t q = w / 2;
    if (paired) {
        // unit u = outputs 2u and 2u+1 of the flat output, in output row r = 2u / q
        const int64_t halfQ = q / 2;
        forEachIndex(outputs / 2, [&](int64_t u) {
            const int64_t r = quotient(u, halfQ), pair = u - r * halfQ;
            const float4 top = reinterpret_cast<const float4 *>(x + 2 * r * w)[pair];
            const float4 bottom = reinterpret_cast<const float4 *>(x + (2 * r + 1) * w)[pair];
            reinterpret_cast<float2 *>(y)[u] = make_float2(windowMean(top.x, top.y, bottom.x, bottom.y),
                                                           windowMean(top.z, top.w, bottom.z, bottom.w));
        });
        return;
    }
    forEachIndex(outputs, [&](int64_t o) {
        const int64_t r = quotient(o, q), j = o - r * q;
        const float *top = x + 2 * r * w + 2 * j, *bottom = top + w;
        y[o] = windowMean(top[0], top[1], bottom[0], bottom[1]);
    });
}

// dy (n,c,h/2,w/2) -> dx (n,c,h,w)
__global__ void avgPoolBackwardKernel(const float *dy, float *dx, int64_t outputs, int w, bool paired) {
    const int64_t q = w / 2;
    if (paired) {
        const int64_t halfQ = q / 2;
        forEachIndex(outputs / 2, [&](int64_t u) {
            const int64_t r = quotient(u, halfQ), pair = u - r * halfQ;
            const float2 g = reinterpret_cast<const float2 *>(dy)[u];
            const float g0 = g.x / 4.0f, g1 = g.y / 4.0f;
            const float4 spread = make_float4(g0, g0, g1, g1);
            reinterpret_cast<float4 *>(dx + 2 * r * w)[pair] = spread;
            reinterpret_cast<float4 *>(dx + (2 * r + 1) * w)[pair] = spread;
        });
        return;
    }
    forEachIndex(outputs, [&](int64_t o) {
        const int64_t r = quotient(o, q), j = o - r * q;
        const float g = dy[o] / 4.0f;
        float *top = dx + 2 * r * w + 2 * j, *bottom = top + w;
        top[0] = g;
        top[1] = g;
        bottom[0] = g;
        bottom[1] = g;
    });
}

}  // namespace

extern "C" ag_status ag_cuda_avg_pool2d_forward(const float *x, float *y, int n, int c, int h, int w) {
    AG_CHECK(ag_avg_pool2d_forward_check(x, y, n, c, h, w));
    AG_CUDA_REQUIRE_CONTEXT();
    const int64_t outputs = (int64_t)n * c * (h / 2) * (w / 2);
    const bool paired = pairs(x, y, w);
    avgPoolForwardKernel<<<gridSize(paired ? outputs / 2 : outputs), ag::cuda::kThreads, 0,
                           ag::cuda::context().stream>>>(x, y, outputs, w, paired);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}

extern "C" ag_status ag_cuda_avg_pool2d_backward(const float *dy, float *dx, int n, int c, int h, int w) {
    AG_CHECK(ag_avg_pool2d_backward_check(dy, dx, n, c, h, w));
    AG_CUDA_REQUIRE_CONTEXT();
    const int64_t outputs = (int64_t)n * c * (h / 2) * (w / 2);
    const bool paired = pairs(dx, dy, w);
    avgPoolBackwardKernel<<<gridSize(paired ? outputs / 2 : outputs), ag::cuda::kThreads, 0,
                            ag::cuda::context().stream>>>(dy, dx, outputs, w, paired);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}
