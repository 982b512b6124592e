// Device memory and copies for the CUDA twin: stream-ordered allocation from the device's default
// pool (device.cu keeps freed blocks in it, so steady-state training allocates nothing from the
// driver), host<->device transfers ordered on the library's stream, and the wait for them.
#include "ag/memory_args.h"
#include "common.cuh"

namespace {

// Reports a failed allocation with what was asked for and what the device has left.
ag_status outOfMemory(const char *function, int64_t bytes) {
    size_t freeBytes = 0, totalBytes = 0;
    cudaError_t error = cudaMemGetInfo(&freeBytes, &totalBytes);
    if (error != cudaSuccess) (void)cudaGetLastError();
    return ag_fail(AG_ERR_OUT_OF_MEMORY, "%s: out of device memory allocating %lld bytes (free %lld of %lld bytes)",
                   function, (long long)bytes, (long long)freeBytes, (long long)totalBytes);
}

// Gives the pool's cached free blocks back to the driver once every queued free has happened.
cudaError_t releaseCachedMemory(const ag::cuda::Context &context) {
    cudaError_t error = cudaStreamSynchronize(context.stream);
    if (error != cudaSuccess) return error;
    cudaMemPool_t pool;
    error = cudaDeviceGetDefaultMemPool(&pool, context.device);
    if (error != cudaSuccess) return error;
    return cudaMemPoolTrimTo(pool, 0);
}

}  // namespace

// *address (host) = a new device block of bytes (bytes = 0 still gets a distinct non-null block, as
// on the CPU); on a first failure the pool's cached blocks are released and the allocation is tried
// once more.
extern "C" ag_status ag_cuda_alloc(int64_t bytes, int64_t *address) {
    AG_CHECK(ag_alloc_check(bytes, address));
    AG_CUDA_REQUIRE_CONTEXT();
    const ag::cuda::Context &context = ag::cuda::context();
    size_t size = bytes == 0 ? 1 : (size_t)bytes;
    void *block = nullptr;
    cudaError_t error = cudaMallocAsync(&block, size, context.stream);
    if (error == cudaErrorMemoryAllocation) {
        (void)cudaGetLastError();
        AG_CUDA_CALL(releaseCachedMemory(context));
        error = cudaMallocAsync(&block, size, context.stream);
        if (error == cudaErrorMemoryAllocation) {
            (void)cudaGetLastError();
            return outOfMemory(__func__, bytes);
        }
    }
    AG_CUDA_CALL(error);
    *address = (int64_t)(uintptr_t)block;
    return AG_OK;
}

// Returns the block at address to the pool once the work queued before this call has finished;
// address 0 is a no-op, as on the CPU.
extern "C" ag_status ag_cuda_free(int64_t address) {
    AG_CUDA_REQUIRE_CONTEXT();
    if (address == 0) return AG_OK;
    AG_CUDA_CALL(cudaFreeAsync((void *)(uintptr_t)address, ag::cuda::context().stream));
    return AG_OK;
}

// host (n) -> dst (n) on the device. Waits for the copy: the host buffer (a JNI array) is released
// right after this call, and a pinned buffer would otherwise still be read by the DMA.
extern "C" ag_status ag_cuda_upload(float *dst, const float *host, int64_t n) {
    AG_CHECK(ag_upload_check(dst, host, n));
    AG_CUDA_REQUIRE_CONTEXT();
    cudaStream_t stream = ag::cuda::context().stream;
    AG_CUDA_CALL(cudaMemcpyAsync(dst, host, (size_t)n * sizeof(float), cudaMemcpyHostToDevice, stream));
    AG_CUDA_CALL(cudaStreamSynchronize(stream));
    return AG_OK;
}

// src (n) on the device -> host (n). The copy is queued behind every kernel already on the stream
// and the stream is then synchronized, so host holds the finished values on return.
extern "C" ag_status ag_cuda_download(float *host, const float *src, int64_t n) {
    AG_CHECK(ag_download_check(host, src, n));
    AG_CUDA_REQUIRE_CONTEXT();
    cudaStream_t stream = ag::cuda::context().stream;
    AG_CUDA_CALL(cudaMemcpyAsync(host, src, (size_t)n * sizeof(float), cudaMemcpyDeviceToHost, stream));
    AG_CUDA_CALL(cudaStreamSynchronize(stream));
    return AG_OK;
}

// Waits until every kernel and copy queued on the library's stream has finished.
extern "C" ag_status ag_cuda_synchronize(void) {
    AG_CUDA_REQUIRE_CONTEXT();
    AG_CUDA_CALL(cudaStreamSynchronize(ag::cuda::context().stream));
    return AG_OK;
}
