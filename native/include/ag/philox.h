/* Philox4x32-10 (Salmon et al., SC'11), the counter-based generator behind ag_*_rng_*: the same
 * function on the host and the device, so a (seed, offset) pair gives the same bits on the CPU
 * and the GPU. Also the bits -> float conversions the twins share. */
#ifndef AG_PHILOX_H
#define AG_PHILOX_H

#include <stdint.h>
#include <math.h>

#if defined(__CUDACC__)
#define AG_HOST_DEVICE __host__ __device__ __forceinline__
#else
#define AG_HOST_DEVICE static inline
#endif

typedef struct ag_philox_block {
    uint32_t v[4];
} ag_philox_block;

AG_HOST_DEVICE uint32_t ag_mulhilo32(uint32_t a, uint32_t b, uint32_t *hi) {
    uint64_t product = (uint64_t)a * (uint64_t)b;
    *hi = (uint32_t)(product >> 32);
    return (uint32_t)product;
}

/* The ten rounds on counter (c0..c3) with key (k0, k1). */
AG_HOST_DEVICE ag_philox_block ag_philox4x32_10(uint32_t c0, uint32_t c1, uint32_t c2, uint32_t c3,
                                                uint32_t k0, uint32_t k1) {
    const uint32_t multiplier0 = 0xD2511F53u, multiplier1 = 0xCD9E8D57u;
    const uint32_t weyl0 = 0x9E3779B9u, weyl1 = 0xBB67AE85u;
    for (int round = 0; round < 10; ++round) {
        if (round > 0) {
            k0 += weyl0;
            k1 += weyl1;
        }
        uint32_t hi0, hi1;
        uint32_t lo0 = ag_mulhilo32(multiplier0, c0, &hi0);
        uint32_t lo1 = ag_mulhilo32(multiplier1, c2, &hi1);
        uint32_t n0 = hi1 ^ c1 ^ k0, n2 = hi0 ^ c3 ^ k1;
        c0 = n0;
        c1 = lo1;
        c2 = n2;
        c3 = lo0;
    }
    ag_philox_block out = {{c0, c1, c2, c3}};
    return out;
}

/* Block `block` of the stream (seed, offset): counter = (block lo, block hi, offset lo, offset hi). */
AG_HOST_DEVICE ag_philox_block ag_philox_stream_block(uint64_t seed, uint64_t offset, uint64_t block) {
    return ag_philox4x32_10((uint32_t)block, (uint32_t)(block >> 32), (uint32_t)offset, (uint32_t)(offset >> 32),
                            (uint32_t)seed, (uint32_t)(seed >> 32));
}

/* 24 high bits -> [0, 1). */
AG_HOST_DEVICE float ag_bits_to_unit(uint32_t bits) { return (float)(bits >> 8) * (1.0f / 16777216.0f); }

/* 24 high bits -> (0, 1]: safe for log(). */
AG_HOST_DEVICE float ag_bits_to_unit_open0(uint32_t bits) {
    return (float)((bits >> 8) + 1u) * (1.0f / 16777216.0f);
}

/* Box-Muller on one lane pair: lane 0 of the pair gives the cosine normal, lane 1 the sine normal. */
AG_HOST_DEVICE float ag_box_muller(uint32_t bitsRadius, uint32_t bitsAngle, int sineLane) {
    const float twoPi = 6.28318530717958647692f;
    float radius = sqrtf(-2.0f * logf(ag_bits_to_unit_open0(bitsRadius)));
    float angle = twoPi * ag_bits_to_unit(bitsAngle);
    return sineLane ? radius * sinf(angle) : radius * cosf(angle);
}

#endif
