// The CPU twins' op table: every ag_cpu_<op> of ag/ops.def, in the list's order (see ag/backend.h).
#include "ag/backend.h"

extern "C" const ag_backend ag_cpu_backend = {
#define AG_OP(family, name, params, args) ag_cpu_##name,
#include "ag/ops.def"
#undef AG_OP
};
