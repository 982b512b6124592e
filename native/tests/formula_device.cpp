// The shared formulas' device branch compiled on the host the way nvcc treats device code: with
// -mfma -ffp-contract=fast (CMake), any plain a * b + c may become one FMA, as under nvcc's default
// --fmad=true, while CUDA's __fmul_rn / __dmul_rn stay products that nothing fuses (here an empty asm
// hides each product from the contraction). The device side of twin_rounding_test.cpp.
#define AG_EMULATE_DEVICE_ROUNDING

static inline float __fmul_rn(float a, float b) {
    float product = a * b;
    __asm__("" : "+x"(product));
    return product;
}

static inline double __dmul_rn(double a, double b) {
    double product = a * b;
    __asm__("" : "+x"(product));
    return product;
}

#include "formula_twins.h"

namespace device {
#include "formula_body.inc"
}
