// Elementwise CUDA twins of native/cpu/elementwise.cpp (fill, copy, axpy, add, scale): grid-stride
// loops over float4 quads where the pointers are aligned (vector_loop.cuh), and copy as a
// device-to-device cudaMemcpyAsync, queued on the library's stream. Same aliasing rules as
// the CPU twins: a partial overlap is refused, exact aliasing is allowed where kernels.h says so.
#include "ag/elementwise_args.h"
#include "common.cuh"
#include "vector_loop.cuh"

using ag::cuda::aligned16;
using ag::cuda::elementGrid;
using ag::cuda::forEachElement;
using ag::cuda::load4;
using ag::cuda::map4;
using ag::cuda::store4;

namespace {

// y (n) = value
__global__ void fillKernel(float *y, int64_t n, float value, bool vector) {
    forEachElement(
        n, vector, [&](int64_t q) { store4(y, q, make_float4(value, value, value, value)); },
        [&](int64_t i) { y[i] = value; });
}

// y (n) += alpha * x (n)
__global__ void axpyKernel(float *y, const float *x, int64_t n, float alpha, bool vector) {
    auto f = [alpha](float yi, float xi) { return yi + alpha * xi; };
    forEachElement(
        n, vector, [&](int64_t q) { store4(y, q, map4(f, load4(y, q), load4(x, q))); },
        [&](int64_t i) { y[i] = f(y[i], x[i]); });
}

// y (n) = a (n) + b (n)
__global__ void addKernel(float *y, const float *a, const float *b, int64_t n, bool vector) {
    auto f = [](float ai, float bi) { return ai + bi; };
    forEachElement(
        n, vector, [&](int64_t q) { store4(y, q, map4(f, load4(a, q), load4(b, q))); },
        [&](int64_t i) { y[i] = f(a[i], b[i]); });
}

// y (n) *= alpha
__global__ void scaleKernel(float *y, int64_t n, float alpha, bool vector) {
    auto f = [alpha](float yi) { return yi * alpha; };
    forEachElement(
        n, vector, [&](int64_t q) { store4(y, q, map4(f, load4(y, q))); }, [&](int64_t i) { y[i] = f(y[i]); });
}

}  // namespace

extern "C" ag_status ag_cuda_fill(float *y, int64_t n, float value) {
    AG_CHECK(ag_fill_check(y, n));
    AG_CUDA_REQUIRE_CONTEXT();
    const bool vector = aligned16(y);
    fillKernel<<<elementGrid(n, vector), ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(y, n, value, vector);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}

// y (n) = x (n), a device-to-device copy queued on the stream; y == x is a no-op, a partial overlap
// is refused (as on the CPU).
extern "C" ag_status ag_cuda_copy(float *y, const float *x, int64_t n) {
    AG_CHECK(ag_copy_check(y, x, n));
    AG_CUDA_REQUIRE_CONTEXT();
    if (y == x) return AG_OK;
    cudaStream_t stream = ag::cuda::context().stream;
    AG_CUDA_CALL(cudaMemcpyAsync(y, x, (size_t)n * sizeof(float), cudaMemcpyDeviceToDevice, stream));
    return AG_OK;
}

extern "C" ag_status ag_cuda_axpy(float *y, const float *x, int64_t n, float alpha) {
    AG_CHECK(ag_axpy_check(y, x, n));
    AG_CUDA_REQUIRE_CONTEXT();
    const bool vector = aligned16(y, x);
    axpyKernel<<<elementGrid(n, vector), ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(y, x, n, alpha,
                                                                                              vector);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}

extern "C" ag_status ag_cuda_add(float *y, const float *a, const float *b, int64_t n) {
    AG_CHECK(ag_add_check(y, a, b, n));
    AG_CUDA_REQUIRE_CONTEXT();
    const bool vector = aligned16(y, a, b);
    addKernel<<<elementGrid(n, vector), ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(y, a, b, n, vector);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}

extern "C" ag_status ag_cuda_scale(float *y, int64_t n, float alpha) {
    AG_CHECK(ag_scale_check(y, n));
    AG_CUDA_REQUIRE_CONTEXT();
    const bool vector = aligned16(y);
    scaleKernel<<<elementGrid(n, vector), ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(y, n, alpha, vector);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}
