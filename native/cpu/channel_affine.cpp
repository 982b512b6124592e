// CPU twin of a per-channel affine map with an optional fused relu: InceptionV3's batch norm in
// eval (eps 1e-3) folded into scale = gamma / sqrt(var + eps) and shift = beta - mean * scale,
// followed by BasicConv2d's relu. One OpenMP iteration per (n, c) plane; y may be x.
#include "ag/backend.h"
#include "ag/channel_affine_args.h"
#include "ag/status.h"
#include "omp_grain.h"

// x (n,c,h,w), scale (c), shift (c) -> y (n,c,h,w)
extern "C" ag_status ag_cpu_channel_affine_forward(const float *x, const float *scale, const float *shift, float *y,
                                                   int n, int c, int h, int w, int relu) {
    AG_CHECK(ag_channel_affine_forward_check(x, scale, shift, y, n, c, h, w));
    const int64_t planes = (int64_t)n * c, hw = (int64_t)h * w;
#pragma omp parallel for schedule(static) if (planes * hw >= kOmpGrain)
    for (int64_t p = 0; p < planes; ++p) {
        const float s = scale[p % c], b = shift[p % c];
        const float *xPlane = x + p * hw;
        float *yPlane = y + p * hw;
        if (relu) {
            for (int64_t j = 0; j < hw; ++j) {
                const float v = xPlane[j] * s + b;
                yPlane[j] = v < 0.0f ? 0.0f : v;
            }
        } else {
            for (int64_t j = 0; j < hw; ++j) yPlane[j] = xPlane[j] * s + b;
        }
    }
    return AG_OK;
}
