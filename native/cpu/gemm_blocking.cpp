// The GEMM engine's cache blocking for the CPU it runs on: the caches' sizes come from Linux's sysfs
// (cpu0's cache/index*/), read once, and the blocks are derived from them, so one build is blocked
// for a 512 KiB L2 on one machine and a 2 MiB L2 on the next. Where sysfs says nothing, the sizes of
// a common x86-64 core stand in. The depth kc is the micro-kernel's own (its loop and prefetch
// distance are built for it); it changes no result across thread counts, since threads never split k.
#include "ag/cpu_gemm.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace ag::cpu {
namespace {

// The size in bytes of cpu0's cache of that level and type ("Data" or "Unified"), divided by the
// number of CPUs that share it; fallback when sysfs does not say.
int64_t cacheShare(int level, const char *type, int64_t fallback) {
    for (int index = 0; index < 8; ++index) {
        char path[96], text[64] = {};
        int found = 0, cpus = 0;
        int64_t kib = 0;
        const auto read = [&](const char *name) {
            std::snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/%s", index, name);
            std::FILE *file = std::fopen(path, "r");
            if (!file) return false;
            const bool ok = std::fgets(text, sizeof text, file) != nullptr;
            std::fclose(file);
            return ok;
        };
        if (!read("level") || std::sscanf(text, "%d", &found) != 1 || found != level) continue;
        if (!read("type") || std::strncmp(text, type, std::strlen(type)) != 0) continue;
        if (!read("size") || std::sscanf(text, "%ldK", &kib) != 1 || kib <= 0) continue;
        // shared_cpu_list: ranges "0-3,8-11"; count the CPUs
        if (read("shared_cpu_list"))
            for (const char *p = text; *p && *p != '\n';) {
                int first = 0, last = 0, used = 0;
                if (std::sscanf(p, "%d%n", &first, &used) != 1) break;
                p += used;
                last = first;
                if (*p == '-' && std::sscanf(p + 1, "%d%n", &last, &used) == 1) p += 1 + used;
                cpus += last - first + 1;
                if (*p == ',') ++p;
            }
        return kib * 1024 / std::max(cpus, 1);
    }
    return fallback;
}

Blocking derive(const GemmKernel &kernel) {
    Blocking b;
    b.l1d = cacheShare(1, "Data", 32 << 10);
    b.l2 = cacheShare(2, "Unified", 512 << 10);
    b.l3 = cacheShare(3, "Unified", 4 << 20);
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
