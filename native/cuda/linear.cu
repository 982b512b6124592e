// CUDA twin of native/cpu/linear.cpp, y = x W^T + b, as three GEMMs on the tiled engine of
// tile_gemm.cuh (the bias added in the forward GEMM's epilogue) and a fixed-order column sum for
// the bias gradient.
#include "ag/linear_args.h"
#include "tile_gemm.cuh"

// x (n,in), weight (out,in), bias (out) or NULL -> y (n,out)
extern "C" ag_status ag_cuda_linear_forward(const float *x, const float *weight, const float *bias, float *y, int n,
                                            int in, int out) {
    AG_CHECK(ag_linear_forward_check(x, weight, y, n, in, out));
    AG_CUDA_REQUIRE_CONTEXT();
    return ag::cuda::tile::gemm(__func__, false, true, n, out, in, 1.0f, x, in, weight, in, 0.0f, y, out, bias);
}

// dy (n,out), weight (out,in) -> dx (n,in)
extern "C" ag_status ag_cuda_linear_backward_data(const float *dy, const float *weight, float *dx, int n, int in,
                                                  int out) {
    AG_CHECK(ag_linear_backward_data_check(dy, weight, dx, n, in, out));
    AG_CUDA_REQUIRE_CONTEXT();
    return ag::cuda::tile::gemm(__func__, false, false, n, in, out, 1.0f, dy, out, weight, in, 0.0f, dx, in, nullptr);
}

// x (n,in), dy (n,out) -> weightGrad (out,in) +=, biasGrad (out) += (or NULL)
extern "C" ag_status ag_cuda_linear_backward_weight(const float *x, const float *dy, float *weightGrad,
                                                    float *biasGrad, int n, int in, int out) {
    AG_CHECK(ag_linear_backward_weight_check(x, dy, weightGrad, n, in, out));
    AG_CUDA_REQUIRE_CONTEXT();
    // weightGrad (out,in) += dy^T (out,n) . x (n,in)
    const ag_status gemmStatus =
        ag::cuda::tile::gemm(__func__, true, false, out, in, n, 1.0f, dy, out, x, in, 1.0f, weightGrad, in, nullptr);
    if (gemmStatus != AG_OK || !biasGrad) return gemmStatus;
    return ag::cuda::tile::sumColumns(__func__, dy, n, out, biasGrad);
}
