package org.autogan4j.tensor;

import java.nio.charset.StandardCharsets;

import org.autogan4j.nativeapi.Ag;

/**
 * What only CUDA has: whether a GPU answers and why not ({@link #unavailableReason()}, probed once,
 * never throwing), its name, its memory and the TF32 switch. The first GPU is initialised by the
 * probe; every CUDA op runs asynchronously on the library's one stream.
 */
public final class CudaDevice {
    private static final Object LOCK = new Object();
    private static boolean probed;
    private static String unavailable;
    private static String description;

    private CudaDevice() {
    }

    /** Why CUDA cannot be used here (no CUDA twins in this build, a driver too old, no GPU), or null. */
    public static String unavailableReason() {
        synchronized (LOCK) {
            if (!probed) {
                probed = true;
                try {
                    NativeLibrary.load();
                    description = open();
                } catch (NativeException e) {
                    unavailable = e.detail();
                } catch (IllegalStateException e) {
                    unavailable = e.getMessage();
                }
            }
            return unavailable;
        }
    }

    /** Fails with the reason where CUDA is unavailable. */
    static void require() {
        String reason = unavailableReason();
        if (reason != null) {
            throw new NativeException(NativeException.Status.NO_CUDA.ordinal(), "CUDA", reason);
        }
    }

    /** The GPU's name and compute capability; fails where CUDA is unavailable. */
    public static String describe() {
        require();
        return description;
    }

    /** {free, total} device memory in bytes; fails where CUDA is unavailable. */
    public static long[] memoryInfo() {
        require();
        long[] free = new long[1];
        long[] total = new long[1];
        TensorChecks.call(Ag.ag_cuda_mem_info(free, total), "cuda memory info");
        return new long[] {free[0], total[0]};
    }

    /**
     * Tensor cores in TF32 for gemm, linear and the convolutions ({@code true}, the default, as PyTorch
     * does for cuDNN convolutions) or strict FP32 ({@code false}, for parity tests against the CPU).
     * Process-wide; applies to the ops queued after the call.
     */
    public static void setTf32(boolean enabled) {
        require();
        TensorChecks.call(Ag.ag_cuda_set_tf32(enabled ? 1 : 0), "cuda set tf32");
    }

    private static String open() {
        int[] count = new int[1];
        TensorChecks.call(Ag.ag_cuda_device_count(count), "cuda device count");
        if (count[0] == 0) {
            throw new NativeException(NativeException.Status.NO_CUDA.ordinal(), "CUDA", Ag.ag_last_error().isEmpty()
                    ? "no CUDA driver or GPU answers on this machine" : Ag.ag_last_error());
        }
        TensorChecks.call(Ag.ag_cuda_init(0), "cuda init");
        byte[] name = new byte[256];
        int[] major = new int[1];
        int[] minor = new int[1];
        TensorChecks.call(Ag.ag_cuda_device_info(name, name.length, major, minor), "cuda device info");
        int length = 0;
        while (length < name.length && name[length] != 0) {
            length++;
        }
        return new String(name, 0, length, StandardCharsets.UTF_8) + " (sm_" + major[0] + minor[0] + ")";
    }
}
