// The flat loops of the CUDA twins' elementwise kernels: grid-stride over float4 quads when every
// pointer is 16-byte aligned (the caller checks, see aligned16), then the n % 4 tail one float at a
// time, so one kernel handles every size at memory bandwidth. Also the cheap division that
// decodes a flat index into (plane, offset) without 64-bit division in the common case.
#ifndef AG_CUDA_VECTOR_LOOP_CUH
#define AG_CUDA_VECTOR_LOOP_CUH

#include "common.cuh"

namespace ag::cuda {

// True when every pointer is 16-byte aligned, so float4 accesses through them are legal.
template <class... T>
inline bool aligned16(const T *...pointers) {
    return ((((uintptr_t)pointers) % 16 == 0) && ...);
}

// Blocks for a forEachElement launch over n floats: one thread per quad when vector (the tail of
// at most 3 floats fits in the first block), else one per float.
inline unsigned int elementGrid(int64_t n, bool vector) { return gridSize(vector ? (n + 3) / 4 : n); }

// Grid-stride: quad(q) for every whole quad q in [0, n / 4) and single(i) for the tail
// i in [4 * (n / 4), n) when vector; single(i) for every i in [0, n) otherwise.
template <class Quad, class Single>
__device__ __forceinline__ void forEachElement(int64_t n, bool vector, Quad quad, Single single) {
    const int64_t stride = (int64_t)gridDim.x * blockDim.x;
    const int64_t first = (int64_t)blockIdx.x * blockDim.x + threadIdx.x;
    const int64_t quads = vector ? n / 4 : 0;
    for (int64_t q = first; q < quads; q += stride) quad(q);
    for (int64_t i = 4 * quads + first; i < n; i += stride) single(i);
}

// Grid-stride: f(i) for every i in [0, n); for loops whose items are not single floats.
template <class F>
__device__ __forceinline__ void forEachIndex(int64_t n, F f) {
    const int64_t stride = (int64_t)gridDim.x * blockDim.x;
    for (int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) f(i);
}

// Quad q of p (floats 4q .. 4q+3); p must be 16-byte aligned.
__device__ __forceinline__ float4 load4(const float *p, int64_t q) { return reinterpret_cast<const float4 *>(p)[q]; }
__device__ __forceinline__ void store4(float *p, int64_t q, float4 value) { reinterpret_cast<float4 *>(p)[q] = value; }

// f applied to each lane of one, two or three quads.
template <class F>
__device__ __forceinline__ float4 map4(F f, float4 a) {
    return make_float4(f(a.x), f(a.y), f(a.z), f(a.w));
}
template <class F>
__device__ __forceinline__ float4 map4(F f, float4 a, float4 b) {
    return make_float4(f(a.x, b.x), f(a.y, b.y), f(a.z, b.z), f(a.w, b.w));
}

// a / b for a >= 0, b > 0, in 32-bit arithmetic whenever both fit (every AutoGAN shape does).
__device__ __forceinline__ int64_t quotient(int64_t a, int64_t b) {
    return ((a | b) >> 32) == 0 ? (int64_t)((uint32_t)a / (uint32_t)b) : a / b;
}

}  // namespace ag::cuda

#endif
