// CPU twin of the hinge-loss pieces (spec 3): REAL mean(relu(1 - x)), FAKE mean(relu(1 + x)),
// GEN -mean(x), over n discriminator scores. The loss sums in double in a fixed order (lane_sum.h);
// the per-score terms and derivatives come from ag/hinge_math.h.
#include "ag/hinge_math.h"
#include "ag/kernels.h"
#include "ag/status.h"
#include "lane_sum.h"

namespace {
ag_status checkArgs(const char *function, int n, int kind) {
    AG_REQUIRE(n > 0, "%s: n = %d must be > 0", function, n);
    AG_REQUIRE(kind == AG_HINGE_REAL || kind == AG_HINGE_FAKE || kind == AG_HINGE_GEN, "%s: unknown kind %d",
               function, kind);
    return AG_OK;
}
} // namespace

// x (n) -> loss (1)
extern "C" ag_status ag_cpu_hinge_loss_forward(const float *x, float *loss, int n, int kind) {
    AG_REQUIRE_PTR(x);
    AG_REQUIRE_PTR(loss);
    ag_status status = checkArgs(__func__, n, kind);
    if (status != AG_OK) return status;
    const double sum = laneSum(n, [x, kind](int64_t i) { return (double)ag_hinge_term(x[i], kind); });
    *loss = (float)(sum / n);
    return AG_OK;
}

// x (n) -> dx (n)
extern "C" ag_status ag_cpu_hinge_loss_backward(const float *x, float *dx, int n, int kind) {
    AG_REQUIRE_PTR(x);
    AG_REQUIRE_PTR(dx);
    ag_status status = checkArgs(__func__, n, kind);
    if (status != AG_OK) return status;
    const float invN = 1.0f / (float)n;
    for (int i = 0; i < n; ++i) dx[i] = ag_hinge_grad(x[i], kind, invN);
    return AG_OK;
}
