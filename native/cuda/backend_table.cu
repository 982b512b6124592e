// The CUDA twins' op table: every ag_cuda_<op> of ag/ops.def, in the list's order (see ag/backend.h).
#include "ag/backend.h"

namespace {
const ag_backend kCudaBackend = {
#define AG_OP(family, name, params, args) ag_cuda_##name,
#include "ag/ops.def"
#undef AG_OP
};
}  // namespace

extern "C" const ag_backend *ag_cuda_backend(void) { return &kCudaBackend; }
