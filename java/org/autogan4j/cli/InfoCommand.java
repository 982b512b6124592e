// `autogan4j info`: which device Device.auto() picks and why, the native library's version, and a
// one-layer smoke run (a 3x3 convolution at an AutoGAN shape) timed on that device.
package org.autogan4j.cli;

import java.util.concurrent.Callable;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.CudaDevice;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

import picocli.CommandLine.Command;

@Command(name = "info", description = "Device, native library and a timed smoke run of one convolution.")
final class InfoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("autogan4j native API version " + Backend.nativeApiVersion());
        String cudaReason = CudaDevice.unavailableReason();
        System.out.println("CUDA: " + (cudaReason == null ? CudaDevice.describe() : "unavailable: " + cudaReason));
        Device device = Device.auto();
        System.out.println("device: " + device);
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
            double gflops = 2.0 * n * c * c * 9 * s * s / (ms * 1e6);
            System.out.printf("smoke: conv2d 3x3 (%d,%d,%d,%d) -> %d channels: %.2f ms, %.1f GFLOP/s%n", n, c, s, s, c,
                    ms, gflops);
        }
        return 0;
    }
}
