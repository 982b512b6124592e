// CPU twin of the channel concat of InceptionV3's blocks (torch.cat(branches, 1)): each branch's
// x is copied into its channel range of y, one OpenMP iteration per (n, channel) plane.
#include <cstring>

#include "ag/kernels.h"
#include "ag/status.h"
#include "omp_grain.h"

// x (n,cx,h,w) -> y (n,cy,h,w) channels [offset, offset + cx)
extern "C" ag_status ag_cpu_copy_channels(const float *x, float *y, int n, int cx, int h, int w, int cy,
                                          int offset) {
    AG_REQUIRE_PTR(x);
    AG_REQUIRE_PTR(y);
    AG_REQUIRE(n > 0 && cx > 0 && h > 0 && w > 0, "%s: shape must be positive, got n=%d cx=%d h=%d w=%d", __func__,
               n, cx, h, w);
    AG_REQUIRE(offset >= 0 && cy >= offset + cx, "%s: channels [%d, %d) do not fit in y's cy = %d", __func__, offset,
               offset + cx, cy);
    const int64_t planes = (int64_t)n * cx, hw = (int64_t)h * w;
#pragma omp parallel for schedule(static) if (planes * hw >= kOmpGrain)
    for (int64_t p = 0; p < planes; ++p) {
        const int64_t image = p / cx, channel = p - image * cx;
        std::memcpy(y + (image * cy + offset + channel) * hw, x + p * hw, (size_t)hw * sizeof(float));
    }
    return AG_OK;
}
