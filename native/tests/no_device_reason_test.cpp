// Checks the words native/cuda/no_device_reason.h gives each way of having no usable GPU: no driver,
// a driver older than the CUDA 13 runtime, the toolkit's stub library, a driver that sees no GPU.
// Exit 0 = pass, 1 = fail.
#include "no_device_reason.h"

#include <cstdio>
#include <cstring>
#include <initializer_list>

namespace {

int failures = 0;

// The reason for (error, driverVersion) with the CUDA 13.0 runtime must contain every one of wanted.
void expect(int error, int driverVersion, const char *what, std::initializer_list<const char *> wanted) {
    char reason[512];
    ag::cuda::noDeviceReason(error, driverVersion, 13000, reason, sizeof reason);
    for (const char *text : wanted) {
        if (std::strstr(reason, text) == nullptr) {
            std::printf("FAIL: %s: \"%s\" lacks \"%s\"\n", what, reason, text);
            ++failures;
        }
    }
    std::printf("%s: %s\n", what, reason);
}

}  // namespace

int main() {
    using namespace ag::cuda;
    expect(kErrorInsufficientDriver, 0, "no driver", {"no NVIDIA driver is installed", "libcuda.so.1"});
    expect(kErrorInsufficientDriver, 12040, "old driver",
           {"the NVIDIA driver is older than this build's CUDA 13 runtime", "supports CUDA 12.4", "needs 13.0",
            "update the driver"});
    expect(kErrorStubLibrary, 13000, "stub", {"stub", "not the NVIDIA driver"});
    expect(kErrorNoDevice, 13000, "no GPU", {"sees no GPU", "CUDA 13.0", "nvidia-smi"});
    if (!isNoDeviceError(kErrorNoDevice) || !isNoDeviceError(kErrorInsufficientDriver) ||
        !isNoDeviceError(kErrorStubLibrary) || isNoDeviceError(2)) {
        std::printf("FAIL: isNoDeviceError takes exactly 34, 35 and 100\n");
        ++failures;
    }
    std::printf(failures == 0 ? "PASS\n" : "%d check(s) failed\n", failures);
    return failures == 0 ? 0 : 1;
}
