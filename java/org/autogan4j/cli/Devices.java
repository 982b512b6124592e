// The --device flag of the commands: auto (Device.auto(): CUDA when present, else the CPU; the system
// property autogan4j.device applies), cpu, or cuda (an error naming the reason where CUDA is missing).
package org.autogan4j.cli;

import java.util.Locale;

import org.autogan4j.tensor.CudaDevice;
import org.autogan4j.tensor.Device;

final class Devices {
    private Devices() {
    }

    static Device parse(String flag) {
        switch (flag.trim().toLowerCase(Locale.ROOT)) {
            case "auto":
                return Device.auto();
            case "cpu":
                return Device.CPU;
            case "cuda":
                String reason = CudaDevice.unavailableReason();
                if (reason != null) {
                    throw new IllegalArgumentException("--device cuda, but CUDA is unavailable: " + reason
                            + "; use --device cpu");
                }
                return Device.CUDA;
            default:
                throw new IllegalArgumentException("--device " + flag + " is not one of auto, cpu, cuda");
        }
    }
}
