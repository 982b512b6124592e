// Checks the determinism promise of kernels.h: a CPU kernel gives bit-identical results whatever
// the number of OpenMP threads. Runs the same computation with 1, 2 and 3 threads (3 catches a
// split that happens to coincide for 1 and 2) and restores the caller's thread count afterwards.
package org.autogan4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Supplier;

import org.autogan4j.nativeapi.Ag;
import org.autogan4j.tensor.CpuDevice;

public final class Determinism {
    /** The thread counts compared; the first is the reference. */
    private static final int[] THREAD_COUNTS = {1, 2, 3};

    private Determinism() {
    }

    /** Fails unless run gives the same bits (every output array) for every thread count. */
    public static void assertThreadCountIndependent(String what, Supplier<float[][]> run) {
        int[] saved = new int[1];
        assertEquals(0, Ag.ag_get_cpu_threads(saved), "ag_get_cpu_threads");
        try {
            float[][] reference = null;
            for (int threads : THREAD_COUNTS) {
                CpuDevice.setThreads(threads);
                float[][] outputs = run.get();
                if (reference == null) {
                    reference = outputs;
                    for (int i = 0; i < outputs.length; i++) {
                        Tensors.assertAllFinite(outputs[i], what + " output " + i + " with 1 thread");
                    }
                    continue;
                }
                assertEquals(reference.length, outputs.length, what + ": number of outputs");
                for (int i = 0; i < outputs.length; i++) {
                    Tensors.assertBitIdentical(reference[i], outputs[i], what + " output " + i + " with " + threads
                            + " threads vs 1 thread");
                }
            }
        } finally {
            CpuDevice.setThreads(saved[0]);
        }
    }
}
