// What `autogan4j info` shows about the machine: whether CUDA answers (and why not), the device the
// commands would use (DeviceChoice, so -Dautogan4j.device applies), and a one-layer smoke run (a 3x3
// convolution at an AutoGAN shape) timed on that device.
package org.autogan4j.app;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.CudaDevice;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

public final class DeviceInfo {
    /** One timed convolution: x (n, c, side, side) -> c channels, milliseconds per run and the rate. */
    public record Smoke(Device device, int n, int c, int side, double ms, double gflops) {
    }

    private DeviceInfo() {
    }

    /** The version of the native C API this jar carries. */
    public static int nativeApiVersion() {
        return Backend.nativeApiVersion();
    }

    /** "unavailable: REASON", or the CUDA device's description. */
    public static String cuda() {
        String reason = CudaDevice.unavailableReason();
        return reason == null ? CudaDevice.describe() : "unavailable: " + reason;
    }

    /** Times a 3x3 convolution on the device the commands choose by default. */
    public static Smoke smoke() {
        Device device = DeviceChoice.resolve("auto");
        Backend backend = device.backend();
        int n = 64;
        int c = 128;
        int s = 16;
        try (Tensor x = Tensor.empty(device, n, c, s, s);
                Tensor weight = Tensor.empty(device, c, c, 3, 3);
                Tensor y = Tensor.empty(device, n, c, s, s)) {
            backend.rngNormal(x, 1L, 0L, 0f, 1f);
            backend.rngNormal(weight, 1L, 1L, 0f, 0.05f);
            backend.conv2dForward(x, weight, null, y, 1, 1, 1, 1);
            backend.synchronize();
            int runs = 5;
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                backend.conv2dForward(x, weight, null, y, 1, 1, 1, 1);
            }
            backend.synchronize();
            double ms = (System.nanoTime() - start) / 1e6 / runs;
            return new Smoke(device, n, c, s, ms, 2.0 * n * c * c * 9 * s * s / (ms * 1e6));
        }
    }
}
