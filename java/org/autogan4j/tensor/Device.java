package org.autogan4j.tensor;

import java.util.Locale;

import org.autogan4j.nativeapi.Ag;

/**
 * Where a tensor lives and its kernels run. {@link #auto()} picks CUDA when this build has the CUDA
 * library and a driver and a GPU answer, else the CPU, and logs which and why; the system property
 * {@code autogan4j.device=cpu|cuda|auto} overrides it. Asking for CUDA where there is none is an
 * error, never a silent CPU run.
 */
public enum Device {
    CPU(Ag.AG_DEVICE_CPU),
    CUDA(Ag.AG_DEVICE_CUDA);

    /** The system property that overrides {@link #auto()}. */
    public static final String PROPERTY = "autogan4j.device";

    private static final System.Logger LOG = System.getLogger(Device.class.getName());

    private final int code;

    Device(int code) {
        this.code = code;
    }

    /** The C API's ag_device code of this device. */
    public int code() {
        return code;
    }

    /** The device chosen by {@value #PROPERTY} (default {@code auto}). */
    public static Device auto() {
        String wanted = System.getProperty(PROPERTY, "auto");
        try {
            return byName(wanted);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + "=" + wanted.trim() + " is not one of cpu, cuda, auto", e);
        }
    }

    /** The device called cpu, cuda or auto (CUDA if it answers, else the CPU); logs the choice. */
    public static Device byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        Device chosen;
        switch (wanted) {
            case "cpu":
                chosen = CPU;
                LOG.log(System.Logger.Level.INFO, "autogan4j: using the CPU ({0}=cpu)", PROPERTY);
                break;
            case "cuda":
                chosen = CUDA;
                LOG.log(System.Logger.Level.INFO, "autogan4j: using CUDA: {0}", CudaDevice.describe());
                break;
            case "auto":
                String reason = CudaDevice.unavailableReason();
                chosen = reason == null ? CUDA : CPU;
                LOG.log(System.Logger.Level.INFO, chosen == CUDA
                        ? "autogan4j: using CUDA: " + CudaDevice.describe()
                        : "autogan4j: using the CPU (" + reason + ")");
                break;
            default:
                throw new IllegalArgumentException("device \"" + wanted + "\" is not one of cpu, cuda, auto");
        }
        return chosen;
    }

    /** This device's backend (the CUDA one fails with the reason when CUDA is unavailable). */
    public Backend backend() {
        return Backend.of(this);
    }
}
