// CPU twin of one PyTorch Adam step (no weight decay, not amsgrad) over a flat parameter: the
// step's scalars once per call, then the shared per-element update (ag/optim_math.h).
#include "ag/kernels.h"
#include "ag/optim_math.h"
#include "ag/status.h"
#include "omp_grain.h"

// param (n), grad (n), m (n), v (n): m, v, param updated in place
extern "C" ag_status ag_cpu_adam_step(float *param, const float *grad, float *m, float *v, int64_t n, float lr,
                                      float beta1, float beta2, float eps, int step) {
    AG_REQUIRE_PTR(param);
    AG_REQUIRE_PTR(grad);
    AG_REQUIRE_PTR(m);
    AG_REQUIRE_PTR(v);
    AG_REQUIRE_POSITIVE(n);
    AG_REQUIRE_POSITIVE(step);
    AG_REQUIRE(lr >= 0.0f, "%s: lr = %g must be >= 0", __func__, lr);
    AG_REQUIRE(beta1 >= 0.0f && beta1 < 1.0f, "%s: beta1 = %g must be in [0, 1)", __func__, beta1);
    AG_REQUIRE(beta2 >= 0.0f && beta2 < 1.0f, "%s: beta2 = %g must be in [0, 1)", __func__, beta2);
    AG_REQUIRE(eps >= 0.0f, "%s: eps = %g must be >= 0", __func__, eps);
    const ag_adam_scalars s = ag_adam_prepare(lr, beta1, beta2, eps, step);
#pragma omp parallel for simd schedule(static) if (n >= kOmpGrain / 4)
    for (int64_t i = 0; i < n; ++i) ag_adam_element(&param[i], &m[i], &v[i], grad[i], s);
    return AG_OK;
}
