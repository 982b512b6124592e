// The OpenMP thread count the CPU twins use, for kernels called from the calling thread (OpenMP keeps
// it per thread; the default is OMP_NUM_THREADS, else every core). Results never depend on it.
#include "ag/status.h"

#include <omp.h>

extern "C" ag_status ag_set_cpu_threads(int n) {
    AG_REQUIRE_POSITIVE(__func__, n);
    omp_set_num_threads(n);
    return AG_OK;
}

extern "C" ag_status ag_get_cpu_threads(int *n) {
    AG_REQUIRE_PTR(__func__, n);
    *n = omp_get_max_threads();
    return AG_OK;
}
