// The CUDA library's error reporting without a kernel: cleanUpAfterFailure (scratch.cuh) keeps the
// first failure's message when the clean-up fails too, and ag_cuda_device_count, where it finds no
// usable GPU (count 0), leaves one of no_device_reason.h's reasons in ag_last_error(). On a machine
// with a GPU the second part checks only that the count call succeeds. Exit 0 = pass, 1 = fail.
#include "scratch.cuh"

#include <cstdio>
#include <cstring>

int main() {
    int failures = 0;
    (void)ag_fail(AG_ERR_CUDA, "first: an illegal memory access");
    ag::cuda::cleanUpAfterFailure([] { return ag_fail(AG_ERR_CUDA, "second: the free failed too"); });
    if (std::strcmp(ag_last_error(), "first: an illegal memory access") != 0) {
        std::printf("FAIL: after a failed clean-up the last error is \"%s\", not the first failure\n", ag_last_error());
        ++failures;
    }
    int count = -1;
    if (ag_cuda_device_count(&count) != AG_OK) {
        std::printf("FAIL: ag_cuda_device_count failed: %s\n", ag_last_error());
        ++failures;
    } else if (count == 0) {
        const char *reason = ag_last_error();
        std::printf("no usable GPU here: %s\n", reason);
        const char *reasons[] = {"no NVIDIA driver is installed", "older than this build's CUDA", "stub",
                                 "sees no GPU"};
        bool known = false;
        for (const char *r : reasons) known = known || std::strstr(reason, r) != nullptr;
        if (!known || std::strstr(reason, "ag_cuda_device_count: no CUDA device: ") != reason) {
            std::printf("FAIL: count 0 without one of no_device_reason.h's reasons\n");
            ++failures;
        }
    } else {
        std::printf("%d CUDA device(s) here\n", count);
    }
    std::printf(failures == 0 ? "PASS\n" : "%d check(s) failed\n", failures);
    return failures == 0 ? 0 : 1;
}
