// CPU twin of the hinge-loss pieces (spec 3): REAL mean(relu(1 - x)), FAKE mean(relu(1 + x)),
// GEN -mean(x), over n discriminator scores. The loss sums in double in a fixed order (lane_sum.h);
// the per-score terms and derivatives come from ag/hinge_math.h.
#include "ag/backend.h"
#include "ag/hinge_loss_args.h"
#include "ag/hinge_math.h"
#include "ag/status.h"
#include "lane_sum.h"

// x (n) -> loss (1)
extern "C" ag_status ag_cpu_hinge_loss_forward(const float *x, float *loss, int n, int kind) {
    AG_CHECK(ag_hinge_loss_forward_check(x, loss, n, kind));
    const double sum = laneSum(n, [x, kind](int64_t i) { return (double)ag_hinge_term(x[i], kind); });
    *loss = (float)(sum / n);
    return AG_OK;
}

// x (n) -> dx (n)
extern "C" ag_status ag_cpu_hinge_loss_backward(const float *x, float *dx, int n, int kind) {
    AG_CHECK(ag_hinge_loss_backward_check(x, dx, n, kind));
    const float invN = 1.0f / (float)n;
    for (int i = 0; i < n; ++i) dx[i] = ag_hinge_grad(x[i], kind, invN);
    return AG_OK;
}
