/* Which input pixels an upsampled output pixel reads, exactly as PyTorch 1.13's CPU kernels pick
 * them: 'nearest' (any size) and bilinear with align_corners = False. Shared by the CPU and CUDA
 * twins of ag_*_upsample_* so that both read the same pixels with the same weights (the source
 * coordinate's product unfused, ag/unfused.h, so that both round it alike). */
#ifndef AG_UPSAMPLE_INDEX_H
#define AG_UPSAMPLE_INDEX_H

#include "ag/philox.h"
#include "ag/unfused.h"

/* 'nearest': src = min(floor(dst * in / out), in - 1), the ratio rounded to float first. */
AG_HOST_DEVICE int ag_nearest_source(int dst, int in, int out) {
    float scale = (float)in / (float)out;
    int src = (int)floorf((float)dst * scale);
    return src < in - 1 ? src : in - 1;
}

/* The two source pixels of one bilinear output coordinate and their weights. */
typedef struct ag_linear_source {
    int i0, i1;            /* i1 = i0 + 1, or i0 at the last input pixel */
    float lambda0, lambda1; /* weights of i0 and i1, lambda0 = 1 - lambda1 */
} ag_linear_source;

/* Bilinear, align_corners = False: src = max(scale * (dst + 0.5) - 0.5, 0) with scale = in / out
 * rounded to float and src kept in double, as PyTorch's CPU kernel does; equal sizes copy. */
AG_HOST_DEVICE ag_linear_source ag_bilinear_source(int dst, int in, int out) {
    ag_linear_source s;
    if (in == out) {
        s.i0 = dst;
        s.i1 = dst;
        s.lambda0 = 1.0f;
        s.lambda1 = 0.0f;
        return s;
    }
    double src = ag_dmul_rn((double)((float)in / (float)out), (double)dst + 0.5) - 0.5;
    if (src < 0.0) src = 0.0;
    s.i0 = (int)src;
    s.i1 = s.i0 + (s.i0 < in - 1 ? 1 : 0);
    s.lambda1 = (float)(src - (double)s.i0);
    s.lambda0 = 1.0f - s.lambda1;
    return s;
}

#endif
