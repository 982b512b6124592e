// CPU twin of the channel concat of InceptionV3's blocks (torch.cat(branches, 1)): each branch's
// x is copied into its channel range of y, one OpenMP iteration per (n, channel) plane.
#include <cstring>
#include "ag/copy_channels_args.h"

#include "ag/backend.h"
#include "ag/status.h"
#include "omp_grain.h"

// x (n,cx,h,w) -> y (n,cy,h,w) channels [offset, offset + cx)
extern "C" ag_status ag_cpu_copy_channels(const float *x, float *y, int n, int cx, int h, int w, int cy,
                                          int offset) {
    AG_CHECK(ag_copy_channels_check(x, y, n, cx, h, w, cy, offset));
    const int64_t planes = (int64_t)n * cx, hw = (int64_t)h * w;
#pragma omp parallel for schedule(static) if (planes * hw >= kOmpGrain)
    for (int64_t p = 0; p < planes; ++p) {
        const int64_t image = p / cx, channel = p - image * cx;
        std::memcpy(y + (image * cy + offset + channel) * hw, x + p * hw, (size_t)hw * sizeof(float));
    }
    return AG_OK;
}
