// The GEMM engine's cache blocking for the CPU it runs on: the blocks are derived from each cache's
// share of one CPU (cache_sizes.h: sysfs, or AG_CPU_CACHES), so one build is blocked for a 512 KiB L2
// on one machine and a 2 MiB L2 on the next. The depth kc is the micro-kernel's own (its loop and
// prefetch distance are built for it); it changes no result across thread counts, since threads never
// split k.
#include "ag/cpu_gemm.h"
#include "cache_sizes.h"

#include <algorithm>

namespace ag::cpu {
namespace {

Blocking derive(const GemmKernel &kernel) {
    Blocking b;
    const CacheSizes &caches = cacheSizes();
    b.l1d = caches.l1Share;
    b.l2 = caches.l2Share;
    b.l3 = caches.l3Share;
    const int64_t kcBytes = (int64_t)kernel.kc * sizeof(float);
    // In L2, reused by every column panel: a k block of a whole packed A in half of it, or else a
    // packed block of A in a quarter; a strip of C, reused across the k blocks, in a quarter.
    b.blockAFloats = b.l2 / 2 / sizeof(float);
    b.stripCFloats = b.l2 / 4 / sizeof(float);
    b.mc = (int)std::max<int64_t>(kernel.mr, b.l2 / 4 / kcBytes / kernel.mr * kernel.mr);
    // A block of B in half of this core's share of L3, at most a few thousand columns.
    b.nc = (int)std::clamp<int64_t>(b.l3 / 2 / kcBytes / kernel.nr * kernel.nr, kernel.nr, 4096 / kernel.nr * kernel.nr);
    return b;
}

} // namespace

const Blocking &blocking() {
    static const Blocking b = derive(gemmKernel());
    return b;
}

} // namespace ag::cpu
