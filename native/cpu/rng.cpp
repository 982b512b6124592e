// CPU twins of the counter-based random fills: element i takes lane i % 4 of the Philox4x32-10
// block (seed, offset, i / 4), so a value depends only on (seed, offset, i): never on n, on the
// number of threads or on the device. Normal values pair lanes (0,1) and (2,3) by Box-Muller.
#include "ag/backend.h"
#include "ag/philox.h"
#include "ag/rng_args.h"
#include "ag/status.h"
#include "omp_grain.h"

#include <cmath>

// y (n) = low + (high - low) * unit(lane bits)
extern "C" ag_status ag_cpu_rng_uniform(float *y, int64_t n, uint64_t seed, uint64_t offset, float low,
                                        float high) {
    AG_CHECK(ag_rng_uniform_check(y, n, low, high));
    const float range = high - low;
    const int64_t blocks = (n + 3) / 4;
#pragma omp parallel for schedule(static) if (blocks >= kOmpGrain / 64)
    for (int64_t b = 0; b < blocks; ++b) {
        ag_philox_block bits = ag_philox_stream_block(seed, offset, (uint64_t)b);
        int lanes = n - 4 * b < 4 ? (int)(n - 4 * b) : 4;
        for (int lane = 0; lane < lanes; ++lane) y[4 * b + lane] = low + range * ag_bits_to_unit(bits.v[lane]);
    }
    return AG_OK;
}

// y (n) = mean + std * z, z from Box-Muller on lanes (0,1) and (2,3) of each block
extern "C" ag_status ag_cpu_rng_normal(float *y, int64_t n, uint64_t seed, uint64_t offset, float mean,
                                       float std) {
    AG_CHECK(ag_rng_normal_check(y, n, mean, std));
    const int64_t blocks = (n + 3) / 4;
#pragma omp parallel for schedule(static) if (blocks >= kOmpGrain / 256)
    for (int64_t b = 0; b < blocks; ++b) {
        ag_philox_block bits = ag_philox_stream_block(seed, offset, (uint64_t)b);
        int lanes = n - 4 * b < 4 ? (int)(n - 4 * b) : 4;
        for (int lane = 0; lane < lanes; ++lane) {
            int pair = lane & 2;
            float z = ag_box_muller(bits.v[pair], bits.v[pair + 1], lane & 1);
            y[4 * b + lane] = mean + std * z;
        }
    }
    return AG_OK;
}
