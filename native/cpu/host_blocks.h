// The CPU twin's host memory (memory.cpp): 64-byte aligned blocks, with freed large blocks kept for
// reuse by size (host_blocks.cpp).
#ifndef AG_CPU_HOST_BLOCKS_H
#define AG_CPU_HOST_BLOCKS_H

#include <cstddef>

namespace ag::cpu {

// A 64-byte aligned block of at least bytes (a multiple of 64), or NULL when there is no memory.
void *acquireBlock(size_t bytes);

// Gives back a block from acquireBlock (NULL: nothing).
void releaseBlock(void *block);

} // namespace ag::cpu

#endif
