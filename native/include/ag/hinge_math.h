/* The per-score terms of the hinge-loss pieces (ag_hinge_kind) and their derivatives, shared by the
 * CPU and CUDA twins: REAL relu(1 - x), FAKE relu(1 + x), GEN -x; the loss is their mean over n.
 * relu's derivative at 0 is 0, as in PyTorch. */
#ifndef AG_HINGE_MATH_H
#define AG_HINGE_MATH_H

#include "ag/kernels.h"
#include "ag/philox.h"

/* The term one score x adds to the sum (before dividing by n). */
AG_HOST_DEVICE float ag_hinge_term(float x, int kind) {
    float t;
    switch (kind) {
    case AG_HINGE_REAL: t = 1.0f - x; return t > 0.0f ? t : 0.0f;
    case AG_HINGE_FAKE: t = 1.0f + x; return t > 0.0f ? t : 0.0f;
    default: return -x;
    }
}

/* d loss / dx for one score, invN = 1/n in float (PyTorch's mean backward). */
AG_HOST_DEVICE float ag_hinge_grad(float x, int kind, float invN) {
    switch (kind) {
    case AG_HINGE_REAL: return 1.0f - x > 0.0f ? -invN : 0.0f;
    case AG_HINGE_FAKE: return 1.0f + x > 0.0f ? invN : 0.0f;
    default: return -invN;
    }
}

#endif
