// The CUDA device entry points (count, init, info, memory, synchronize) and the library context
// they set up: one device per process, one non-blocking stream, and the stream-ordered memory
// pool configured to keep freed blocks for reuse. Also the context helpers from common.cuh. Where
// there is no usable GPU, the last error says which case it is (no_device_reason.h).
#include "common.cuh"
#include "no_device_reason.h"

#include <atomic>
#include <cstdio>
#include <cstring>
#include <mutex>

namespace ag::cuda {
namespace {

Context state{};
std::atomic<bool> initialized{false};
std::mutex initMutex;

// The device this host thread has made current (CUDA's current device is per thread).
thread_local int threadDevice = -1;

// Makes the context's device current on the calling thread, once per thread.
cudaError_t bindThread() {
    if (threadDevice == state.device) return cudaSuccess;
    cudaError_t error = cudaSetDevice(state.device);
    if (error == cudaSuccess) threadDevice = state.device;
    return error;
}

static_assert(cudaErrorStubLibrary == kErrorStubLibrary && cudaErrorInsufficientDriver == kErrorInsufficientDriver &&
                  cudaErrorNoDevice == kErrorNoDevice,
              "no_device_reason.h spells out cudart's error numbers");

bool isNoDevice(cudaError_t error) { return isNoDeviceError((int)error); }

// Records why error (an isNoDevice answer) leaves no usable GPU as the last error; returns status.
ag_status recordNoDevice(ag_status status, const char *function, cudaError_t error) {
    (void)cudaGetLastError();
    int driverVersion = 0;
    if (cudaDriverGetVersion(&driverVersion) != cudaSuccess) driverVersion = 0;
    char reason[512];
    noDeviceReason((int)error, driverVersion, CUDART_VERSION, reason, sizeof reason);
    return ag_fail(status, "%s: no CUDA device: %s; run on the CPU (-Dautogan4j.device=cpu)", function, reason);
}

const char *baseName(const char *path) {
    const char *slash = std::strrchr(path, '/');
    return slash ? slash + 1 : path;
}

// Keeps every freed block in the device's default pool instead of returning it to the driver.
cudaError_t keepFreedMemory(int device) {
    cudaMemPool_t pool;
    cudaError_t error = cudaDeviceGetDefaultMemPool(&pool, device);
    if (error != cudaSuccess) return error;
    uint64_t threshold = UINT64_MAX;
    return cudaMemPoolSetAttribute(pool, cudaMemPoolAttrReleaseThreshold, &threshold);
}

}  // namespace

ag_status requireContext(const char *function) {
    if (!initialized.load(std::memory_order_acquire))
        return ag_fail(AG_ERR_NO_CUDA, "%s: no CUDA device selected; call ag_cuda_init first", function);
    cudaError_t error = bindThread();
    if (error != cudaSuccess) return fail(error, function, __FILE__, __LINE__);
    return AG_OK;
}

const Context &context() { return state; }

ag_status fail(cudaError_t error, const char *function, const char *file, int line) {
    (void)cudaGetLastError();
    return ag_fail(AG_ERR_CUDA, "%s: %s (%s:%d)", function, cudaGetErrorString(error), baseName(file), line);
}

unsigned int gridSize(int64_t work) {
    int64_t blocks = (work + kThreads - 1) / kThreads;
    int64_t cap = (int64_t)state.multiprocessorCount * kBlocksPerMultiprocessor;
    if (blocks > cap) blocks = cap;
    return blocks < 1 ? 1u : (unsigned int)blocks;
}

}  // namespace ag::cuda

using ag::cuda::context;

extern "C" ag_status ag_cuda_device_count(int *count) {
    AG_REQUIRE_PTR(__func__, count);
    *count = 0;
    cudaError_t error = cudaGetDeviceCount(count);
    if (ag::cuda::isNoDevice(error)) {
        *count = 0;
        return ag::cuda::recordNoDevice(AG_OK, __func__, error);  // count 0; ag_last_error() says why
    }
    AG_CUDA_CALL(error);
    return AG_OK;
}

extern "C" ag_status ag_cuda_init(int device) {
    using namespace ag::cuda;
    std::lock_guard<std::mutex> lock(initMutex);
    if (initialized.load(std::memory_order_acquire)) {
        AG_REQUIRE(device == state.device, "%s: device = %d, but the library is already initialized on device %d "
                   "(one device per process)", __func__, device, state.device);
        AG_CUDA_CALL(bindThread());
        return AG_OK;
    }
    int count = 0;
    cudaError_t countError = cudaGetDeviceCount(&count);
    if (isNoDevice(countError)) return recordNoDevice(AG_ERR_NO_CUDA, __func__, countError);
    AG_CUDA_CALL(countError);
    AG_REQUIRE(device >= 0 && device < count, "%s: device = %d, must be in [0, %d)", __func__, device, count);

    AG_CUDA_CALL(cudaSetDevice(device));
    int poolsSupported = 0;
    AG_CUDA_CALL(cudaDeviceGetAttribute(&poolsSupported, cudaDevAttrMemoryPoolsSupported, device));
    if (!poolsSupported)
        return ag_fail(AG_ERR_NO_CUDA, "%s: device %d has no stream-ordered memory pools (needs a newer driver)",
                       __func__, device);
    int multiprocessorCount = 0;
    AG_CUDA_CALL(cudaDeviceGetAttribute(&multiprocessorCount, cudaDevAttrMultiProcessorCount, device));
    AG_CUDA_CALL(keepFreedMemory(device));
    cudaStream_t stream;
    AG_CUDA_CALL(cudaStreamCreateWithFlags(&stream, cudaStreamNonBlocking));

    state = Context{device, multiprocessorCount, stream};
    threadDevice = device;
    initialized.store(true, std::memory_order_release);
    return AG_OK;
}

extern "C" ag_status ag_cuda_device_info(char *name, int nameCapacity, int *major, int *minor) {
    AG_REQUIRE_PTR(__func__, name);
    AG_REQUIRE_POSITIVE(__func__, nameCapacity);
    AG_REQUIRE_PTR(__func__, major);
    AG_REQUIRE_PTR(__func__, minor);
    AG_CUDA_REQUIRE_CONTEXT();
    cudaDeviceProp properties;
    AG_CUDA_CALL(cudaGetDeviceProperties(&properties, context().device));
    std::snprintf(name, (size_t)nameCapacity, "%s", properties.name);
    *major = properties.major;
    *minor = properties.minor;
    return AG_OK;
}

extern "C" ag_status ag_cuda_mem_info(int64_t *freeBytes, int64_t *totalBytes) {
    AG_REQUIRE_PTR(__func__, freeBytes);
    AG_REQUIRE_PTR(__func__, totalBytes);
    AG_CUDA_REQUIRE_CONTEXT();
    size_t freeSize = 0, totalSize = 0;
    AG_CUDA_CALL(cudaMemGetInfo(&freeSize, &totalSize));
    *freeBytes = (int64_t)freeSize;
    *totalBytes = (int64_t)totalSize;
    return AG_OK;
}
