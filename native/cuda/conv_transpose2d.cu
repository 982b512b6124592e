// CUDA twin of native/cpu/conv_transpose2d.cpp: kernel 2, stride 2, pad 0, weight (c, k, 2, 2).
// Every output pixel (2i+a, 2j+b) has one source pixel (i, j), so the op is four 1x1 GEMMs, one per
// tap (a, b), run as one direct GEMM over the rows (k, a, b) on the engine of tile_gemm.cuh; the
// operands and epilogues do the tap scatter/gather, so nothing is regrouped in global memory:
//   forward:         y[.][k][2i+a][2j+b] = (weight^T (k*4, c) . x (c, n*h*w)) + bias[k]
//   backward_data:   dx (c, n*h*w) = weight (c, k*4) . dy gathered by tap (k*4, n*h*w)
//   backward_weight: weightGrad (c, k*4) += x (c, n*h*w) . dy gathered by tap (n*h*w, k*4), split-K
//                    into fixed chunks summed in order; biasGrad += per-channel sums of dy
#include "ag/conv_transpose2d_args.h"
#include "conv_tiles.cuh"

#include "ag/conv_shape.h"

#include <climits>

namespace {

using namespace ag::cuda::tile;

// Offset in dy or y (n, k, 2h, 2w) of tap row (o, a, b) = row at input pixel column (image, i, j).
__host__ __device__ __forceinline__ int64_t tapOffset(int row, int column, int k, int h, int w) {
    const int plane = h * w, image = column / plane, pixel = column - image * plane;
    const int i = pixel / w, j = pixel - i * w, o = row >> 2, a = (row >> 1) & 1, b = row & 1;
    return (((int64_t)image * k + o) * ag_deconv2x2_out_size(h) + ag_deconv2x2_target(i, a)) *
               ag_deconv2x2_out_size(w) + ag_deconv2x2_target(j, b);
}

// forward's B: column (image, pixel), depth c = x[image][c][pixel]
struct ImagePixels {
    static constexpr bool kAlongK = false;
    const float *x;
    int c, plane;
    __host__ __device__ float operator()(int n, int k) const {
        const int image = n / plane, pixel = n - image * plane;
        return x[((int64_t)image * c + k) * plane + pixel];
    }
};

// backward_data's B: column (image, i, j), depth (o, a, b) = dy[image][o][2i+a][2j+b]
struct TapColumns {
    static constexpr bool kAlongK = false;
    const float *dy;
    int k, h, w;
    __host__ __device__ float operator()(int n, int depth) const { return dy[tapOffset(depth, n, k, h, w)]; }
};

// backward_weight's B: row (o, a, b) of the gradient, depth (image, i, j) = dy[image][o][2i+a][2j+b]
struct TapRows {
    static constexpr bool kAlongK = true;
    const float *dy;
    int k, h, w;
    __host__ __device__ float operator()(int row, int depth) const { return dy[tapOffset(row, depth, k, h, w)]; }
};

// forward's epilogue: C (row (o, a, b), column (image, i, j)) -> y[image][o][2i+a][2j+b] + bias[o]
struct TapStore {
    float *y;
    int k, h, w;
    const float *bias;
    __host__ __device__ void operator()(int m, int n, float value, int) const {
        y[tapOffset(m, n, k, h, w)] = bias ? value + bias[m >> 2] : value;
    }
};

}  // namespace

// x (n,c,h,w), weight (c,k,2,2), bias (k) or NULL -> y (n,k,2h,2w)
extern "C" ag_status ag_cuda_conv_transpose2d_forward(const float *x, const float *weight, const float *bias,
                                                      float *y, int n, int c, int h, int w, int k) {
    AG_CHECK(ag_conv_transpose2d_forward_check(x, weight, y, n, c, h, w, k));
    AG_CUDA_REQUIRE_CONTEXT();
    // A (o, a, b; c) = weight[c][o][a][b]: weight^T with leading dimension k*4
    return launch(__func__, MatrixOperand<true>{weight, (int64_t)k * 4}, ImagePixels{x, c, h * w},
                  TapStore{y, k, h, w, bias}, k * 4, n * h * w, c, whole(c));
}

// dy (n,k,2h,2w), weight (c,k,2,2) -> dx (n,c,h,w)
extern "C" ag_status ag_cuda_conv_transpose2d_backward_data(const float *dy, const float *weight, float *dx, int n,
                                                            int c, int h, int w, int k) {
    AG_CHECK(ag_conv_transpose2d_backward_data_check(dy, weight, dx, n, c, h, w, k));
    AG_CUDA_REQUIRE_CONTEXT();
    return launch(__func__, MatrixOperand<false>{weight, (int64_t)k * 4}, TapColumns{dy, k, h, w},
                  ImageStore{dx, c, h * w, nullptr}, c, n * h * w, k * 4, whole(k * 4));
}

// x (n,c,h,w), dy (n,k,2h,2w) -> weightGrad (c,k,2,2) +=, biasGrad (k) += (or NULL)
extern "C" ag_status ag_cuda_conv_transpose2d_backward_weight(const float *x, const float *dy, float *weightGrad,
                                                              float *biasGrad, int n, int c, int h, int w, int k) {
    AG_CHECK(ag_conv_transpose2d_backward_weight_check(x, dy, weightGrad, n, c, h, w, k));
    AG_CUDA_REQUIRE_CONTEXT();
    const ag_status status = weightGradient(__func__, ChannelRows{x, c, h * w}, TapRows{dy, k, h, w}, c, k * 4,
                                            n * h * w, weightGrad);
    if (status != AG_OK || !biasGrad) return status;
    return sumChannels(__func__, dy, n, k, 4 * (int64_t)h * w, biasGrad);
}
