// What a build without the CUDA twins (no -Pcuda) links in their place: no CUDA op table (the
// dispatch then answers AG_ERR_NO_CUDA for every CUDA call), no GPUs (with the reason), and
// AG_ERR_NO_CUDA from the device calls, so the library loads and answers on every machine.
#include "ag/backend.h"
#include "ag/status.h"

namespace {
ag_status noCuda(const char *function) {
    return ag_fail(AG_ERR_NO_CUDA, "%s: this build has no CUDA twins; build with mvn -Pcuda package", function);
}
}  // namespace

extern "C" const ag_backend *ag_cuda_backend(void) { return nullptr; }

extern "C" ag_status ag_cuda_device_count(int *count) {
    AG_REQUIRE_PTR(__func__, count);
    *count = 0;
    noCuda(__func__);
    return AG_OK;
}

extern "C" ag_status ag_cuda_init(int) { return noCuda(__func__); }

extern "C" ag_status ag_cuda_device_info(char *, int, int *, int *) { return noCuda(__func__); }

extern "C" ag_status ag_cuda_mem_info(int64_t *, int64_t *) { return noCuda(__func__); }

extern "C" ag_status ag_cuda_set_tf32(int) { return noCuda(__func__); }
