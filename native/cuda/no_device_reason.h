// Why the CUDA runtime found no usable GPU, in words that say what to do: no driver at all, a driver
// older than the runtime this library was built with, the toolkit's stub in place of the driver, or
// a driver that sees no GPU. Plain C++ (the runtime's error numbers are spelled out, device.cu checks
// them against cudart's enum) so that native/tests can check every message without CUDA.
#ifndef AG_CUDA_NO_DEVICE_REASON_H
#define AG_CUDA_NO_DEVICE_REASON_H

#include <cstddef>
#include <cstdio>

namespace ag::cuda {

// cudaErrorStubLibrary, cudaErrorInsufficientDriver, cudaErrorNoDevice.
constexpr int kErrorStubLibrary = 34, kErrorInsufficientDriver = 35, kErrorNoDevice = 100;

// Answers that mean "this machine has no usable GPU" rather than a failure.
inline bool isNoDeviceError(int error) {
    return error == kErrorStubLibrary || error == kErrorInsufficientDriver || error == kErrorNoDevice;
}

// Writes the reason for error (one of isNoDeviceError's) into out (capacity bytes). driverVersion is
// cudaDriverGetVersion's answer (0 when no driver is installed), runtimeVersion is CUDART_VERSION;
// both are 1000 * major + 10 * minor.
inline void noDeviceReason(int error, int driverVersion, int runtimeVersion, char *out, size_t capacity) {
    const int runtimeMajor = runtimeVersion / 1000, runtimeMinor = runtimeVersion % 1000 / 10;
    if (error == kErrorNoDevice) {
        std::snprintf(out, capacity, "the NVIDIA driver (CUDA %d.%d) sees no GPU: none is installed or visible "
                      "(check nvidia-smi and CUDA_VISIBLE_DEVICES)", driverVersion / 1000, driverVersion % 1000 / 10);
    } else if (error == kErrorStubLibrary) {
        std::snprintf(out, capacity, "the libcuda.so.1 found is the CUDA toolkit's stub, not the NVIDIA driver: "
                      "install the driver or put its libcuda.so.1 ahead of the stub on the library path");
    } else if (driverVersion == 0) {
        std::snprintf(out, capacity, "no NVIDIA driver is installed (libcuda.so.1 cannot be loaded): this machine "
                      "has no usable GPU");
    } else {
        std::snprintf(out, capacity, "the NVIDIA driver is older than this build's CUDA %d runtime (the driver "
                      "supports CUDA %d.%d, the runtime needs %d.%d): update the driver", runtimeMajor,
                      driverVersion / 1000, driverVersion % 1000 / 10, runtimeMajor, runtimeMinor);
    }
}

}  // namespace ag::cuda

#endif
