// The CUDA library's shared context and checks: the selected device, its one stream, the macros
// that turn a cudaError_t into an ag_status with a message, and the grid-size rule every kernel
// launch uses. Every .cu file includes this; device.cu owns the context's state.
#ifndef AG_CUDA_COMMON_CUH
#define AG_CUDA_COMMON_CUH

#include <cuda_runtime.h>

#include <cstdint>

#include "ag/backend.h"
#include "ag/status.h"

namespace ag::cuda {

// Threads per block for the one-dimensional kernels.
constexpr int kThreads = 256;

// Blocks per multiprocessor that grid-stride kernels are capped at: enough resident waves to
// hide latency, few enough that huge n reuses threads instead of launching millions of blocks.
constexpr int kBlocksPerMultiprocessor = 32;

// The selected device and its one non-blocking stream; valid once ag_cuda_init has succeeded.
struct Context {
    int device;
    int multiprocessorCount;
    cudaStream_t stream;
};

// Returns AG_OK when ag_cuda_init has succeeded (and makes the device current on the calling
// thread), otherwise AG_ERR_NO_CUDA with a message that names function.
ag_status requireContext(const char *function);

// The context; call only after requireContext returned AG_OK.
const Context &context();

// Records "<function>: <cudaGetErrorString> (<file>:<line>)" as AG_ERR_CUDA and clears the
// runtime's last error so that the next launch check does not report it again.
ag_status fail(cudaError_t error, const char *function, const char *file, int line);

// Blocks for a grid-stride loop over `work` items: one item per thread, capped per device.
unsigned int gridSize(int64_t work);

}  // namespace ag::cuda

// Returns the failure from the enclosing ag_* function when a CUDA runtime call fails.
#define AG_CUDA_CALL(call)                                                           \
    do {                                                                             \
        cudaError_t agCudaError = (call);                                            \
        if (agCudaError != cudaSuccess)                                              \
            return ag::cuda::fail(agCudaError, __func__, __FILE__, __LINE__);        \
    } while (0)

// Checks the kernel launch just queued (bad configuration, missing image for this device).
#define AG_CUDA_LAUNCH_CHECK() AG_CUDA_CALL(cudaGetLastError())

// Returns the AG_ERR_NO_CUDA failure from the enclosing ag_* function when there is no context.
#define AG_CUDA_REQUIRE_CONTEXT()                                                    \
    do {                                                                             \
        ag_status agContextStatus = ag::cuda::requireContext(__func__);              \
        if (agContextStatus != AG_OK) return agContextStatus;                        \
    } while (0)

#endif
