// Elementwise CUDA twins of native/cpu/elementwise.cpp (fill, axpy, add, scale; copy lives in
// memory.cu as a device-to-device cudaMemcpyAsync): grid-stride loops over float4 quads where the
// pointers are aligned (vector_loop.cuh), queued on the library's stream. Same aliasing rules as
// the CPU twins: a partial overlap is refused, exact aliasing is allowed where kernels.h says so.
#include "common.cuh"
#include "vector_loop.cuh"

using ag::cuda::aligned16;
using ag::cuda::elementGrid;
using ag::cuda::forEachElement;
using ag::cuda::load4;
using ag::cuda::map4;
using ag::cuda::store4;

namespace {

// True when [a, a+n) and [b, b+n) share some but not all elements.
bool partlyOverlap(const float *a, const float *b, int64_t n) {
    uintptr_t pa = (uintptr_t)a, pb = (uintptr_t)b, bytes = (uintptr_t)n * sizeof(float);
    return pa != pb && pa < pb + bytes && pb < pa + bytes;
}

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
    AG_REQUIRE_PTR(y);
    AG_REQUIRE_POSITIVE(n);
    AG_CUDA_REQUIRE_CONTEXT();
    const bool vector = aligned16(y);
    fillKernel<<<elementGrid(n, vector), ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(y, n, value, vector);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}

extern "C" ag_status ag_cuda_axpy(float *y, const float *x, int64_t n, float alpha) {
    AG_REQUIRE_PTR(y);
    AG_REQUIRE_PTR(x);
    AG_REQUIRE_POSITIVE(n);
    AG_REQUIRE(!partlyOverlap(y, x, n), "%s: y and x overlap partly (n = %lld)", __func__, (long long)n);
    AG_CUDA_REQUIRE_CONTEXT();
    const bool vector = aligned16(y, x);
    axpyKernel<<<elementGrid(n, vector), ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(y, x, n, alpha,
                                                                                              vector);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}

extern "C" ag_status ag_cuda_add(float *y, const float *a, const float *b, int64_t n) {
    AG_REQUIRE_PTR(y);
    AG_REQUIRE_PTR(a);
    AG_REQUIRE_PTR(b);
    AG_REQUIRE_POSITIVE(n);
    AG_REQUIRE(!partlyOverlap(y, a, n) && !partlyOverlap(y, b, n), "%s: y overlaps a or b partly (n = %lld)",
               __func__, (long long)n);
    AG_CUDA_REQUIRE_CONTEXT();
    const bool vector = aligned16(y, a, b);
    addKernel<<<elementGrid(n, vector), ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(y, a, b, n, vector);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}

extern "C" ag_status ag_cuda_scale(float *y, int64_t n, float alpha) {
    AG_REQUIRE_PTR(y);
    AG_REQUIRE_POSITIVE(n);
    AG_CUDA_REQUIRE_CONTEXT();
    const bool vector = aligned16(y);
    scaleKernel<<<elementGrid(n, vector), ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(y, n, alpha, vector);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}
