package org.autogan4j.tensor;

import org.autogan4j.nativeapi.Ag;

/** What only the CPU has: the OpenMP thread count of the CPU twins (results never depend on it). */
public final class CpuDevice {
    private CpuDevice() {
    }

    /** Sets the OpenMP thread count for kernels called from the current thread (threads >= 1). */
    public static void setThreads(int threads) {
        NativeLibrary.load();
        TensorChecks.call(Ag.ag_set_cpu_threads(threads), "setThreads(" + threads + ")");
    }

    /** The OpenMP thread count for kernels called from the current thread. */
    public static int threads() {
        NativeLibrary.load();
        int[] threads = new int[1];
        TensorChecks.call(Ag.ag_get_cpu_threads(threads), "threads");
        return threads[0];
    }
}
