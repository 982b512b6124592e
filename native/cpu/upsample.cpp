// CPU twin of upsampling to any output size, 'nearest' and bilinear (align_corners = False), with
// PyTorch 1.13's CPU index and weight rules (ag/upsample_index.h). One (n,c) plane per task; the
// backward scatters each plane's dy in output order (the order PyTorch's CPU kernel adds in), so
// it is deterministic and needs no atomics.
#include "ag/backend.h"
#include "ag/status.h"
#include "ag/upsample_args.h"
#include "ag/upsample_index.h"
#include "omp_grain.h"

#include <cstring>
#include <memory>
#include <new>

namespace {
// The source rows (or columns) of every output row (or column): `out` entries, or NULL when out of memory.
std::unique_ptr<int[]> nearestTable(int in, int out) {
    std::unique_ptr<int[]> table(new (std::nothrow) int[(size_t)out]);
    if (table)
        for (int i = 0; i < out; ++i) table[i] = ag_nearest_source(i, in, out);
    return table;
}

std::unique_ptr<ag_linear_source[]> bilinearTable(int in, int out) {
    std::unique_ptr<ag_linear_source[]> table(new (std::nothrow) ag_linear_source[(size_t)out]);
    if (table)
        for (int i = 0; i < out; ++i) table[i] = ag_bilinear_source(i, in, out);
    return table;
}
} // namespace

// x (n,c,h,w) -> y (n,c,outH,outW)
extern "C" ag_status ag_cpu_upsample_forward(const float *x, float *y, int n, int c, int h, int w, int outH,
                                             int outW, int mode) {
    AG_CHECK(ag_upsample_forward_check(x, y, n, c, h, w, outH, outW, mode));
    const int64_t planes = (int64_t)n * c, inPlane = (int64_t)h * w, outPlane = (int64_t)outH * outW;
    if (mode == AG_UPSAMPLE_NEAREST) {
        const std::unique_ptr<int[]> rows = nearestTable(h, outH), cols = nearestTable(w, outW);
        if (!rows || !cols) return ag_fail(AG_ERR_OUT_OF_MEMORY, "%s: no memory for index tables", __func__);
#pragma omp parallel for schedule(static) if (planes * outPlane >= kOmpGrain)
        for (int64_t p = 0; p < planes; ++p) {
            const float *xPlane = x + p * inPlane;
            float *yPlane = y + p * outPlane;
            for (int oh = 0; oh < outH; ++oh) {
                const float *xRow = xPlane + (int64_t)rows[oh] * w;
                float *yRow = yPlane + (int64_t)oh * outW;
                for (int ow = 0; ow < outW; ++ow) yRow[ow] = xRow[cols[ow]];
            }
        }
        return AG_OK;
    }
    const std::unique_ptr<ag_linear_source[]> rows = bilinearTable(h, outH);
    const std::unique_ptr<ag_linear_source[]> cols = bilinearTable(w, outW);
    if (!rows || !cols) return ag_fail(AG_ERR_OUT_OF_MEMORY, "%s: no memory for index tables", __func__);
#pragma omp parallel for schedule(static) if (planes * outPlane >= kOmpGrain)
    for (int64_t p = 0; p < planes; ++p) {
        const float *xPlane = x + p * inPlane;
        float *yPlane = y + p * outPlane;
        for (int oh = 0; oh < outH; ++oh) {
            const ag_linear_source r = rows[oh];
            const float *x0 = xPlane + (int64_t)r.i0 * w, *x1 = xPlane + (int64_t)r.i1 * w;
            float *yRow = yPlane + (int64_t)oh * outW;
            for (int ow = 0; ow < outW; ++ow) {
                const ag_linear_source s = cols[ow];
                float top = x0[s.i0] * s.lambda0 + x0[s.i1] * s.lambda1;
                float bottom = x1[s.i0] * s.lambda0 + x1[s.i1] * s.lambda1;
                yRow[ow] = top * r.lambda0 + bottom * r.lambda1;
            }
        }
    }
    return AG_OK;
}

// dy (n,c,outH,outW) -> dx (n,c,h,w)
extern "C" ag_status ag_cpu_upsample_backward(const float *dy, float *dx, int n, int c, int h, int w, int outH,
                                              int outW, int mode) {
    AG_CHECK(ag_upsample_backward_check(dy, dx, n, c, h, w, outH, outW, mode));
    const int64_t planes = (int64_t)n * c, inPlane = (int64_t)h * w, outPlane = (int64_t)outH * outW;
    if (mode == AG_UPSAMPLE_NEAREST) {
        const std::unique_ptr<int[]> rows = nearestTable(h, outH), cols = nearestTable(w, outW);
        if (!rows || !cols) return ag_fail(AG_ERR_OUT_OF_MEMORY, "%s: no memory for index tables", __func__);
#pragma omp parallel for schedule(static) if (planes * outPlane >= kOmpGrain)
        for (int64_t p = 0; p < planes; ++p) {
            float *dxPlane = dx + p * inPlane;
            const float *dyPlane = dy + p * outPlane;
            std::memset(dxPlane, 0, (size_t)inPlane * sizeof(float));
            for (int oh = 0; oh < outH; ++oh) {
                float *dxRow = dxPlane + (int64_t)rows[oh] * w;
                const float *dyRow = dyPlane + (int64_t)oh * outW;
                for (int ow = 0; ow < outW; ++ow) dxRow[cols[ow]] += dyRow[ow];
            }
        }
        return AG_OK;
    }
    const std::unique_ptr<ag_linear_source[]> rows = bilinearTable(h, outH);
    const std::unique_ptr<ag_linear_source[]> cols = bilinearTable(w, outW);
    if (!rows || !cols) return ag_fail(AG_ERR_OUT_OF_MEMORY, "%s: no memory for index tables", __func__);
#pragma omp parallel for schedule(static) if (planes * outPlane >= kOmpGrain)
    for (int64_t p = 0; p < planes; ++p) {
        float *dxPlane = dx + p * inPlane;
        const float *dyPlane = dy + p * outPlane;
        std::memset(dxPlane, 0, (size_t)inPlane * sizeof(float));
        for (int oh = 0; oh < outH; ++oh) {
            const ag_linear_source r = rows[oh];
            float *dx0 = dxPlane + (int64_t)r.i0 * w, *dx1 = dxPlane + (int64_t)r.i1 * w;
            const float *dyRow = dyPlane + (int64_t)oh * outW;
            for (int ow = 0; ow < outW; ++ow) {
                const ag_linear_source s = cols[ow];
                const float g = dyRow[ow];
                dx0[s.i0] += r.lambda0 * s.lambda0 * g;
                dx0[s.i1] += r.lambda0 * s.lambda1 * g;
                dx1[s.i0] += r.lambda1 * s.lambda0 * g;
                dx1[s.i1] += r.lambda1 * s.lambda1 * g;
            }
        }
    }
    return AG_OK;
}
