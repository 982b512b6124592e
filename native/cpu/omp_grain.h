// The smallest amount of work (elements touched) worth an OpenMP team in the CPU twins: below it
// the team's start-up costs more than the loop, so the loops run on the calling thread.
#ifndef AG_CPU_OMP_GRAIN_H
#define AG_CPU_OMP_GRAIN_H

#include <cstdint>

constexpr int64_t kOmpGrain = 32768;

#endif
