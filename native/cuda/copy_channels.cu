// CUDA twin of native/cpu/copy_channels.cpp, the channel concat of InceptionV3's blocks: a
// grid-stride copy of x into its channel range of y, float4 at a time where each plane is whole
// quads and both pointers are 16-byte aligned.
#include "ag/copy_channels_args.h"
#include "common.cuh"
#include "vector_loop.cuh"

using ag::cuda::aligned16;
using ag::cuda::elementGrid;
using ag::cuda::forEachElement;
using ag::cuda::quotient;

namespace {

// The flat index in y of flat index e of x: plane p = e / hw of x is channel p % cx of image p / cx.
__device__ __forceinline__ int64_t target(int64_t e, int64_t hw, int cx, int cy, int offset) {
    const int64_t plane = quotient(e, hw), image = quotient(plane, cx);
    return (image * cy + offset + (plane - image * cx)) * hw + (e - plane * hw);
}

// x (n,cx,h,w) -> y (n,cy,h,w) channels [offset, offset + cx); total = n*cx*hw
__global__ void copyChannelsKernel(const float *x, float *y, int64_t total, int64_t hw, int cx, int cy, int offset,
                                   bool vector) {
    forEachElement(
        total, vector,
        [&](int64_t q) { ag::cuda::store4(y, target(4 * q, hw, cx, cy, offset) / 4, ag::cuda::load4(x, q)); },
        [&](int64_t i) { y[target(i, hw, cx, cy, offset)] = x[i]; });
}

}  // namespace

extern "C" ag_status ag_cuda_copy_channels(const float *x, float *y, int n, int cx, int h, int w, int cy,
                                           int offset) {
    AG_CHECK(ag_copy_channels_check(x, y, n, cx, h, w, cy, offset));
    AG_CUDA_REQUIRE_CONTEXT();
    const int64_t hw = (int64_t)h * w, total = (int64_t)n * cx * hw;
    const bool vector = hw % 4 == 0 && aligned16(x, y);
    copyChannelsKernel<<<elementGrid(total, vector), ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(
        x, y, total, hw, cx, cy, offset, vector);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}
