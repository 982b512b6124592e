// The per-channel reductions of the CPU normalization twins (batch_norm2d, instance_norm2d): a
// "channel" is `planes` planes of hw floats, plane i starting at base + i * planeStride. Sums run
// in double in a fixed order (plane by plane, each plane by one simd reduction), so results do not
// depend on the number of threads.
#ifndef AG_CPU_CHANNEL_STATS_H
#define AG_CPU_CHANNEL_STATS_H

#include <cstdint>

// mean and biased variance (two passes) of one channel.
static inline void channelMeanVar(const float *x, int64_t planes, int64_t planeStride, int64_t hw, double *mean,
                                  double *var) {
    double sum = 0.0;
    for (int64_t i = 0; i < planes; ++i) {
        const float *plane = x + i * planeStride;
#pragma omp simd reduction(+ : sum)
        for (int64_t j = 0; j < hw; ++j) sum += plane[j];
    }
    double m = sum / (double)(planes * hw);
    double squares = 0.0;
    for (int64_t i = 0; i < planes; ++i) {
        const float *plane = x + i * planeStride;
#pragma omp simd reduction(+ : squares)
        for (int64_t j = 0; j < hw; ++j) {
            double d = (double)plane[j] - m;
            squares += d * d;
        }
    }
    *mean = m;
    *var = squares / (double)(planes * hw);
}

// sumDy = sum(dy), dotp = sum((x - mean) * dy) over one channel.
static inline void channelGradSums(const float *x, const float *dy, int64_t planes, int64_t planeStride, int64_t hw,
                                   float mean, double *sumDy, double *dotp) {
    double s = 0.0, d = 0.0;
    for (int64_t i = 0; i < planes; ++i) {
        const float *xPlane = x + i * planeStride;
        const float *dyPlane = dy + i * planeStride;
#pragma omp simd reduction(+ : s, d)
        for (int64_t j = 0; j < hw; ++j) {
            s += dyPlane[j];
            d += ((double)xPlane[j] - (double)mean) * dyPlane[j];
        }
    }
    *sumDy = s;
    *dotp = d;
}

#endif
