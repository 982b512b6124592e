// Host blocks for tensors on the CPU. A training step frees and allocates the same activation sizes
// every step; glibc serves large blocks with fresh mappings, and the kernel zeroes every page of
// them again at first touch (a few per cent of a step). Freed blocks of kMinCachedBytes and more
// are therefore kept, by exact size, and handed out again; the kept bytes are capped at an eighth of
// the machine's memory, and a failed allocation first gives them all back. Contents of a reused
// block are whatever was there, as for any fresh allocation.
#include "host_blocks.h"

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <map>
#include <mutex>
#include <unordered_map>

namespace ag::cpu {
namespace {

constexpr size_t kMinCachedBytes = 256 << 10;

struct Blocks {
    std::mutex lock;
    std::unordered_map<void *, size_t> live; // large blocks handed out -> their size
    std::multimap<size_t, void *> kept;      // large blocks freed, by size
    size_t keptBytes = 0;
    size_t capBytes = 0;
};

Blocks &blocks() {
    static Blocks *b = [] {
        Blocks *made = new Blocks;
        const long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGESIZE);
        made->capBytes = pages > 0 && pageSize > 0 ? (size_t)pages * (size_t)pageSize / 8 : (size_t)1 << 30;
        return made;
    }();
    return *b;
}

void freeKept(Blocks &b) {
    for (auto &entry : b.kept) std::free(entry.second);
    b.kept.clear();
    b.keptBytes = 0;
}

} // namespace

void *acquireBlock(size_t bytes) {
    if (bytes < kMinCachedBytes) return std::aligned_alloc(64, bytes);
    Blocks &b = blocks();
    std::lock_guard<std::mutex> guard(b.lock);
    void *block = nullptr;
    const auto found = b.kept.find(bytes);
    if (found != b.kept.end()) {
        block = found->second;
        b.kept.erase(found);
        b.keptBytes -= bytes;
    } else {
        block = std::aligned_alloc(64, bytes);
        if (!block && !b.kept.empty()) {
            freeKept(b);
            block = std::aligned_alloc(64, bytes);
        }
    }
    if (block) b.live.emplace(block, bytes);
    return block;
}

void releaseBlock(void *block) {
    if (!block) return;
    Blocks &b = blocks();
    std::lock_guard<std::mutex> guard(b.lock);
    const auto found = b.live.find(block);
    if (found == b.live.end()) {
        std::free(block);
        return;
    }
    const size_t bytes = found->second;
    b.live.erase(found);
    if (b.keptBytes + bytes <= b.capBytes) {
        b.kept.emplace(bytes, block);
        b.keptBytes += bytes;
    } else {
        std::free(block);
    }
}

} // namespace ag::cpu
