// The shared per-element formulas, compiled twice for native/tests/twin_rounding_test.cpp: in
// namespace device by formula_device.cpp (the device branch of ag/unfused.h, with the contraction
// nvcc applies to device code) and in namespace host by formula_host.cpp (the CPU twins' flags).
#ifndef AG_TESTS_FORMULA_TWINS_H
#define AG_TESTS_FORMULA_TWINS_H

#include "ag/norm_math.h"
#include "ag/optim_math.h"
#include "ag/upsample_index.h"

#define AG_DECLARE_FORMULAS                                                                                   \
    ag_norm_grad_terms normGradPrepare(double sumDy, double dotp, int64_t m, float mean, float invStd,          \
                                       float gamma);                                                          \
    float normGradElement(float x, float dy, ag_norm_grad_terms t);                                           \
    /* The dx formula with plain operators, as it was before ag/unfused.h: what a compiler may fuse. */       \
    float plainNormGradElement(float x, float dy, ag_norm_grad_terms t);                                      \
    void normAffine(float mean, float invStd, float gamma, float beta, float *scale, float *shift);           \
    float normApply(float x, float scale, float shift);                                                       \
    float normRunning(float running, double stat, float momentum);                                            \
    void adamElement(float *param, float *m, float *v, float grad, ag_adam_scalars s);                        \
    float emaElement(float avg, float x, float decay, float oneMinusDecay);                                   \
    ag_linear_source bilinearSource(int dst, int in, int out);

namespace device {
AG_DECLARE_FORMULAS
}
namespace host {
AG_DECLARE_FORMULAS
}

#endif
