// CPU twin of the memory entry points: 64-byte aligned host blocks (host_blocks.cpp keeps freed
// large ones for reuse) and plain copies to and from Java arrays. The CUDA twin
// (native/cuda/memory.cu) has the same parameters.
#include "ag/backend.h"
#include "ag/memory_args.h"
#include "ag/status.h"
#include "host_blocks.h"

#include <cstring>

extern "C" ag_status ag_cpu_alloc(int64_t bytes, int64_t *address) {
    AG_CHECK(ag_alloc_check(bytes, address));
    size_t rounded = (size_t)((bytes + 63) / 64 * 64);
    void *block = ag::cpu::acquireBlock(rounded == 0 ? 64 : rounded);
    if (block == nullptr) {
        return ag_fail(AG_ERR_OUT_OF_MEMORY, "%s: could not allocate %lld bytes of host memory", __func__,
                       (long long)bytes);
    }
    *address = (int64_t)(intptr_t)block;
    return AG_OK;
}

extern "C" ag_status ag_cpu_free(int64_t address) {
    ag::cpu::releaseBlock((void *)(intptr_t)address);
    return AG_OK;
}

// host (n) -> dst (n)
extern "C" ag_status ag_cpu_upload(float *dst, const float *host, int64_t n) {
    AG_CHECK(ag_upload_check(dst, host, n));
    std::memcpy(dst, host, (size_t)n * sizeof(float));
    return AG_OK;
}

// src (n) -> host (n)
extern "C" ag_status ag_cpu_download(float *host, const float *src, int64_t n) {
    AG_CHECK(ag_download_check(host, src, n));
    std::memcpy(host, src, (size_t)n * sizeof(float));
    return AG_OK;
}

extern "C" ag_status ag_cpu_synchronize(void) { return AG_OK; }
