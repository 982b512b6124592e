// The C API's entry points: ag_<op>(device, ...) picks the device's op table (ag/backend.h) and
// calls its twin, one generated function per op of ag/ops.def. A device the build lacks answers
// AG_ERR_NO_CUDA naming the op; the twins check their own arguments (ag/<family>_args.h).
#include "ag/backend.h"
#include "ag/status.h"

namespace {

// The table of device, or NULL with the error recorded against op.
const ag_backend *tableOf(ag_device device, const char *op) {
    if (device == AG_DEVICE_CPU) return &ag_cpu_backend;
    if (device != AG_DEVICE_CUDA) {
        ag_fail(AG_ERR_INVALID_ARGUMENT, "%s: unknown device %d (0 = CPU, 1 = CUDA)", op, (int)device);
        return nullptr;
    }
    const ag_backend *cuda = ag_cuda_backend();
    if (cuda == nullptr) {
        ag_fail(AG_ERR_NO_CUDA, "%s: this build has no CUDA twins; build with mvn -Pcuda package", op);
    }
    return cuda;
}

// The status tableOf recorded when it returned NULL.
ag_status tableError(ag_device device) {
    return device == AG_DEVICE_CUDA ? AG_ERR_NO_CUDA : AG_ERR_INVALID_ARGUMENT;
}

}  // namespace

#define AG_OP(family, name, params, args)                             \
    extern "C" ag_status ag_##name AG_OP_PARAMS params {              \
        const ag_backend *table = tableOf(device, "ag_" #name);       \
        return table != nullptr ? table->name args : tableError(device); \
    }
#include "ag/ops.def"
#undef AG_OP
