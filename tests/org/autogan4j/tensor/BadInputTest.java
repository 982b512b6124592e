// Bad arguments must end in a clear exception, never a JVM crash: wrong shapes for each op family,
// CUDA asked for where there is none, closed and null tensors, views of closed tensors, sizes that
// overflow, Java arrays of the wrong length, and the native library's own checks (status 1 and an
// ag_last_error that names the function) when it is called directly with a null pointer or n < 0.
package org.autogan4j.tensor;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.autogan4j.nativeapi.Ag;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class BadInputTest {
    private static final Backend CPU = Device.CPU.backend();

    /** Runs call, expects type, and checks that the message contains every fragment. */
    private static <T extends Throwable> T assertFailsNaming(Class<T> type, Executable call, String... fragments) {
        T thrown = assertThrows(type, call);
        String message = String.valueOf(thrown.getMessage());
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "message \"" + message + "\" should contain \"" + fragment + "\"");
        }
        return thrown;
    }

    @Test
    void wrongShapesNameTheOpTheArgumentAndTheExpectation() {
        try (Tensors t = new Tensors()) {
            Tensor x = t.zeros(2, 3, 6, 6);
            Tensor y = t.zeros(2, 4, 6, 6);
            Tensor c = t.zeros(3);
            assertAll(
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.conv2dForward(x, t.zeros(4, 2, 3, 3), null, y, 1, 1, 1, 1), "conv2dForward",
                        "3 channels"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.conv2dForward(t.zeros(2, 3, 6), t.zeros(4, 3, 3, 3), null, y, 1, 1, 1, 1),
                        "conv2dForward", "x", "rank 4"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.conv2dForward(x, t.zeros(4, 3, 3, 3), null, t.zeros(2, 4, 5, 5), 1, 1, 1, 1),
                        "conv2dForward",
                        "y has shape [2, 4, 5, 5]", "[2, 4, 6, 6]"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.conv2dForward(x, t.zeros(4, 3, 9, 9), null, y, 1, 1, 0, 0), "conv2dForward",
                        "kernel 9x9 with padding 0x0 does not fit"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.conv2dForward(x, t.zeros(4, 3, 3, 3), null, t.zeros(2, 4, 3, 3), 0, 2, 1, 1),
                        "conv2dForward", "stride 0x2 must be >= 1"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.conv2dBackwardData(t.zeros(2, 4, 3, 3), t.zeros(4, 3, 3, 3), x, 2, -1, 1, 1),
                        "conv2dBackwardData", "stride 2x-1 must be >= 1"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.conv2dBackwardWeight(x, t.zeros(2, 4, 3, 3), t.zeros(4, 3, 3, 3), null, 2, 2, 1, -1),
                        "conv2dBackwardWeight", "padding 1x-1 must be >= 0"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.conv2dForward(x, t.zeros(4, 3, 3, 3), null, t.zeros(2, 4, 6, 6), 2, 2, 1, 1),
                        "conv2dForward", "y has shape [2, 4, 6, 6]", "[2, 4, 3, 3]"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.conv2dForward(x, t.zeros(4, 3, 1, 7), null, y, 1, 1, 3, 0), "conv2dForward",
                        "kernel 1x7 with padding 3x0 does not fit"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.convTranspose2dForward(x, t.zeros(3, 4, 3, 3), null, t.zeros(2, 4, 12, 12)),
                        "convTranspose2dForward", "weight", "(c, k, 2, 2)"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.linearForward(t.zeros(5, 7), t.zeros(3, 6), null, t.zeros(5, 3)), "linearForward",
                        "x has shape [5, 7]", "[5, 6]"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.gemm(false, false, 1f, t.zeros(4, 5), t.zeros(6, 3), 0f, t.zeros(4, 3)), "gemm",
                        "op(a) is 4x5", "op(b) is 6x3"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.upsampleForward(x, t.zeros(2, 4, 12, 12), UpsampleMode.NEAREST), "upsampleForward",
                        "y has shape"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.batchNorm2dForwardTrain(x, t.zeros(4), c, t.zeros(2, 3, 6, 6), c, c, null, null,
                                1e-5f, 0.1f), "batchNorm2dForwardTrain", "gamma has shape [4]"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.batchNorm2dForwardTrain(x, c, c, t.zeros(2, 3, 6, 6), c, c, c, null, 1e-5f, 0.1f),
                        "batchNorm2dForwardTrain", "runningMean and runningVar"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.instanceNorm2dForward(x, t.zeros(2, 3, 6, 6), t.zeros(3), t.zeros(2, 3), 1e-5f),
                        "instanceNorm2dForward", "saveMean"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.avgPool2dForward(t.zeros(1, 1, 5, 4), t.zeros(1, 1, 2, 2)), "avgPool2dForward",
                        "even"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.sumHwForward(x, t.zeros(3, 2)), "sumHwForward", "y has shape [3, 2]"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.hingeLossForward(t.zeros(8), t.zeros(2), HingeKind.REAL), "hingeLossForward", "loss"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.spectralNormForward(t.zeros(4, 3, 3, 3), t.zeros(5), t.zeros(27), t.zeros(4, 3, 3, 3),
                                t.zeros(1), true, 1e-12f), "spectralNormForward", "u has shape [5]"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.adamStep(t.zeros(10), t.zeros(10), t.zeros(9), t.zeros(10), 1e-3f, 0.5f, 0.999f,
                                1e-8f, 1), "adamStep", "same number of elements"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.adamStep(t.zeros(10), t.zeros(10), t.zeros(10), t.zeros(10), 1e-3f, 0.5f, 0.999f,
                                1e-8f, 0), "adamStep", "step = 0"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.emaUpdate(t.zeros(10), t.zeros(11), 0.999f), "emaUpdate", "same number"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.add(t.zeros(4), t.zeros(4), t.zeros(5)), "add", "b"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.reluForward(t.zeros(4), t.zeros(3)), "reluForward", "same number"),
                () -> assertFailsNaming(IllegalArgumentException.class,
                        () -> CPU.rngUniform(t.zeros(4), 1, 0, 2f, 1f), "rngUniform", "must be <= high"));
        }
    }

    @Test
    void cudaWithoutAGpuIsAClearError() {
        String reason = CudaDevice.unavailableReason();
        Assumptions.assumeTrue(reason != null, "CUDA is available here; this test is about its absence");
        NativeException noBackend = assertThrows(NativeException.class, Device.CUDA::backend);
        assertEquals(NativeException.Status.NO_CUDA, noBackend.status());
        assertTrue(noBackend.getMessage().contains(reason), noBackend.getMessage());
        NativeException noTensor = assertThrows(NativeException.class, () -> Tensor.zeros(Device.CUDA, 4));
        assertEquals(NativeException.Status.NO_CUDA, noTensor.status());
        try (Tensors t = new Tensors()) {
            Tensor x = t.zeros(4);
            NativeException noCopy = assertThrows(NativeException.class, () -> x.copyTo(Device.CUDA));
            assertEquals(NativeException.Status.NO_CUDA, noCopy.status());
        }
    }

    @Test
    void closedAndNullTensorsAreRefused() {
        try (Tensors t = new Tensors()) {
            Tensor y = t.zeros(4);
            Tensor closed = Tensor.zeros(Device.CPU, 4);
            closed.close();
            assertTrue(closed.isClosed());
            assertFailsNaming(IllegalStateException.class, () -> CPU.reluForward(closed, y), "reluForward", "x",
                    "closed");
            assertFailsNaming(IllegalStateException.class, closed::toArray, "closed");
            assertFailsNaming(IllegalStateException.class, closed::address, "closed");
            assertFailsNaming(IllegalArgumentException.class, () -> CPU.reluForward(null, y), "reluForward",
                    "x must not be null");
            assertFailsNaming(IllegalArgumentException.class,
                    () -> CPU.conv2dForward(t.zeros(1, 1, 3, 3), null, null, t.zeros(1, 1, 3, 3), 1, 1, 1, 1),
                    "conv2dForward",
                    "weight must not be null");
            assertFailsNaming(IllegalArgumentException.class, () -> y.copyFrom((Tensor) null), "copy", "src");
            assertFailsNaming(IllegalStateException.class, () -> y.copyFrom(closed), "copy", "src");
        }
    }

    @Test
    void closingTwiceIsHarmlessAndViewsFollowTheirOwner() {
        Tensor owner = Tensor.of(Device.CPU, new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor view = owner.view(3, 2);
        view.close();
        assertEquals(6f, owner.toArray()[5], "closing a view must not free its owner's memory");
        owner.close();
        assertDoesNotThrow(owner::close, "a second close must be a no-op, not a double free");
        assertTrue(view.isClosed(), "a view of a closed tensor reports closed");
        assertFailsNaming(IllegalStateException.class, view::toArray, "closed");
        assertFailsNaming(IllegalStateException.class, () -> owner.view(6), "closed");
        try (Tensor other = Tensor.zeros(Device.CPU, 6)) {
            assertFailsNaming(IllegalStateException.class, () -> CPU.copy(other, view), "copy", "x", "closed");
            assertFailsNaming(IllegalArgumentException.class, () -> other.view(4, 2), "cannot view", "[4, 2]");
        }
    }

    @Test
    void sizesThatOverflowAreRefusedBeforeAllocating() {
        assertFailsNaming(IllegalArgumentException.class, () -> Shape.of(1 << 30, 1 << 30, 1 << 30),
                "too many elements");
        assertFailsNaming(IllegalArgumentException.class, () -> Shape.of(3, 0, 2), "dimension 1", "is 0");
        assertFailsNaming(IllegalArgumentException.class, () -> Shape.of(-4), "is -4");
        assertFailsNaming(IllegalArgumentException.class, Shape::of, "at least one dimension");
        Shape huge = Shape.of(1 << 16, 1 << 16);
        assertEquals(1L << 32, huge.numel());
        assertFailsNaming(IllegalArgumentException.class, () -> huge.numelAsInt("x"), "x has 4294967296 elements");
        NativeException tooBig = assertFailsNaming(NativeException.class,
                () -> Tensor.empty(Device.CPU, Shape.of(1 << 30, 1 << 30)), "4611686018427387904 bytes");
        assertEquals(NativeException.Status.OUT_OF_MEMORY, tooBig.status());
    }

    @Test
    void javaArraysOfTheWrongLengthAreRefused() {
        assertFailsNaming(IllegalArgumentException.class, () -> Tensor.of(Device.CPU, new float[5], 2, 3),
                "data has 5 elements", "[2, 3]", "6");
        assertFailsNaming(IllegalArgumentException.class, () -> Tensor.of(Device.CPU, null, 2), "no elements");
        try (Tensor t = Tensor.zeros(Device.CPU, 2, 3)) {
            assertFailsNaming(IllegalArgumentException.class, () -> t.copyFrom(new float[7]), "7 elements", "[2, 3]");
            assertFailsNaming(IllegalArgumentException.class, () -> t.copyFrom((float[]) null), "null");
        }
    }

    @Test
    void theNativeLibraryChecksItsOwnArguments() {
        try (Tensor y = Tensor.zeros(Device.CPU, 8)) {
            assertNativeRefusal(Ag.ag_fill(Ag.AG_DEVICE_CPU, 0L, 8, 1f), "ag_fill", "y");
            assertNativeRefusal(Ag.ag_fill(Ag.AG_DEVICE_CPU, y.address(), -1, 1f), "ag_fill", "-1");
            assertNativeRefusal(Ag.ag_copy(Ag.AG_DEVICE_CPU, y.address(), 0L, 8), "ag_copy", "x");
            assertNativeRefusal(Ag.ag_relu_forward(Ag.AG_DEVICE_CPU, y.address(), y.address(), -1), "ag_relu_forward", "-1");
            assertNativeRefusal(Ag.ag_sum_hw_forward(Ag.AG_DEVICE_CPU, y.address(), 0L, 1, 2, 2, 2), "ag_sum_hw_forward", "y");
            assertNativeRefusal(Ag.ag_rng_uniform(Ag.AG_DEVICE_CPU, y.address(), -1, 0, 0, 0f, 1f), "ag_rng_uniform", "-1");
            assertNativeRefusal(Ag.ag_set_cpu_threads(0), "ag_set_cpu_threads", "0");
            assertFailsNaming(NativeException.class, () -> CpuDevice.setThreads(-2), "setThreads",
                    "ag_set_cpu_threads");
            float[] untouched = y.toArray();
            assertEquals(0f, untouched[0], "a refused call must not have written anything");
        }
    }

    private static void assertNativeRefusal(int status, String function, String argument) {
        String message = Ag.ag_last_error();
        assertEquals(1, status, "status of " + function + " (1 = AG_ERR_INVALID_ARGUMENT); last error: " + message);
        assertTrue(message.contains(function) && message.contains(argument),
                "ag_last_error \"" + message + "\" should name " + function + " and " + argument);
    }
}
