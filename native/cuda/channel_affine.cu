// CUDA twin of native/cpu/channel_affine.cpp: y = x * scale[c] + shift[c] with an optional fused
// relu (InceptionV3's folded eval batch norm + relu). A grid-stride loop, float4 at a time where
// each plane is whole quads and x and y are 16-byte aligned; the multiply and add are rounded
// separately (no fused multiply-add), as on the CPU, so the twins agree bit for bit. y may be x.
#include "ag/channel_affine_args.h"
#include "common.cuh"
#include "vector_loop.cuh"

using ag::cuda::aligned16;
using ag::cuda::elementGrid;
using ag::cuda::forEachElement;
using ag::cuda::quotient;

namespace {

__device__ __forceinline__ float affine(float x, float s, float b, int relu) {
    const float v = __fadd_rn(__fmul_rn(x, s), b);
    return relu && v < 0.0f ? 0.0f : v;
}

// x (n,c,h,w), scale (c), shift (c) -> y (n,c,h,w); total = n*c*hw
__global__ void channelAffineKernel(const float *x, const float *scale, const float *shift, float *y, int64_t total,
                                    int64_t hw, int c, int relu, bool vector) {
    forEachElement(
        total, vector,
        [&](int64_t q) {
            const int64_t plane = quotient(4 * q, hw);
            const int channel = (int)(plane - quotient(plane, c) * c);
            const float s = scale[channel], b = shift[channel];
            ag::cuda::store4(y, q, ag::cuda::map4([&](float v) { return affine(v, s, b, relu); },
                                                  ag::cuda::load4(x, q)));
        },
        [&](int64_t i) {
            const int64_t plane = quotient(i, hw);
            const int channel = (int)(plane - quotient(plane, c) * c);
            y[i] = affine(x[i], scale[channel], shift[channel], relu);
        });
}

}  // namespace

extern "C" ag_status ag_cuda_channel_affine_forward(const float *x, const float *scale, const float *shift, float *y,
                                                    int n, int c, int h, int w, int relu) {
    AG_CHECK(ag_channel_affine_forward_check(x, scale, shift, y, n, c, h, w));
    AG_CUDA_REQUIRE_CONTEXT();
    const int64_t hw = (int64_t)h * w, total = (int64_t)n * c * hw;
    const bool vector = hw % 4 == 0 && aligned16(x, y);
    channelAffineKernel<<<elementGrid(total, vector), ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(
        x, scale, shift, y, total, hw, c, relu, vector);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}
