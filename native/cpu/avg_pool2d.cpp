// CPU twin of AvgPool2d(2) (kernel 2, stride 2, even h and w), the discriminator's downsampling:
// each output is the mean of a 2x2 window summed in row order, and the backward spreads dy / 4.
#include "ag/avg_pool2d_args.h"
#include "ag/backend.h"
#include "ag/status.h"
#include "omp_grain.h"

// x (n,c,h,w) -> y (n,c,h/2,w/2)
extern "C" ag_status ag_cpu_avg_pool2d_forward(const float *x, float *y, int n, int c, int h, int w) {
    AG_CHECK(ag_avg_pool2d_forward_check(x, y, n, c, h, w));
    const int p = h / 2, q = w / 2;
    const int64_t rows = (int64_t)n * c * p;
#pragma omp parallel for schedule(static) if (rows * w * 2 >= kOmpGrain)
    for (int64_t r = 0; r < rows; ++r) {
        const float *top = x + 2 * r * w, *bottom = top + w;
        float *yRow = y + r * q;
        for (int j = 0; j < q; ++j)
            yRow[j] = (top[2 * j] + top[2 * j + 1] + bottom[2 * j] + bottom[2 * j + 1]) / 4.0f;
    }
    return AG_OK;
}

// dy (n,c,h/2,w/2) -> dx (n,c,h,w)
extern "C" ag_status ag_cpu_avg_pool2d_backward(const float *dy, float *dx, int n, int c, int h, int w) {
    AG_CHECK(ag_avg_pool2d_backward_check(dy, dx, n, c, h, w));
    const int p = h / 2, q = w / 2;
    const int64_t rows = (int64_t)n * c * p;
#pragma omp parallel for schedule(static) if (rows * w * 2 >= kOmpGrain)
    for (int64_t r = 0; r < rows; ++r) {
        const float *dyRow = dy + r * q;
        float *top = dx + 2 * r * w, *bottom = top + w;
        for (int j = 0; j < q; ++j) {
            const float g = dyRow[j] / 4.0f;
            top[2 * j] = g;
            top[2 * j + 1] = g;
            bottom[2 * j] = g;
            bottom[2 * j + 1] = g;
        }
    }
    return AG_OK;
}
