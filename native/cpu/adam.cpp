// CPU twin of one PyTorch Adam step (no weight decay, not amsgrad) over a flat parameter: the
// step's scalars once per call, then the shared per-element update (ag/optim_math.h).
#include "ag/adam_args.h"
#include "ag/backend.h"
#include "ag/optim_math.h"
#include "ag/status.h"
#include "omp_grain.h"

// param (n), grad (n), m (n), v (n): m, v, param updated in place
extern "C" ag_status ag_cpu_adam_step(float *param, const float *grad, float *m, float *v, int64_t n, float lr,
                                      float beta1, float beta2, float eps, int step) {
    AG_CHECK(ag_adam_step_check(param, grad, m, v, n, lr, beta1, beta2, eps, step));
    const ag_adam_scalars s = ag_adam_prepare(lr, beta1, beta2, eps, step);
#pragma omp parallel for simd schedule(static) if (n >= kOmpGrain / 4)
    for (int64_t i = 0; i < n; ++i) ag_adam_element(&param[i], &m[i], &v[i], grad[i], s);
    return AG_OK;
}
