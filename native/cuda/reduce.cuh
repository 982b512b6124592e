// Deterministic reductions for the CUDA twins, with no atomics: every combine happens in a tree
// whose shape depends only on the launch shape (shuffle-down within a warp, then warp results in
// warp order), so a given input gives bit-identical results on every run. Also the Welford state
// (count, mean, sum of squared deviations) the normalization twins merge in double.
#ifndef AG_CUDA_REDUCE_CUH
#define AG_CUDA_REDUCE_CUH

#include "common.cuh"

namespace ag::cuda {

constexpr int kWarp = 32;
constexpr unsigned int kFullMask = 0xffffffffu;

// Welford statistics of a set of values, in double for merging: count, mean, m2 = sum (x - mean)^2.
struct Welford {
    double count, mean, m2;
};

// The statistics of the union of two disjoint sets (Chan et al.'s pairwise update).
struct WelfordMerge {
    __device__ __forceinline__ Welford operator()(Welford a, Welford b) const {
        if (b.count == 0.0) return a;
        if (a.count == 0.0) return b;
        const double count = a.count + b.count;
        const double delta = b.mean - a.mean;
        const double share = b.count / count;
        return Welford{count, a.mean + delta * share, a.m2 + b.m2 + delta * delta * a.count * share};
    }
};

// One thread's running Welford statistics in float, fed one float or one quad at a time.
struct WelfordAccumulator {
    int count = 0;
    float mean = 0.0f, m2 = 0.0f;

    __device__ __forceinline__ void add(float x) {
        ++count;
        const float delta = x - mean;
        mean += delta / (float)count;
        m2 += delta * (x - mean);
    }

    // The quad's own mean and m2, then one pairwise update.
    __device__ __forceinline__ void add(float4 q) {
        const float quadMean = ((q.x + q.y) + (q.z + q.w)) * 0.25f;
        const float dx = q.x - quadMean, dy = q.y - quadMean, dz = q.z - quadMean, dw = q.w - quadMean;
        const float quadM2 = (dx * dx + dy * dy) + (dz * dz + dw * dw);
        const int total = count + 4;
        const float delta = quadMean - mean;
        const float share = 4.0f / (float)total;
        mean += delta * share;
        m2 += quadM2 + delta * delta * (float)count * share;
        count = total;
    }

    __device__ __forceinline__ Welford state() const { return Welford{(double)count, (double)mean, (double)m2}; }
};

// The backward sums of the normalization twins, in double: sums.x += dy, sums.y += (x - mean) dy.
__device__ __forceinline__ void addGradTerms(double2 &sums, float x, float dy, float mean) {
    sums.x += (double)dy;
    sums.y += ((double)x - (double)mean) * (double)dy;
}

// Plain sums, of one double or of a pair.
struct SumMerge {
    __device__ __forceinline__ double operator()(double a, double b) const { return a + b; }
    __device__ __forceinline__ double2 operator()(double2 a, double2 b) const {
        return make_double2(a.x + b.x, a.y + b.y);
    }
};

__device__ __forceinline__ double shuffleDown(double v, int offset) { return __shfl_down_sync(kFullMask, v, offset); }
__device__ __forceinline__ double2 shuffleDown(double2 v, int offset) {
    return make_double2(__shfl_down_sync(kFullMask, v.x, offset), __shfl_down_sync(kFullMask, v.y, offset));
}
__device__ __forceinline__ Welford shuffleDown(Welford v, int offset) {
    return Welford{__shfl_down_sync(kFullMask, v.count, offset), __shfl_down_sync(kFullMask, v.mean, offset),
                   __shfl_down_sync(kFullMask, v.m2, offset)};
}
__device__ __forceinline__ double shuffleFrom(double v, int lane) { return __shfl_sync(kFullMask, v, lane); }
__device__ __forceinline__ double2 shuffleFrom(double2 v, int lane) {
    return make_double2(__shfl_sync(kFullMask, v.x, lane), __shfl_sync(kFullMask, v.y, lane));
}
__device__ __forceinline__ Welford shuffleFrom(Welford v, int lane) {
    return Welford{__shfl_sync(kFullMask, v.count, lane), __shfl_sync(kFullMask, v.mean, lane),
                   __shfl_sync(kFullMask, v.m2, lane)};
}

// The 32 lanes' values combined in a fixed tree; lane 0 holds the result. Every lane must call it.
template <class T, class Merge>
__device__ __forceinline__ T warpReduce(T v, Merge merge) {
    for (int offset = kWarp / 2; offset > 0; offset /= 2) v = merge(v, shuffleDown(v, offset));
    return v;
}

// The same, with lane 0's result handed to every lane.
template <class T, class Merge>
__device__ __forceinline__ T warpAllReduce(T v, Merge merge) {
    return shuffleFrom(warpReduce(v, merge), 0);
}

// Every thread's value combined: each warp's tree, then the warp results in warp order; thread 0
// holds the result. blockDim.x must be a multiple of 32; shared holds 32 T. Every thread must call
// it; a later reduction reusing shared needs a __syncthreads() in between.
template <class T, class Merge>
__device__ __forceinline__ T blockReduce(T v, Merge merge, T identity, T *shared) {
    const int lane = threadIdx.x % kWarp, warp = threadIdx.x / kWarp, warps = blockDim.x / kWarp;
    v = warpReduce(v, merge);
    if (lane == 0) shared[warp] = v;
    __syncthreads();
    if (warp == 0) v = warpReduce(lane < warps ? shared[lane] : identity, merge);
    return v;
}

// The same, with the result handed to every thread; shared may be reused right after it returns.
template <class T, class Merge>
__device__ __forceinline__ T blockAllReduce(T v, Merge merge, T identity, T *shared) {
    v = blockReduce(v, merge, identity, shared);
    __syncthreads();
    if (threadIdx.x == 0) shared[0] = v;
    __syncthreads();
    const T result = shared[0];
    __syncthreads();
    return result;
}

// Plane-per-group kernels (sum_hw, instance_norm2d) use kGroup threads per plane: one warp
// (kGroup == 32) in blocks of kThreads, or for planes of kLargePlane floats or more the whole
// block (kGroup == kThreads).
constexpr int64_t kLargePlane = 4096;

// Blocks of kThreads for `planes` planes of kGroup threads each.
inline unsigned int planeBlocks(int64_t planes, int group) {
    const int64_t perBlock = kThreads / group;
    return (unsigned int)((planes + perBlock - 1) / perBlock);
}

// The group's values combined; rank 0 holds the result.
template <int kGroup, class T, class Merge>
__device__ __forceinline__ T groupReduce(T v, Merge merge, T identity, T *shared) {
    if constexpr (kGroup == kWarp) return warpReduce(v, merge);
    else return blockReduce(v, merge, identity, shared);
}

// The same, with the result handed to every thread of the group.
template <int kGroup, class T, class Merge>
__device__ __forceinline__ T groupAllReduce(T v, Merge merge, T identity, T *shared) {
    if constexpr (kGroup == kWarp) return warpAllReduce(v, merge);
    else return blockAllReduce(v, merge, identity, shared);
}

}  // namespace ag::cuda

#endif
