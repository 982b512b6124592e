/* The per-device op tables behind the C API's dispatch (model: ggml's backend interface). Each twin
 * library fills one ag_backend with its functions, generated from ag/ops.def in the same order, so
 * the compiler checks that every op has both twins with the listed parameters: a missing twin does
 * not link (-Wl,-z,defs), a twin with other parameters does not compile. Internal to the library. */
#ifndef AG_BACKEND_H
#define AG_BACKEND_H

#include "kernels.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The twins' prototypes: ag_cpu_<name>(parameters) and ag_cuda_<name>(parameters). */
#define AG_OP(family, name, params, args) \
    ag_status ag_cpu_##name params;       \
    ag_status ag_cuda_##name params;
#include "ops.def"
#undef AG_OP

/* One device's functions, one member per op, named as the op. */
typedef struct ag_backend {
#define AG_OP(family, name, params, args) ag_status(*name) params;
#include "ops.def"
#undef AG_OP
} ag_backend;

/* The CPU table (native/cpu/backend_table.cpp). */
extern const ag_backend ag_cpu_backend;

/* The CUDA table (native/cuda/backend_table.cu), or NULL in a build without the CUDA twins
 * (native/common/no_cuda.cpp). */
const ag_backend *ag_cuda_backend(void);

#ifdef __cplusplus
}
#endif

#endif
