// Reads the CPU's data cache sizes (cache_sizes.h): the override AG_CPU_CACHES for tests and
// comparisons, else Linux's sysfs description of cpu0's caches, else glibc's sysconf.
#include "cache_sizes.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace ag::cpu {
namespace {

// "512K", "32M", "65536" -> bytes; 0 when it is not a size.
int64_t parseSize(const char *text, const char **end) {
    char *rest = nullptr;
    const long long value = std::strtoll(text, &rest, 10);
    if (rest == text || value <= 0) return 0;
    int64_t bytes = value;
    if (*rest == 'K' || *rest == 'k') bytes <<= 10, ++rest;
    else if (*rest == 'M' || *rest == 'm') bytes <<= 20, ++rest;
    if (end) *end = rest;
    return bytes;
}

std::string readLine(const std::string &path) {
    char line[64] = {};
    FILE *file = std::fopen(path.c_str(), "r");
    if (!file) return "";
    const bool ok = std::fgets(line, sizeof line, file) != nullptr;
    std::fclose(file);
    if (!ok) return "";
    line[std::strcspn(line, "\n")] = '\0';
    return line;
}

// The CPUs a shared_cpu_list names ("0-3,8-11" -> 8); 1 when it is empty.
int64_t countCpus(const std::string &list) {
    int64_t cpus = 0;
    for (const char *p = list.c_str(); *p;) {
        int first = 0, last = 0, used = 0;
        if (std::sscanf(p, "%d%n", &first, &used) != 1) break;
        p += used;
        last = first;
        if (*p == '-' && std::sscanf(p + 1, "%d%n", &last, &used) == 1) p += 1 + used;
        cpus += last - first + 1;
        if (*p == ',') ++p;
    }
    return std::max<int64_t>(cpus, 1);
}

// cpu0's data and unified caches by level, from /sys/devices/system/cpu/cpu0/cache/index*/.
void readSysfs(CacheSizes &sizes) {
    for (int index = 0; index < 8; ++index) {
        const std::string dir = "/sys/devices/system/cpu/cpu0/cache/index" + std::to_string(index) + "/";
        const std::string type = readLine(dir + "type"), level = readLine(dir + "level");
        if (type.empty() || level.empty()) break;
        if (type == "Instruction") continue;
        const int64_t bytes = parseSize(readLine(dir + "size").c_str(), nullptr);
        const int64_t share = bytes / countCpus(readLine(dir + "shared_cpu_list"));
        if (level == "1") sizes.l1 = bytes, sizes.l1Share = share;
        if (level == "2") sizes.l2 = bytes, sizes.l2Share = share;
        if (level == "3") sizes.l3 = bytes, sizes.l3Share = share;
    }
}

void readSysconf(CacheSizes &sizes) {
    if (!sizes.l1) sizes.l1 = std::max<long>(0, sysconf(_SC_LEVEL1_DCACHE_SIZE));
    if (!sizes.l2) sizes.l2 = std::max<long>(0, sysconf(_SC_LEVEL2_CACHE_SIZE));
    if (!sizes.l3) sizes.l3 = std::max<long>(0, sysconf(_SC_LEVEL3_CACHE_SIZE));
}

// AG_CPU_CACHES="L1,L2,L3"; false (sizes untouched) unless all three parse.
bool readOverride(CacheSizes &sizes) {
    const char *text = std::getenv("AG_CPU_CACHES");
    if (!text) return false;
    int64_t parsed[3];
    for (int i = 0; i < 3; ++i) {
        const char *end = text;
        parsed[i] = parseSize(text, &end);
        if (!parsed[i] || (i < 2 && *end != ',') || (i == 2 && *end != '\0')) return false;
        text = end + 1;
    }
    sizes = {parsed[0], parsed[1], parsed[2], parsed[0], parsed[1], parsed[2]};
    return true;
}

CacheSizes detect() {
    CacheSizes sizes = {0, 0, 0, 0, 0, 0};
    if (readOverride(sizes)) return sizes;
    readSysfs(sizes);
    readSysconf(sizes);
    if (!sizes.l1) sizes.l1 = 32 << 10;
    if (!sizes.l2) sizes.l2 = 256 << 10;
    if (!sizes.l3) sizes.l3 = sizes.l2;
    if (!sizes.l1Share) sizes.l1Share = sizes.l1;
    if (!sizes.l2Share) sizes.l2Share = sizes.l2;
    if (!sizes.l3Share) sizes.l3Share = sizes.l3;
    return sizes;
}

} // namespace

const CacheSizes &cacheSizes() {
    static const CacheSizes sizes = detect();
    return sizes;
}

} // namespace ag::cpu
