// CUDA twin of native/cpu/adam.cpp: one PyTorch Adam step (no weight decay, not amsgrad) over a
// flat parameter in a single pass (read param, grad, m, v; write param, m, v), float4 where the
// four arrays are aligned. The step's scalars are prepared once on the host (ag/optim_math.h).
#include "ag/adam_args.h"
#include "common.cuh"
#include "vector_loop.cuh"

#include "ag/optim_math.h"

using ag::cuda::aligned16;
using ag::cuda::elementGrid;
using ag::cuda::forEachElement;
using ag::cuda::load4;
using ag::cuda::store4;

namespace {

// param, grad, m, v (n): m, v, param updated in place
__global__ void adamKernel(float *param, const float *grad, float *m, float *v, int64_t n, ag_adam_scalars s,
                           bool vector) {
    forEachElement(
        n, vector,
        [&](int64_t q) {
            float4 p = load4(param, q), mq = load4(m, q), vq = load4(v, q);
            const float4 g = load4(grad, q);
            ag_adam_element(&p.x, &mq.x, &vq.x, g.x, s);
            ag_adam_element(&p.y, &mq.y, &vq.y, g.y, s);
            ag_adam_element(&p.z, &mq.z, &vq.z, g.z, s);
            ag_adam_element(&p.w, &mq.w, &vq.w, g.w, s);
            store4(param, q, p);
            store4(m, q, mq);
            store4(v, q, vq);
        },
        [&](int64_t i) {
            float p = param[i], mi = m[i], vi = v[i];
            ag_adam_element(&p, &mi, &vi, grad[i], s);
            param[i] = p;
            m[i] = mi;
            v[i] = vi;
        });
}

}  // namespace

extern "C" ag_status ag_cuda_adam_step(float *param, const float *grad, float *m, float *v, int64_t n, float lr,
                                       float beta1, float beta2, float eps, int step) {
    AG_CHECK(ag_adam_step_check(param, grad, m, v, n, lr, beta1, beta2, eps, step));
    AG_CUDA_REQUIRE_CONTEXT();
    const ag_adam_scalars s = ag_adam_prepare(lr, beta1, beta2, eps, step);
    const bool vector = aligned16(param, grad, m, v);
    adamKernel<<<elementGrid(n, vector), ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(param, grad, m, v, n, s,
                                                                                              vector);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}
