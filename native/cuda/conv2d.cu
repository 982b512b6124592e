// CUDA twin of native/cpu/conv2d.cpp (stride 1, square kernel, zero padding) as implicit GEMMs on
// the tiled engine of tile_gemm.cuh (TF32 tensor cores by default): the im2col operand is read
// straight from the images into shared memory, never stored in global memory.
//   forward:         y (k, n*p*q)  = weight (k, c*kk*kk) . cols(x) (c*kk*kk, n*p*q), bias in the epilogue
//   backward_data:   dx (c, n*h*w) = flipped weight (c, k*kk*kk) . cols(dy, pad' = kk-1-pad)
//   backward_weight: weightGrad (k, c*kk*kk) += dy (k, n*p*q) . patches(x) (n*p*q, c*kk*kk), split-K
//                    into fixed chunks summed in order; biasGrad += per-channel sums of dy
// Kernels 1 and 3 (the network's) get their own instantiation, so the tap arithmetic divides by
// constants; any other kernel size runs the same code with a run-time size.
#include "conv_tiles.cuh"

#include "ag/conv_shape.h"

#include <algorithm>
#include <climits>

namespace {

using namespace ag::cuda::tile;

// cols(src) as the B operand: column n = (image, oh, ow) of the (ho, wo) output, depth k =
// (channel, kh, kw) reads src (n, channels, hs, ws) at [image][channel][oh+kh-pad][ow+kw-pad], or 0.
template <int kKernel>
struct ImageColumns {
    static constexpr bool kAlongK = false;
    const float *src;
    int channels, hs, ws, ho, wo, kernel, pad;
    __host__ __device__ float operator()(int n, int k) const {
        const int size = kKernel ? kKernel : kernel, taps = size * size;
        const int plane = ho * wo, image = n / plane, pixel = n - image * plane;
        const int oh = pixel / wo, ow = pixel - oh * wo;
        const int channel = k / taps, tap = k - channel * taps;
        const int ih = ag_conv_source(oh, tap / size, pad), iw = ag_conv_source(ow, tap % size, pad);
        if (ih < 0 || ih >= hs || iw < 0 || iw >= ws) return 0.0f;
        return src[(((int64_t)image * channels + channel) * hs + ih) * ws + iw];
    }
};

// backward_data's A: row c, depth (k, kh, kw) = weight[k][c][kernel-1-kh][kernel-1-kw].
template <int kKernel>
struct FlippedWeights {
    static constexpr bool kAlongK = kKernel != 1;  // 1x1: consecutive rows are adjacent
    const float *weight;
    int c, kernel;
    __host__ __device__ float operator()(int row, int k) const {
        const int size = kKernel ? kKernel : kernel, taps = size * size;
        const int out = k / taps, tap = k - out * taps;
        return weight[((int64_t)out * c + row) * taps + (taps - 1 - tap)];
    }
};

// backward_weight's B: row (channel, kh, kw) of the gradient, depth (image, oh, ow) of dy, reads
// x (n, c, h, w) at [image][channel][oh+kh-pad][ow+kw-pad], or 0.
template <int kKernel>
struct Patches {
    static constexpr bool kAlongK = true;
    const float *x;
    int c, h, w, p, q, kernel, pad;
    __host__ __device__ float operator()(int row, int k) const {
        const int size = kKernel ? kKernel : kernel, taps = size * size;
        const int plane = p * q, image = k / plane, pixel = k - image * plane;
        const int oh = pixel / q, ow = pixel - oh * q;
        const int channel = row / taps, tap = row - channel * taps;
        const int ih = ag_conv_source(oh, tap / size, pad), iw = ag_conv_source(ow, tap % size, pad);
        if (ih < 0 || ih >= h || iw < 0 || iw >= w) return 0.0f;
        return x[(((int64_t)image * c + channel) * h + ih) * w + iw];
    }
};

// The same checks, in the same words, as the CPU twin.
ag_status checkShape(const char *function, int n, int c, int h, int w, int k, int kernel, int pad) {
    AG_REQUIRE(n > 0 && c > 0 && h > 0 && w > 0 && k > 0, "%s: shape must be positive, got n=%d c=%d h=%d w=%d k=%d",
               function, n, c, h, w, k);
    AG_REQUIRE(kernel > 0 && pad >= 0, "%s: kernel = %d must be > 0 and pad = %d >= 0", function, kernel, pad);
    const int p = ag_conv_out_size(h, kernel, pad), q = ag_conv_out_size(w, kernel, pad);
    AG_REQUIRE(p > 0 && q > 0, "%s: kernel %d with pad %d leaves no output for %dx%d", function, kernel, pad, h, w);
    const int64_t big = std::max((int64_t)n * p * q, (int64_t)n * h * w) * std::max(c, k) * kernel * kernel;
    AG_REQUIRE(big / std::max(c, k) <= INT_MAX, "%s: n*h*w*kernel^2 too large (%lld)", function,
               (long long)(big / std::max(c, k)));
    return AG_OK;
}

template <int kKernel>
ag_status forward(const char *function, const float *x, const float *weight, const float *bias, float *y, int n,
                  int c, int h, int w, int k, int kernel, int pad) {
    const int p = ag_conv_out_size(h, kernel, pad), q = ag_conv_out_size(w, kernel, pad), taps = kernel * kernel;
    const ImageColumns<kKernel> cols{x, c, h, w, p, q, kernel, pad};
    return launch(function, MatrixOperand<false>{weight, (int64_t)c * taps}, cols, ImageStore{y, k, p * q, bias}, k,
                  n * p * q, c * taps, whole(c * taps));
}

template <int kKernel>
ag_status backwardData(const char *function, const float *dy, const float *weight, float *dx, int n, int c, int h,
                       int w, int k, int kernel, int pad) {
    const int p = ag_conv_out_size(h, kernel, pad), q = ag_conv_out_size(w, kernel, pad), taps = kernel * kernel;
    const ImageColumns<kKernel> cols{dy, k, p, q, h, w, kernel, ag_conv_backward_pad(kernel, pad)};
    return launch(function, FlippedWeights<kKernel>{weight, c, kernel}, cols, ImageStore{dx, c, h * w, nullptr}, c,
                  n * h * w, k * taps, whole(k * taps));
}

template <int kKernel>
ag_status backwardWeight(const char *function, const float *x, const float *dy, float *weightGrad, int n, int c,
                         int h, int w, int k, int kernel, int pad) {
    const int p = ag_conv_out_size(h, kernel, pad), q = ag_conv_out_size(w, kernel, pad);
    const Patches<kKernel> patches{x, c, h, w, p, q, kernel, pad};
    return weightGradient(function, ChannelRows{dy, k, p * q}, patches, k, c * kernel * kernel, n * p * q,
                          weightGrad);
}

}  // namespace

// x (n,c,h,w), weight (k,c,kernel,kernel), bias (k) or NULL -> y (n,k,p,q)
extern "C" ag_status ag_cuda_conv2d_forward(const float *x, const float *weight, const float *bias, float *y, int n,
                                            int c, int h, int w, int k, int kernel, int pad) {
    AG_REQUIRE_PTR(x);
    AG_REQUIRE_PTR(weight);
    AG_REQUIRE_PTR(y);
    const ag_status status = checkShape(__func__, n, c, h, w, k, kernel, pad);
    if (status != AG_OK) return status;
    AG_CUDA_REQUIRE_CONTEXT();
    switch (kernel) {
    case 1: return forward<1>(__func__, x, weight, bias, y, n, c, h, w, k, kernel, pad);
    case 3: return forward<3>(__func__, x, weight, bias, y, n, c, h, w, k, kernel, pad);
    default: return forward<0>(__func__, x, weight, bias, y, n, c, h, w, k, kernel, pad);
    }
}

// dy (n,k,p,q), weight (k,c,kernel,kernel) -> dx (n,c,h,w)
extern "C" ag_status ag_cuda_conv2d_backward_data(const float *dy, const float *weight, float *dx, int n, int c,
                                                  int h, int w, int k, int kernel, int pad) {
    AG_REQUIRE_PTR(dy);
    AG_REQUIRE_PTR(weight);
    AG_REQUIRE_PTR(dx);
    const ag_status status = checkShape(__func__, n, c, h, w, k, kernel, pad);
    if (status != AG_OK) return status;
    AG_CUDA_REQUIRE_CONTEXT();
    switch (kernel) {
    case 1: return backwardData<1>(__func__, dy, weight, dx, n, c, h, w, k, kernel, pad);
    case 3: return backwardData<3>(__func__, dy, weight, dx, n, c, h, w, k, kernel, pad);
    default: return backwardData<0>(__func__, dy, weight, dx, n, c, h, w, k, kernel, pad);
    }
}

// x (n,c,h,w), dy (n,k,p,q) -> weightGrad (k,c,kernel,kernel) +=, biasGrad (k) += (or NULL)
extern "C" ag_status ag_cuda_conv2d_backward_weight(const float *x, const float *dy, float *weightGrad,
                                                    float *biasGrad, int n, int c, int h, int w, int k, int kernel,
                                                    int pad) {
    AG_REQUIRE_PTR(x);
    AG_REQUIRE_PTR(dy);
    AG_REQUIRE_PTR(weightGrad);
    ag_status status = checkShape(__func__, n, c, h, w, k, kernel, pad);
    if (status != AG_OK) return status;
    AG_CUDA_REQUIRE_CONTEXT();
    switch (kernel) {
    case 1: status = backwardWeight<1>(__func__, x, dy, weightGrad, n, c, h, w, k, kernel, pad); break;
    case 3: status = backwardWeight<3>(__func__, x, dy, weightGrad, n, c, h, w, k, kernel, pad); break;
    default: status = backwardWeight<0>(__func__, x, dy, weightGrad, n, c, h, w, k, kernel, pad); break;
    }
    if (status != AG_OK || !biasGrad) return status;
    const int64_t plane = (int64_t)ag_conv_out_size(h, kernel, pad) * ag_conv_out_size(w, kernel, pad);
    return sumChannels(__func__, dy, n, k, plane, biasGrad);
}
