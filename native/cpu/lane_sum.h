// The fixed-order double reduction behind every CPU twin's sum: term(j) for j in [0, len) goes to
// one of kSumLanes partial sums (j % kSumLanes), and the partials combine in a fixed tree. The order
// depends only on len: never on the thread count, the compiler's vectorizer or the build flags,
// while the independent partials still let the compiler vectorize the loop.
#ifndef AG_CPU_LANE_SUM_H
#define AG_CPU_LANE_SUM_H

#include <cstdint>

constexpr int kSumLanes = 8;

template <class Term>
static inline double laneSum(int64_t len, Term term) {
    double partial[kSumLanes] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    int64_t j = 0;
    for (; j + kSumLanes <= len; j += kSumLanes)
        for (int lane = 0; lane < kSumLanes; ++lane) partial[lane] += term(j + lane);
    for (int lane = 0; j < len; ++j, ++lane) partial[lane] += term(j);
    for (int width = kSumLanes / 2; width > 0; width /= 2)
        for (int lane = 0; lane < width; ++lane) partial[lane] += partial[lane + width];
    return partial[0];
}

#endif
