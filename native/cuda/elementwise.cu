// Elementwise CUDA twins of native/cpu/elementwise.cpp: one grid-stride kernel per op, queued on
// the library's stream. This stage holds fill; the other elementwise ops follow in the next one.
#include "common.cuh"

namespace {

// y (n) = value
__global__ void fillKernel(float *y, int64_t n, float value) {
    int64_t stride = (int64_t)gridDim.x * blockDim.x;
    for (int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) y[i] = value;
}

}  // namespace

extern "C" ag_status ag_cuda_fill(float *y, int64_t n, float value) {
    AG_REQUIRE_PTR(y);
    AG_REQUIRE_POSITIVE(n);
    AG_CUDA_REQUIRE_CONTEXT();
    fillKernel<<<ag::cuda::gridSize(n), ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(y, n, value);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}
