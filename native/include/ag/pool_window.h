/* The windows of F.max_pool2d / F.avg_pool2d in floor mode (any kernel, stride, pad), shared by
 * the CPU and CUDA twins so that both read the same pixels in the same order and give the same
 * bits: the output size, the argument check, and one output's max or mean over its window. */
#ifndef AG_POOL_WINDOW_H
#define AG_POOL_WINDOW_H

#include "ag/philox.h"
#include "ag/status.h"

/* Output size in floor mode: (h + 2 pad - kernel) / stride + 1. */
AG_HOST_DEVICE int ag_pool_out_size(int h, int kernel, int stride, int pad) {
    return (h + 2 * pad - kernel) / stride + 1;
}

/* PyTorch's rules: positive shape, kernel and stride, 0 <= pad <= kernel / 2, and an input at
 * least as large as the kernel once padded (so every window holds an input pixel). */
static inline ag_status ag_pool_check(const char *function, int n, int c, int h, int w, int kernel, int stride,
                                      int pad) {
    AG_REQUIRE(n > 0 && c > 0 && h > 0 && w > 0, "%s: shape must be positive, got n=%d c=%d h=%d w=%d", function, n,
               c, h, w);
    AG_REQUIRE(kernel > 0 && stride > 0, "%s: kernel = %d and stride = %d must be > 0", function, kernel, stride);
    AG_REQUIRE(pad >= 0 && pad <= kernel / 2, "%s: pad = %d must be in [0, kernel / 2 = %d]", function, pad,
               kernel / 2);
    AG_REQUIRE(h + 2 * pad >= kernel && w + 2 * pad >= kernel,
               "%s: input %dx%d padded by %d is smaller than the %dx%d kernel", function, h, w, pad, kernel, kernel);
    return AG_OK;
}

/* Max of output (i, j)'s window of the plane x (h,w), rows then columns; a NaN wins as in PyTorch. */
AG_HOST_DEVICE float ag_pool_window_max(const float *x, int h, int w, int i, int j, int kernel, int stride, int pad) {
    const int r0 = i * stride - pad, c0 = j * stride - pad;
    const int rBegin = r0 < 0 ? 0 : r0, rEnd = r0 + kernel < h ? r0 + kernel : h;
    const int cBegin = c0 < 0 ? 0 : c0, cEnd = c0 + kernel < w ? c0 + kernel : w;
    float best = x[(int64_t)rBegin * w + cBegin];
    for (int r = rBegin; r < rEnd; ++r)
        for (int col = cBegin; col < cEnd; ++col) {
            const float v = x[(int64_t)r * w + col];
            if (v > best || v != v) best = v;
        }
    return best;
}

/* Mean of output (i, j)'s window of the plane x (h,w): the in-image pixels summed in float, rows
 * then columns, divided by the window clipped to the padded input (countIncludePad) or by the
 * number of in-image pixels. */
AG_HOST_DEVICE float ag_pool_window_mean(const float *x, int h, int w, int i, int j, int kernel, int stride, int pad,
                                         int countIncludePad) {
    const int r0 = i * stride - pad, c0 = j * stride - pad;
    const int rPadEnd = r0 + kernel < h + pad ? r0 + kernel : h + pad;
    const int cPadEnd = c0 + kernel < w + pad ? c0 + kernel : w + pad;
    const int padded = (rPadEnd - r0) * (cPadEnd - c0);
    const int rBegin = r0 < 0 ? 0 : r0, rEnd = rPadEnd < h ? rPadEnd : h;
    const int cBegin = c0 < 0 ? 0 : c0, cEnd = cPadEnd < w ? cPadEnd : w;
    float sum = 0.0f;
    for (int r = rBegin; r < rEnd; ++r)
        for (int col = cBegin; col < cEnd; ++col) sum += x[(int64_t)r * w + col];
    const int divisor = countIncludePad ? padded : (rEnd - rBegin) * (cEnd - cBegin);
    return sum / (float)divisor;
}

#endif
