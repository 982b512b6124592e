// CUDA twin of native/cpu/ema.cpp: the generator's exponential moving average of weights,
// avg = decay * avg + (1 - decay) * x, one float4 pass (ag/optim_math.h for the element).
#include "ag/ema_args.h"
#include "common.cuh"
#include "vector_loop.cuh"

#include "ag/optim_math.h"

using ag::cuda::aligned16;
using ag::cuda::elementGrid;
using ag::cuda::forEachElement;
using ag::cuda::load4;
using ag::cuda::map4;
using ag::cuda::store4;

namespace {

// avg (n), x (n): avg updated in place
__global__ void emaKernel(float *avg, const float *x, int64_t n, float decay, float oneMinusDecay, bool vector) {
    auto f = [decay, oneMinusDecay](float a, float xi) { return ag_ema_element(a, xi, decay, oneMinusDecay); };
    forEachElement(
        n, vector, [&](int64_t q) { store4(avg, q, map4(f, load4(avg, q), load4(x, q))); },
        [&](int64_t i) { avg[i] = f(avg[i], x[i]); });
}

}  // namespace

extern "C" ag_status ag_cuda_ema_update(float *avg, const float *x, int64_t n, float decay) {
    AG_CHECK(ag_ema_update_check(avg, x, n, decay));
    AG_CUDA_REQUIRE_CONTEXT();
    const float oneMinusDecay = (float)(1.0 - (double)decay);
    const bool vector = aligned16(avg, x);
    emaKernel<<<elementGrid(n, vector), ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(avg, x, n, decay,
                                                                                             oneMinusDecay, vector);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}
