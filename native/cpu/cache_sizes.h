// The data cache sizes of the CPU the library runs on, read once at run time, so that blocking is
// derived from the machine at hand rather than from constants tuned to one chip.
#ifndef AG_CPU_CACHE_SIZES_H
#define AG_CPU_CACHE_SIZES_H

#include <cstdint>

namespace ag::cpu {

// Bytes of one core's L1 data and L2 caches and of the last level (L3, or L2 where there is none),
// whole and as the share of one of the CPUs that use each (its size / the CPUs in shared_cpu_list).
struct CacheSizes {
    int64_t l1, l2, l3;
    int64_t l1Share, l2Share, l3Share;
};

// From AG_CPU_CACHES="L1,L2,L3" (bytes, with an optional K or M suffix: "32K,512K,32M") when set,
// else from /sys/devices/system/cpu/cpu0/cache, else from sysconf; sizes nothing reports are
// taken as 32 KiB, 256 KiB and the L2. The shares are the sizes where sysfs does not list the sharing
// CPUs (and under AG_CPU_CACHES). Fixed at first use.
const CacheSizes &cacheSizes();

} // namespace ag::cpu

#endif
