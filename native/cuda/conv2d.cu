// CUDA twin of native/cpu/conv2d.cpp (kernel kh x kw, stride sh x sw, zero padding ph x pw) as
// implicit GEMMs on the tiled engine of tile_gemm.cuh (TF32 tensor cores by default): the im2col
// operand is read straight from the images into shared memory, never stored in global memory.
//   forward:         y (k, n*p*q)  = weight (k, c*kh*kw) . cols(x) (c*kh*kw, n*p*q), bias in the epilogue
//   backward_data:   dx (c, n*h*w) = flipped weight (c, k*kh*kw) . cols(dy dilated by the stride, stride 1,
//                                    pad' = kernel-1-pad)
//   backward_weight: weightGrad (k, c*kh*kw) += dy (k, n*p*q) . patches(x) (n*p*q, c*kh*kw), split-K
//                    into fixed chunks summed in order; biasGrad += per-channel sums of dy
// Square kernels 1 and 3 (the network's) get their own instantiation, so the tap arithmetic divides
// by constants; any other kernel runs the same code with run-time sizes. Only backward_data of a
// strided conv pays for the dilation test (its own instantiation).
#include "conv_tiles.cuh"

#include "ag/conv2d_args.h"
#include "ag/conv_shape.h"

#include <algorithm>
#include <climits>

namespace {

using namespace ag::cuda::tile;

using Shape = ag_conv2d_shape;

// cols(src) as the B operand: column n = (image, oh, ow) of the (ho, wo) output, depth k =
// (channel, r, s) reads src (n, channels, hs, ws) at row u = oh*sh + r - ph, column v = ow*sw + s - pw,
// or 0 outside; kDilated: src is dy dilated by dh x dw, read at (u/dh, v/dw) where dh | u, dw | v.
template <int kKernel, bool kDilated>
struct ImageColumns {
    static constexpr bool kAlongK = false;
    const float *src;
    int channels, hs, ws, ho, wo, kh, kw, sh, sw, ph, pw, dh, dw;
    __host__ __device__ float operator()(int n, int k) const {
        const int rows = kKernel ? kKernel : kh, cols = kKernel ? kKernel : kw, taps = rows * cols;
        const int plane = ho * wo, image = n / plane, pixel = n - image * plane;
        const int oh = pixel / wo, ow = pixel - oh * wo;
        const int channel = k / taps, tap = k - channel * taps;
        int ih = ag_conv_source(oh, tap / cols, sh, ph), iw = ag_conv_source(ow, tap % cols, sw, pw);
        if constexpr (kDilated) {
            ih = ag_conv_undilate(ih, dh);
            iw = ag_conv_undilate(iw, dw);
        }
        if (ih < 0 || ih >= hs || iw < 0 || iw >= ws) return 0.0f;
        return src[(((int64_t)image * channels + channel) * hs + ih) * ws + iw];
    }
};

// backward_data's A: row c, depth (k, r, s) = weight[k][c][kh-1-r][kw-1-s] (taps = kh*kw).
template <int kKernel>
struct FlippedWeights {
    static constexpr bool kAlongK = kKernel != 1;  // 1x1: consecutive rows are adjacent
    const float *weight;
    int c, kernelTaps;
    __host__ __device__ float operator()(int row, int k) const {
        const int taps = kKernel ? kKernel * kKernel : kernelTaps;
        const int out = k / taps, tap = k - out * taps;
        return weight[((int64_t)out * c + row) * taps + (taps - 1 - tap)];
    }
};

// backward_weight's B: row (channel, r, s) of the gradient, depth (image, oh, ow) of dy, reads
// x (n, c, h, w) at [image][channel][oh*sh+r-ph][ow*sw+s-pw], or 0.
template <int kKernel>
struct Patches {
    static constexpr bool kAlongK = true;
    const float *x;
    int c, h, w, p, q, kh, kw, sh, sw, ph, pw;
    __host__ __device__ float operator()(int row, int k) const {
        const int rows = kKernel ? kKernel : kh, cols = kKernel ? kKernel : kw, taps = rows * cols;
        const int plane = p * q, image = k / plane, pixel = k - image * plane;
        const int oh = pixel / q, ow = pixel - oh * q;
        const int channel = row / taps, tap = row - channel * taps;
        const int ih = ag_conv_source(oh, tap / cols, sh, ph), iw = ag_conv_source(ow, tap % cols, sw, pw);
        if (ih < 0 || ih >= h || iw < 0 || iw >= w) return 0.0f;
        return x[(((int64_t)image * c + channel) * h + ih) * w + iw];
    }
};

// The tile engine's own limit, beyond the C API's checks: every GEMM extent (pixels * taps) within int.
ag_status engineCheck(const char *function, const Shape &s) {
    const int64_t pixels = std::max((int64_t)s.n * s.p * s.q, (int64_t)s.n * s.h * s.w) * s.kh * s.kw;
    AG_REQUIRE(pixels <= INT_MAX, "%s: n*h*w*kh*kw too large (%lld)", function, (long long)pixels);
    return AG_OK;
}

// The instantiation for s's kernel: 1 or 3 for those square kernels, else 0 (run-time sizes).
int kernelCase(const Shape &s) { return s.kh == s.kw && (s.kh == 1 || s.kh == 3) ? s.kh : 0; }

template <int kKernel>
ag_status forward(const char *function, const float *x, const float *weight, const float *bias, float *y,
                  const Shape &s) {
    const int taps = s.kh * s.kw;
    const ImageColumns<kKernel, false> cols{x, s.c, s.h, s.w, s.p, s.q, s.kh, s.kw, s.sh, s.sw, s.ph, s.pw, 1, 1};
    return launch(function, MatrixOperand<false>{weight, (int64_t)s.c * taps}, cols,
                  ImageStore{y, s.k, s.p * s.q, bias}, s.k, s.n * s.p * s.q, s.c * taps, whole(s.c * taps));
}

template <int kKernel, bool kDilated>
ag_status backwardData(const char *function, const float *dy, const float *weight, float *dx, const Shape &s) {
    const int taps = s.kh * s.kw;
    const int padH = ag_conv_backward_pad(s.kh, s.ph), padW = ag_conv_backward_pad(s.kw, s.pw);
    const ImageColumns<kKernel, kDilated> cols{dy, s.k, s.p, s.q, s.h, s.w, s.kh, s.kw, 1, 1, padH, padW, s.sh, s.sw};
    return launch(function, FlippedWeights<kKernel>{weight, s.c, taps}, cols, ImageStore{dx, s.c, s.h * s.w, nullptr},
                  s.c, s.n * s.h * s.w, s.k * taps, whole(s.k * taps));
}

template <int kKernel>
ag_status backwardWeight(const char *function, const float *x, const float *dy, float *weightGrad, const Shape &s) {
    const Patches<kKernel> patches{x, s.c, s.h, s.w, s.p, s.q, s.kh, s.kw, s.sh, s.sw, s.ph, s.pw};
    return weightGradient(function, ChannelRows{dy, s.k, s.p * s.q}, patches, s.k, s.c * s.kh * s.kw,
                          s.n * s.p * s.q, weightGrad);
}

}  // namespace

// x (n,c,h,w), weight (k,c,kh,kw), bias (k) or NULL -> y (n,k,p,q)
extern "C" ag_status ag_cuda_conv2d_forward(const float *x, const float *weight, const float *bias, float *y, int n,
                                            int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph,
                                            int pw) {
    AG_CHECK(ag_conv2d_forward_check(x, weight, y, n, c, h, w, k, kh, kw, sh, sw, ph, pw));
    const Shape s = ag_conv2d_shape_of(n, c, h, w, k, kh, kw, sh, sw, ph, pw);
    AG_CHECK(engineCheck(__func__, s));
    AG_CUDA_REQUIRE_CONTEXT();
    switch (kernelCase(s)) {
    case 1: return forward<1>(__func__, x, weight, bias, y, s);
    case 3: return forward<3>(__func__, x, weight, bias, y, s);
    default: return forward<0>(__func__, x, weight, bias, y, s);
    }
}

// dy (n,k,p,q), weight (k,c,kh,kw) -> dx (n,c,h,w)
extern "C" ag_status ag_cuda_conv2d_backward_data(const float *dy, const float *weight, float *dx, int n, int c,
                                                  int h, int w, int k, int kh, int kw, int sh, int sw, int ph,
                                                  int pw) {
    AG_CHECK(ag_conv2d_backward_data_check(dy, weight, dx, n, c, h, w, k, kh, kw, sh, sw, ph, pw));
    const Shape s = ag_conv2d_shape_of(n, c, h, w, k, kh, kw, sh, sw, ph, pw);
    AG_CHECK(engineCheck(__func__, s));
    AG_CUDA_REQUIRE_CONTEXT();
    if (sh != 1 || sw != 1) return backwardData<0, true>(__func__, dy, weight, dx, s);
    switch (kernelCase(s)) {
    case 1: return backwardData<1, false>(__func__, dy, weight, dx, s);
    case 3: return backwardData<3, false>(__func__, dy, weight, dx, s);
    default: return backwardData<0, false>(__func__, dy, weight, dx, s);
    }
}

// x (n,c,h,w), dy (n,k,p,q) -> weightGrad (k,c,kh,kw) +=, biasGrad (k) += (or NULL)
extern "C" ag_status ag_cuda_conv2d_backward_weight(const float *x, const float *dy, float *weightGrad,
                                                    float *biasGrad, int n, int c, int h, int w, int k, int kh,
                                                    int kw, int sh, int sw, int ph, int pw) {
    AG_CHECK(ag_conv2d_backward_weight_check(x, dy, weightGrad, n, c, h, w, k, kh, kw, sh, sw, ph, pw));
    const Shape s = ag_conv2d_shape_of(n, c, h, w, k, kh, kw, sh, sw, ph, pw);
    AG_CHECK(engineCheck(__func__, s));
    AG_CUDA_REQUIRE_CONTEXT();
    ag_status status;
    switch (kernelCase(s)) {
    case 1: status = backwardWeight<1>(__func__, x, dy, weightGrad, s); break;
    case 3: status = backwardWeight<3>(__func__, x, dy, weightGrad, s); break;
    default: status = backwardWeight<0>(__func__, x, dy, weightGrad, s); break;
    }
    if (status != AG_OK || !biasGrad) return status;
    return sumChannels(__func__, dy, n, k, (int64_t)s.p * s.q, biasGrad);
}
