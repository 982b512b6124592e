// The one place every command turns its device setting into a Device: cpu, cuda, or auto, where auto
// follows the system property autogan4j.device when it is set (so -Dautogan4j.device=cuda means cuda
// for search, train, eval, sample, fid-stats, train-scorer and info alike), else CUDA when it answers,
// else the CPU. Asking for CUDA (by flag, setting or property) where it is missing is the same
// one-line refusal everywhere, naming where the request came from and why CUDA is unavailable.
package org.autogan4j.app;

import java.util.Locale;

import org.autogan4j.tensor.CudaDevice;
import org.autogan4j.tensor.Device;

public final class DeviceChoice {
    private DeviceChoice() {
    }

    /** Checks that setting names a device (auto, cpu, cuda), without touching any device. */
    static String check(String name, String setting) {
        return SettingChecks.oneOf(name, setting, "auto", "cpu", "cuda");
    }

    /** The device for setting (auto, cpu, cuda; from --device or a run's settings). */
    public static Device resolve(String setting) {
        String wanted = check("device", setting);
        String source = "--device " + wanted;
        if (wanted.equals("auto")) {
            String property = System.getProperty(Device.PROPERTY);
            if (property != null && !property.isBlank()) {
                wanted = check("-D" + Device.PROPERTY, property);
                source = "-D" + Device.PROPERTY + "=" + property.trim().toLowerCase(Locale.ROOT);
            }
        }
        if (wanted.equals("cuda")) {
            String reason = CudaDevice.unavailableReason();
            if (reason != null) {
                throw new IllegalArgumentException(source + " asks for CUDA, but CUDA is unavailable: " + reason
                        + "; use --device cpu (and no -D" + Device.PROPERTY + "=cuda)");
            }
        }
        return wanted.equals("cpu") ? Device.CPU : wanted.equals("cuda") ? Device.CUDA : Device.byName("auto");
    }
}
