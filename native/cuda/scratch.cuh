// A temporary device buffer for one CUDA twin's call (index tables, per-block partial sums):
// taken from the stream-ordered pool through ag_cuda_alloc and given back with ag_cuda_free on
// the same stream, so the kernels queued before the release still see it and steady-state calls
// reuse pooled memory instead of asking the driver. Also cleanUpAfterFailure, which frees on an
// error path without hiding that error.
#ifndef AG_CUDA_SCRATCH_CUH
#define AG_CUDA_SCRATCH_CUH

#include "common.cuh"

#include <cstdio>

namespace ag::cuda {

// Runs cleanUp (a callable returning ag_status) on a path that is already failing, keeping that
// failure's message as ag_last_error(): after a sticky error (an illegal address, say) every later
// CUDA call fails too, and the free's own message would otherwise replace the cause.
template <class CleanUp>
void cleanUpAfterFailure(CleanUp cleanUp) {
    char first[1024];
    std::snprintf(first, sizeof first, "%s", ag_last_error());
    if (cleanUp() != AG_OK) (void)ag_fail(AG_ERR_CUDA, "%s", first);
}

class Scratch {
public:
    explicit Scratch(const char *function) : function_(function) {}
    Scratch(const Scratch &) = delete;
    Scratch &operator=(const Scratch &) = delete;
    // An early return (a failed launch) still gives the block back, keeping the launch's error.
    ~Scratch() {
        if (address_ != 0) cleanUpAfterFailure([this] { return ag_cuda_free(address_); });
    }

    // Takes bytes; on failure the message names the op and ag_cuda_alloc's reason (bytes, free).
    ag_status allocate(int64_t bytes) {
        ag_status status = ag_cuda_alloc(bytes, &address_);
        if (status == AG_OK) return AG_OK;
        address_ = 0;
        char reason[768];
        std::snprintf(reason, sizeof reason, "%s", ag_last_error());
        return ag_fail(status, "%s: scratch buffer: %s", function_, reason);
    }

    // The buffer from byte offset on, as T (offset a multiple of alignof(T)).
    template <class T>
    T *at(int64_t offset) const {
        return reinterpret_cast<T *>((uintptr_t)address_ + (uintptr_t)offset);
    }

    // Gives the block back once the queued kernels have run.
    ag_status release() {
        int64_t address = address_;
        address_ = 0;
        return ag_cuda_free(address);
    }

private:
    const char *function_;
    int64_t address_ = 0;
};

}  // namespace ag::cuda

// Runs `call` (an ag_status expression) and returns its status from the enclosing function on failure.
#define AG_CUDA_TRY(call)                                   \
    do {                                                    \
        ag_status agTryStatus = (call);                     \
        if (agTryStatus != AG_OK) return agTryStatus;       \
    } while (0)

#endif
