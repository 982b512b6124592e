// `autogan4j info`: the native library's version, whether CUDA answers, which device the commands use
// (auto, or -Dautogan4j.device) and a timed smoke run of one convolution there (app.DeviceInfo).
package org.autogan4j.cli;

import java.util.concurrent.Callable;

import org.autogan4j.app.DeviceInfo;

import picocli.CommandLine.Command;

@Command(name = "info", mixinStandardHelpOptions = true, description = "Device, native library and a timed smoke run of one convolution.")
final class InfoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("autogan4j native API version " + DeviceInfo.nativeApiVersion());
        System.out.println("CUDA: " + DeviceInfo.cuda());
        DeviceInfo.Smoke smoke = DeviceInfo.smoke();
        System.out.println("device: " + smoke.device());
        System.out.printf("smoke: conv2d 3x3 (%d,%d,%d,%d) -> %d channels: %.2f ms, %.1f GFLOP/s%n", smoke.n(),
                smoke.c(), smoke.side(), smoke.side(), smoke.c(), smoke.ms(), smoke.gflops());
        return 0;
    }
}
