// Device selection through -Dautogan4j.device (cpu, cuda, auto, and a bogus value) and the basic
// life of a CPU tensor: float[] round trips (NaN, -0, infinities, subnormals kept bit for bit),
// copyTo making an independent copy, and view sharing its owner's memory.
package org.autogan4j.tensor;

import static org.autogan4j.testing.Tensors.assertBitIdentical;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;

import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DeviceTest {
    /** Runs choose with autogan4j.device set to value, restoring the property afterwards. */
    private static <T> T withDeviceProperty(String value, Supplier<T> choose) {
        String saved = System.getProperty(Device.PROPERTY);
        System.setProperty(Device.PROPERTY, value);
        try {
            return choose.get();
        } finally {
            if (saved == null) {
                System.clearProperty(Device.PROPERTY);
            } else {
                System.setProperty(Device.PROPERTY, saved);
            }
        }
    }

    @Test
    void cpuPropertyChoosesTheCpu() {
        assertEquals(Device.CPU, withDeviceProperty("cpu", Device::auto));
        assertEquals(Device.CPU, withDeviceProperty(" CPU ", Device::auto), "the property is trimmed, any case");
        assertEquals(Device.CPU, Device.CPU.backend().device());
    }

    @Test
    void bogusPropertyIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withDeviceProperty("bogus", Device::auto));
        assertTrue(e.getMessage().contains("autogan4j.device=bogus") && e.getMessage().contains("cpu, cuda, auto"),
                e.getMessage());
    }

    @Test
    void cudaPropertyWithoutAGpuSaysWhy() {
        String reason = CudaDevice.unavailableReason();
        Assumptions.assumeTrue(reason != null, "CUDA is available here; this test is about its absence");
        assertTrue(reason.length() > 10, "the reason should say something: " + reason);
        NativeException e = assertThrows(NativeException.class, () -> withDeviceProperty("cuda", Device::auto));
        assertEquals(NativeException.Status.NO_CUDA, e.status());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertEquals(e.getMessage().indexOf("failed (NO_CUDA)"), e.getMessage().lastIndexOf("failed (NO_CUDA)"),
                "the status is said once: " + e.getMessage());
        assertEquals(Device.CPU, withDeviceProperty("auto", Device::auto), "auto falls back to the CPU, saying why");
    }

    @Test
    void floatArraysRoundTripBitForBit() {
        float[] data = {0f, -0f, 1.5f, -2.25e-3f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.MIN_VALUE, Float.MAX_VALUE, Float.MIN_NORMAL / 3, Float.intBitsToFloat(0x7fc00123)};
        try (Tensor t = Tensor.of(Device.CPU, data, data.length)) {
            assertEquals(Device.CPU, t.device());
            assertEquals(Shape.of(data.length), t.shape());
            assertBitIdentical(data, t.toArray(), "float[] -> CPU tensor -> float[]");
        }
        float[] big = Tensors.randn(1, 3 * 5 * 7 * 11);
        try (Tensor t = Tensor.of(Device.CPU, big, 3, 5, 7, 11)) {
            assertBitIdentical(big, t.toArray(), "a 3x5x7x11 round trip");
            t.copyFrom(Tensors.randn(2, big.length));
            assertBitIdentical(Tensors.randn(2, big.length), t.toArray(), "copyFrom(float[]) replaces the contents");
        }
        try (Tensor zeros = Tensor.zeros(Device.CPU, 4, 6)) {
            assertArrayEquals(new float[24], zeros.toArray());
        }
    }

    @Test
    void copyToMakesAnIndependentCopy() {
        float[] data = Tensors.randn(3, 12);
        try (Tensor original = Tensor.of(Device.CPU, data, 3, 4); Tensor copy = original.copyTo(Device.CPU)) {
            assertEquals(original.shape(), copy.shape());
            assertNotEquals(original.address(), copy.address(), "a copy must own its own memory");
            assertBitIdentical(data, copy.toArray(), "copyTo(CPU)");
            original.copyFrom(new float[12]);
            assertBitIdentical(data, copy.toArray(), "the copy after its original was overwritten");
            try (Tensor target = Tensor.zeros(Device.CPU, 12)) {
                target.copyFrom(copy);
                assertBitIdentical(data, target.toArray(), "copyFrom(Tensor) with another shape, same count");
            }
        }
    }

    @Test
    void viewSharesItsOwnersMemory() {
        try (Tensor owner = Tensor.of(Device.CPU, new float[] {1, 2, 3, 4, 5, 6}, 2, 3)) {
            Tensor view = owner.view(3, 2);
            assertEquals(Shape.of(3, 2), view.shape());
            assertEquals(owner.address(), view.address());
            view.copyFrom(new float[] {6, 5, 4, 3, 2, 1});
            assertArrayEquals(new float[] {6, 5, 4, 3, 2, 1}, owner.toArray(), "a write through the view");
            Tensor viewOfView = view.view(6);
            assertEquals(owner.address(), viewOfView.address());
            assertTrue(owner.toString().contains("[2, 3]") && owner.toString().contains("CPU"), owner.toString());
        }
    }
}
