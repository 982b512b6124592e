// CPU twin of F.softmax / F.log_softmax over the last dimension (InceptionV3's class probabilities
// for the Inception Score): per row, the maximum is subtracted first so exp never overflows, the
// exponentials are summed in double in a fixed order (lane_sum.h); one OpenMP iteration per row.
#include <cmath>
#include "ag/softmax_args.h"

#include "ag/backend.h"
#include "ag/status.h"
#include "lane_sum.h"
#include "omp_grain.h"

// x (rows,cols) -> y (rows,cols)
extern "C" ag_status ag_cpu_softmax_forward(const float *x, float *y, int rows, int cols, int log) {
    AG_CHECK(ag_softmax_forward_check(x, y, rows, cols));
#pragma omp parallel for schedule(static) if ((int64_t)rows * cols >= kOmpGrain)
    for (int r = 0; r < rows; ++r) {
        const float *xRow = x + (int64_t)r * cols;
        float *yRow = y + (int64_t)r * cols;
        float top = xRow[0];
        for (int j = 1; j < cols; ++j) top = xRow[j] > top ? xRow[j] : top;
        const double sum = laneSum(cols, [xRow, top](int64_t j) { return (double)std::exp(xRow[j] - top); });
        if (log) {
            const float logSum = (float)std::log(sum);
            for (int j = 0; j < cols; ++j) yRow[j] = (xRow[j] - top) - logSum;
        } else {
            for (int j = 0; j < cols; ++j) yRow[j] = (float)((double)std::exp(xRow[j] - top) / sum);
        }
    }
    return AG_OK;
}
