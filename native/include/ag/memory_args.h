/* The argument checks of memory, shared by the CPU twin (native/cpu/memory.cpp) and the CUDA twin
 * (native/cuda/memory.cu): each twin begins with its op's check, so both refuse the same calls with the
 * same messages, which name the C API entry point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_MEMORY_ARGS_H
#define AG_MEMORY_ARGS_H

#include "status.h"

static inline ag_status ag_alloc_check(int64_t bytes, const int64_t *address) {
    const char *op = "ag_alloc";
    AG_REQUIRE_PTR(op, address);
    AG_REQUIRE(bytes >= 0, "%s: bytes = %lld must be >= 0", op, (long long)bytes);
    return AG_OK;
}

/* upload and download: both ends set, n >= 0 */
static inline ag_status ag_transfer_check(const char *op, const float *to, const float *from, int64_t n) {
    AG_REQUIRE(to != 0 && from != 0, "%s: %s is NULL", op, to == 0 ? "the destination" : "the source");
    AG_REQUIRE(n >= 0, "%s: n = %lld must be >= 0", op, (long long)n);
    return AG_OK;
}

static inline ag_status ag_upload_check(const float *dst, const float *host, int64_t n) {
    return ag_transfer_check("ag_upload", dst, host, n);
}

static inline ag_status ag_download_check(const float *host, const float *src, int64_t n) {
    return ag_transfer_check("ag_download", host, src, n);
}

#endif
