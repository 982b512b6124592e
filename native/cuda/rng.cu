// Philox random numbers on the device, twins of native/cpu/rng.cpp with the same semantics:
// element i comes from lane i % 4 of block ag_philox_stream_block(seed, offset, i / 4), so one
// (seed, offset) gives the same stream on both devices. One thread makes one Philox block (4
// elements). Built with precise math (no --use_fast_math); the final scale-and-shift uses
// explicitly rounded multiply and add so nvcc cannot fuse it into an FMA the CPU does not use.
#include "ag/rng_args.h"
#include "common.cuh"

#include "ag/philox.h"

#include <cmath>

namespace {

// y (n): low + (high - low) * unit(bits of element i)
__global__ void uniformKernel(float *y, int64_t n, uint64_t seed, uint64_t offset, float low, float span) {
    int64_t blocks = (n + 3) / 4;
    int64_t stride = (int64_t)gridDim.x * blockDim.x;
    for (int64_t b = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; b < blocks; b += stride) {
        ag_philox_block bits = ag_philox_stream_block(seed, offset, (uint64_t)b);
        for (int lane = 0; lane < 4 && 4 * b + lane < n; ++lane)
            y[4 * b + lane] = __fadd_rn(low, __fmul_rn(span, ag_bits_to_unit(bits.v[lane])));
    }
}

// y (n): mean + std * z, z from Box-Muller on lane pairs (0,1) and (2,3); even lanes take the
// cosine normal, odd lanes the sine normal.
__global__ void normalKernel(float *y, int64_t n, uint64_t seed, uint64_t offset, float mean, float std) {
    int64_t blocks = (n + 3) / 4;
    int64_t stride = (int64_t)gridDim.x * blockDim.x;
    for (int64_t b = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; b < blocks; b += stride) {
        ag_philox_block bits = ag_philox_stream_block(seed, offset, (uint64_t)b);
        for (int lane = 0; lane < 4 && 4 * b + lane < n; ++lane) {
            int pair = lane & ~1;
            float z = ag_box_muller(bits.v[pair], bits.v[pair + 1], lane & 1);
            y[4 * b + lane] = __fadd_rn(mean, __fmul_rn(std, z));
        }
    }
}

}  // namespace

extern "C" ag_status ag_cuda_rng_uniform(float *y, int64_t n, uint64_t seed, uint64_t offset, float low,
                                         float high) {
    AG_CHECK(ag_rng_uniform_check(y, n, low, high));
    AG_CUDA_REQUIRE_CONTEXT();
    float span = high - low;
    uniformKernel<<<ag::cuda::gridSize((n + 3) / 4), ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(
        y, n, seed, offset, low, span);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}

extern "C" ag_status ag_cuda_rng_normal(float *y, int64_t n, uint64_t seed, uint64_t offset, float mean,
                                        float std) {
    AG_CHECK(ag_rng_normal_check(y, n, mean, std));
    AG_CUDA_REQUIRE_CONTEXT();
    normalKernel<<<ag::cuda::gridSize((n + 3) / 4), ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(
        y, n, seed, offset, mean, std);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}
