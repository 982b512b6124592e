// CPU twin of the generator's exponential moving average of weights (AutoGAN's gen_avg_param):
// avg = decay * avg + (1 - decay) * x, elementwise (ag/optim_math.h).
#include "ag/backend.h"
#include "ag/ema_args.h"
#include "ag/optim_math.h"
#include "ag/status.h"
#include "omp_grain.h"

// avg (n), x (n): avg updated in place
extern "C" ag_status ag_cpu_ema_update(float *avg, const float *x, int64_t n, float decay) {
    AG_CHECK(ag_ema_update_check(avg, x, n, decay));
    const float oneMinusDecay = (float)(1.0 - (double)decay);
#pragma omp parallel for simd schedule(static) if (n >= kOmpGrain)
    for (int64_t i = 0; i < n; ++i) avg[i] = ag_ema_element(avg[i], x[i], decay, oneMinusDecay);
    return AG_OK;
}
