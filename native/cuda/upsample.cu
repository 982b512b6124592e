// CUDA twin of native/cpu/upsample.cpp: 'nearest' and bilinear (align_corners = False) to any
// output size, with PyTorch 1.13's CPU index and weight rules (ag/upsample_index.h). A tiny
// kernel first writes the source of every output row and column, and for every input row and
// column the range of output rows (columns) that read it, into a scratch buffer. The forward then
// gathers each output from its sources; the backward is a gather too: each dx element sums the dy
// elements that read it, in output order and with the CPU's products, so it needs no atomics and
// matches the CPU's scatter bit for bit. Products and sums use explicitly rounded intrinsics so
// nvcc cannot fuse them into FMAs that the CPU does not use.
#include "ag/upsample_args.h"
#include "common.cuh"
#include "scratch.cuh"
#include "vector_loop.cuh"

#include "ag/upsample_index.h"

using ag::cuda::aligned16;
using ag::cuda::elementGrid;
using ag::cuda::forEachElement;
using ag::cuda::forEachIndex;
using ag::cuda::gridSize;
using ag::cuda::kThreads;
using ag::cuda::quotient;
using ag::cuda::Scratch;

namespace {

// The source(s) of output coordinate dst; 'nearest' reads i0 (= i1) with weight 1.
__device__ __forceinline__ ag_linear_source sourceOf(int dst, int in, int out, int mode) {
    if (mode == AG_UPSAMPLE_BILINEAR) return ag_bilinear_source(dst, in, out);
    const int src = ag_nearest_source(dst, in, out);
    return ag_linear_source{src, src, 1.0f, 0.0f};
}

// The first output coordinate in [0, out) whose source index (i1 when upper, else i0) exceeds
// limit, or out; the indices are non-decreasing in the output coordinate.
__device__ __forceinline__ int firstAbove(int limit, bool upper, int in, int out, int mode) {
    int low = 0, high = out;
    while (low < high) {
        const int middle = low + (high - low) / 2;
        const ag_linear_source s = sourceOf(middle, in, out, mode);
        if ((upper ? s.i1 : s.i0) > limit) high = middle;
        else low = middle + 1;
    }
    return low;
}

// The index tables of one call, in scratch memory.
struct Tables {
    ag_linear_source *rowSource;  // (outH)
    ag_linear_source *colSource;  // (outW)
    int2 *rowRange;               // (h): output rows [x, y) that read input row i
    int2 *colRange;               // (w): output columns [x, y) that read input column i
};

// One thread per table entry: outH + outW sources, then h + w ranges.
__global__ void tablesKernel(Tables t, int h, int w, int outH, int outW, int mode) {
    forEachIndex((int64_t)outH + outW + h + w, [&](int64_t k) {
        int i = (int)k;
        if (i < outH) {
            t.rowSource[i] = sourceOf(i, h, outH, mode);
            return;
        }
        i -= outH;
        if (i < outW) {
            t.colSource[i] = sourceOf(i, w, outW, mode);
            return;
        }
        i -= outW;
        // the outputs reading input i are those with i0 <= i <= i1: a run, as i0 and i1 never decrease
        if (i < h) {
            t.rowRange[i] = make_int2(firstAbove(i - 1, true, h, outH, mode), firstAbove(i, false, h, outH, mode));
            return;
        }
        i -= h;
        t.colRange[i] = make_int2(firstAbove(i - 1, true, w, outW, mode), firstAbove(i, false, w, outW, mode));
    });
}

// x (planes,h,w) -> y (planes,outH,outW); total = planes*outH*outW
__global__ void forwardKernel(const float *x, float *y, Tables t, int h, int w, int outH, int outW, int64_t total,
                              int mode) {
    forEachIndex(total, [&](int64_t o) {
        const int64_t row = quotient(o, outW), plane = quotient(row, outH);
        const ag_linear_source r = t.rowSource[row - plane * outH], s = t.colSource[o - row * outW];
        const float *xPlane = x + plane * h * w;
        const float *x0 = xPlane + (int64_t)r.i0 * w, *x1 = xPlane + (int64_t)r.i1 * w;
        if (mode == AG_UPSAMPLE_NEAREST) {
            y[o] = x0[s.i0];
            return;
        }
        const float top = __fadd_rn(__fmul_rn(x0[s.i0], s.lambda0), __fmul_rn(x0[s.i1], s.lambda1));
        const float bottom = __fadd_rn(__fmul_rn(x1[s.i0], s.lambda0), __fmul_rn(x1[s.i1], s.lambda1));
        y[o] = __fadd_rn(__fmul_rn(top, r.lambda0), __fmul_rn(bottom, r.lambda1));
    });
}

// acc += lambdaRow * lambdaCol * g, rounded as the CPU's (lambdaRow * lambdaCol) * g then +.
__device__ __forceinline__ float addTerm(float acc, float lambdaRow, float lambdaCol, float g) {
    return __fadd_rn(acc, __fmul_rn(__fmul_rn(lambdaRow, lambdaCol), g));
}

// dx (ih, iw) of one plane = the sum of the dy elements that read it, in the CPU's order
__device__ __forceinline__ float gatherOne(const float *dyPlane, const Tables &t, int ih, int iw, int outW,
                                           int mode) {
    const int2 rows = t.rowRange[ih], cols = t.colRange[iw];
    float acc = 0.0f;
    for (int oh = rows.x; oh < rows.y; ++oh) {
        const ag_linear_source r = t.rowSource[oh];
        const float *dyRow = dyPlane + (int64_t)oh * outW;
        for (int ow = cols.x; ow < cols.y; ++ow) {
            const float g = dyRow[ow];
            if (mode == AG_UPSAMPLE_NEAREST) {
                acc = __fadd_rn(acc, g);
                continue;
            }
            const ag_linear_source s = t.colSource[ow];
            if (r.i0 == ih) {
                if (s.i0 == iw) acc = addTerm(acc, r.lambda0, s.lambda0, g);
                if (s.i1 == iw) acc = addTerm(acc, r.lambda0, s.lambda1, g);
            }
            if (r.i1 == ih) {
                if (s.i0 == iw) acc = addTerm(acc, r.lambda1, s.lambda0, g);
                if (s.i1 == iw) acc = addTerm(acc, r.lambda1, s.lambda1, g);
            }
        }
    }
    return acc;
}

// dy (planes,outH,outW) -> dx (planes,h,w); total = planes*h*w, quads of dx when vector (w % 4 == 0)
__global__ void backwardKernel(const float *dy, float *dx, Tables t, int h, int w, int outH, int outW, int64_t total,
                               int mode, bool vector) {
    auto element = [&](int64_t i) {
        const int64_t row = quotient(i, w), plane = quotient(row, h);
        const float *dyPlane = dy + plane * outH * outW;
        return gatherOne(dyPlane, t, (int)(row - plane * h), (int)(i - row * w), outW, mode);
    };
    forEachElement(
        total, vector,
        [&](int64_t q) {
            ag::cuda::store4(dx, q, make_float4(element(4 * q), element(4 * q + 1), element(4 * q + 2),
                                                element(4 * q + 3)));
        },
        [&](int64_t i) { dx[i] = element(i); });
}

// Allocates the tables for (h, w) -> (outH, outW) in scratch and queues the kernel that fills them.
ag_status makeTables(Scratch &scratch, Tables *t, int h, int w, int outH, int outW, int mode) {
    const int64_t sourceBytes = ((int64_t)outH + outW) * (int64_t)sizeof(ag_linear_source);
    const int64_t rangeOffset = (sourceBytes + 15) / 16 * 16;
    ag_status status = scratch.allocate(rangeOffset + ((int64_t)h + w) * (int64_t)sizeof(int2));
    if (status != AG_OK) return status;
    t->rowSource = scratch.at<ag_linear_source>(0);
    t->colSource = t->rowSource + outH;
    t->rowRange = scratch.at<int2>(rangeOffset);
    t->colRange = t->rowRange + h;
    tablesKernel<<<gridSize((int64_t)outH + outW + h + w), kThreads, 0, ag::cuda::context().stream>>>(*t, h, w, outH,
                                                                                                      outW, mode);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}

}  // namespace

extern "C" ag_status ag_cuda_upsample_forward(const float *x, float *y, int n, int c, int h, int w, int outH,
                                              int outW, int mode) {
    AG_CHECK(ag_upsample_forward_check(x, y, n, c, h, w, outH, outW, mode));
    AG_CUDA_REQUIRE_CONTEXT();
    Scratch scratch(__func__);
    Tables t;
    AG_CUDA_TRY(makeTables(scratch, &t, h, w, outH, outW, mode));
    const int64_t total = (int64_t)n * c * outH * outW;
    forwardKernel<<<gridSize(total), kThreads, 0, ag::cuda::context().stream>>>(x, y, t, h, w, outH, outW, total,
                                                                                 mode);
    AG_CUDA_LAUNCH_CHECK();
    return scratch.release();
}

extern "C" ag_status ag_cuda_upsample_backward(const float *dy, float *dx, int n, int c, int h, int w, int outH,
                                               int outW, int mode) {
    AG_CHECK(ag_upsample_backward_check(dy, dx, n, c, h, w, outH, outW, mode));
    AG_CUDA_REQUIRE_CONTEXT();
    Scratch scratch(__func__);
    Tables t;
    AG_CUDA_TRY(makeTables(scratch, &t, h, w, outH, outW, mode));
    const int64_t total = (int64_t)n * c * h * w;
    const bool vector = w % 4 == 0 && aligned16(dx);
    backwardKernel<<<elementGrid(total, vector), kThreads, 0, ag::cuda::context().stream>>>(dy, dx, t, h, w, outH,
                                                                                            outW, total, mode, vector);
    AG_CUDA_LAUNCH_CHECK();
    return scratch.release();
}
