// The per-channel reductions of the CPU normalization twins (batch_norm2d, instance_norm2d): a
// "channel" is `planes` planes of hw floats, plane i starting at base + i * planeStride. Sums run
// in double, plane by plane, each plane by laneSum, so results do not depend on the thread count.
#ifndef AG_CPU_CHANNEL_STATS_H
#define AG_CPU_CHANNEL_STATS_H

#include "lane_sum.h"

#include <cstdint>

// mean and biased variance (two passes) of one channel.
static inline void channelMeanVar(const float *x, int64_t planes, int64_t planeStride, int64_t hw, double *mean,
                                  double *var) {
    double sum = 0.0;
    for (int64_t i = 0; i < planes; ++i) {
        const float *plane = x + i * planeStride;
        sum += laneSum(hw, [plane](int64_t j) { return (double)plane[j]; });
    }
    const double m = sum / (double)(planes * hw);
    double squares = 0.0;
    for (int64_t i = 0; i < planes; ++i) {
        const float *plane = x + i * planeStride;
        squares += laneSum(hw, [plane, m](int64_t j) {
            const double d = (double)plane[j] - m;
            return d * d;
        });
    }
    *mean = m;
    *var = squares / (double)(planes * hw);
}

// sumDy = sum(dy), dotp = sum((x - mean) * dy) over one channel.
static inline void channelGradSums(const float *x, const float *dy, int64_t planes, int64_t planeStride, int64_t hw,
                                   float mean, double *sumDy, double *dotp) {
    double s = 0.0, d = 0.0;
    for (int64_t i = 0; i < planes; ++i) {
        const float *xPlane = x + i * planeStride, *dyPlane = dy + i * planeStride;
        s += laneSum(hw, [dyPlane](int64_t j) { return (double)dyPlane[j]; });
        d += laneSum(hw, [xPlane, dyPlane, mean](int64_t j) {
            return ((double)xPlane[j] - (double)mean) * (double)dyPlane[j];
        });
    }
    *sumDy = s;
    *dotp = d;
}

#endif
