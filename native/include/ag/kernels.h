/* The autogan4j C API: every kernel the GAN needs, each one entry point ag_<op>(device, ...) that
 * dispatches to the op's CPU twin (native/cpu) or CUDA twin (native/cuda) through the device's table
 * (ag/backend.h). The ops themselves are listed once, in ag/ops.def, and declared here from that
 * list. This header is the contract between the twins and the Java binding (org.autogan4j.nativeapi,
 * generated from ops.def); it names no CUDA type so that plain C++ can include it.
 *
 * Conventions, stated once:
 * - Every function returns an ag_status. On anything but AG_OK, ag_last_error() holds a message
 *   (thread-local) that names the function and the problem. Nothing here calls exit() or throws.
 * - Tensors are dense float32, row-major NCHW. All float pointers of one call live on the call's
 *   device (host memory for AG_DEVICE_CPU, GPU memory for AG_DEVICE_CUDA), except a parameter named
 *   host; int and int64_t pointers are host memory.
 * - Shapes are passed as plain ints (n, c, h, w, ...); element counts as int64_t.
 * - GRADIENT POLICY: parameter gradients (weightGrad, biasGrad, gammaGrad, betaGrad) ACCUMULATE
 *   (+=); input gradients (dx) OVERWRITE (=).
 * - Optional pointers (bias, biasGrad, runningMean/runningVar) may be NULL where marked.
 * - Results are deterministic: fixed reduction order, independent of the number of threads.
 * - CUDA calls are asynchronous on the library's one stream; ag_synchronize waits for them.
 *   In a build without the CUDA twins (no -Pcuda) every AG_DEVICE_CUDA call answers AG_ERR_NO_CUDA.
 */
#ifndef AG_KERNELS_H
#define AG_KERNELS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ag_status {
    AG_OK = 0,
    AG_ERR_INVALID_ARGUMENT = 1, /* a shape, size or pointer the kernel cannot accept */
    AG_ERR_OUT_OF_MEMORY = 2,    /* an allocation failed; the message names the bytes */
    AG_ERR_NO_CUDA = 3,          /* no CUDA driver/GPU, or this op has no CUDA twin yet */
    AG_ERR_CUDA = 4,             /* a CUDA runtime error; the message holds cudaGetErrorString */
    AG_ERR_INTERNAL = 5          /* a bug: please report it with the message */
} ag_status;

/* Upsampling modes; the integer codes match the architecture's U token (0 bilinear, 1 nearest). */
/* Where an op runs: the first parameter of every ag_<op>. */
typedef enum ag_device {
    AG_DEVICE_CPU = 0, /* the C++ twins, OpenMP on the host */
    AG_DEVICE_CUDA = 1 /* the CUDA twins, on the GPU chosen by ag_cuda_init */
} ag_device;

typedef enum ag_upsample_mode {
    AG_UPSAMPLE_BILINEAR = 0, /* align_corners = False, PyTorch's default */
    AG_UPSAMPLE_NEAREST = 1   /* PyTorch's 'nearest': src = floor(dst * in / out) */
} ag_upsample_mode;

/* The three hinge-loss pieces (spec 3): each is a mean over n scores. */
typedef enum ag_hinge_kind {
    AG_HINGE_REAL = 0, /* mean(relu(1 - x)): D on real images */
    AG_HINGE_FAKE = 1, /* mean(relu(1 + x)): D on generated images */
    AG_HINGE_GEN = 2   /* -mean(x): the generator's loss */
} ag_hinge_kind;

/* ---- library-wide ---------------------------------------------------------------------- */

/* The message of the last failed call on this thread ("" if none). Valid until the next call. */
const char *ag_last_error(void);
/* API version, bumped whenever a signature changes. */
int ag_version(void);
/* Number of OpenMP threads the CPU twins use when called from this thread (n >= 1); the default
 * is OMP_NUM_THREADS, else every core. Results do not depend on it. */
ag_status ag_set_cpu_threads(int n);
ag_status ag_get_cpu_threads(int *n /* host */);

/* ---- CUDA device (no CPU twin: these ask about the GPU itself) -------------------------- */

/* Number of usable GPUs; 0 (and AG_OK) when there is no driver, a driver too old, no device, or
 * a build without the CUDA twins, with the reason in ag_last_error(). */
ag_status ag_cuda_device_count(int *count /* host */);
/* Selects the device and creates the library's stream. Must precede every AG_DEVICE_CUDA call. */
ag_status ag_cuda_init(int device);
/* Name and compute capability of the selected device; name is a host buffer of nameCapacity bytes. */
ag_status ag_cuda_device_info(char *name /* host */, int nameCapacity, int *major /* host */,
                              int *minor /* host */);
/* Free and total device memory in bytes. */
ag_status ag_cuda_mem_info(int64_t *freeBytes /* host */, int64_t *totalBytes /* host */);
/* TF32 tensor cores for gemm, linear and the convolutions: enabled != 0 (the default, as PyTorch
 * does for cuDNN convolutions: 10-bit mantissa operands, FP32 accumulation) or 0 for strict FP32
 * (parity tests). Process-wide; applies to the calls queued after it; needs no ag_cuda_init. */
ag_status ag_cuda_set_tf32(int enabled);

/* ---- the ops (ag/ops.def): ag_<name>(device, parameters) ---------------------------------- */

/* The parameter list of an entry point: the device, then the op's own parameters. */
#define AG_OP_PARAMS(...) (ag_device device __VA_OPT__(, ) __VA_ARGS__)
#define AG_OP(family, name, params, args) ag_status ag_##name AG_OP_PARAMS params;
#include "ops.def"
#undef AG_OP

#ifdef __cplusplus
}
#endif

#endif
