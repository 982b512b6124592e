/* Products that are never fused into a multiply-add, for the per-element formulas the CPU and CUDA
 * twins share (ag/norm_math.h, ag/optim_math.h, ag/upsample_index.h). nvcc contracts a plain
 * a * b + c into one FMA (its default --fmad=true), which rounds once where the CPU rounds twice;
 * where the sum cancels (batch norm's dx with two values per channel) the two twins then differ in
 * the leading digits. The rule: a product whose result is added or subtracted is written ag_fmul_rn
 * (ag_dmul_rn in double). On the device that is CUDA's __fmul_rn / __dmul_rn, which nvcc never fuses;
 * on the host it is the plain product, and the CPU build compiles with -ffp-contract=off (CMakeLists)
 * so that the host compiler fuses nothing either. AG_EMULATE_DEVICE_ROUNDING compiles the device
 * branch on the host (native/tests: the test supplies host versions of the two intrinsics). */
#ifndef AG_UNFUSED_H
#define AG_UNFUSED_H

#include "ag/philox.h"

#if defined(__CUDA_ARCH__) || defined(AG_EMULATE_DEVICE_ROUNDING)
AG_HOST_DEVICE float ag_fmul_rn(float a, float b) { return __fmul_rn(a, b); }
AG_HOST_DEVICE double ag_dmul_rn(double a, double b) { return __dmul_rn(a, b); }
#else
AG_HOST_DEVICE float ag_fmul_rn(float a, float b) { return a * b; }
AG_HOST_DEVICE double ag_dmul_rn(double a, double b) { return a * b; }
#endif

#endif
