// Tests of the copy_channels CPU twin (the channel concat of InceptionV3's blocks): three branches
// copied at their offsets rebuild PyTorch's torch.cat exactly, channels outside the range are left
// untouched, and bad arguments are rejected by the Backend and the native twin.
package org.autogan4j.kernels;

import static org.autogan4j.kernels.InceptionOpAsserts.assertNativeRejected;
import static org.autogan4j.kernels.InceptionOpAsserts.assertRejected;
import static org.autogan4j.testing.Tensors.assertBitIdentical;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.autogan4j.nativeapi.Ag;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Backend;

import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.Fixture;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Test;

class CopyChannelsKernelTest {
    private static final Backend CPU = Device.CPU.backend();

    @Test
    void branchesAtTheirOffsetsMatchTorchCat() {
        Fixture f = Fixture.load("inception/concat");
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(f.dims("y"));
            int offset = 0;
            for (String branch : new String[] {"a", "b", "c"}) {
                CPU.copyChannels(t.of(f.values(branch), f.dims(branch)), y, offset);
                offset += f.dims(branch)[1];
            }
            assertBitIdentical(f.values("y"), y.toArray(), "concat y");
        }
    }

    @Test
    void otherChannelsAreLeftAlone() {
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(2, 5, 3, 3);
            CPU.copyChannels(t.of(Tensors.randn(411, 2 * 2 * 9), 2, 2, 3, 3), y, 1);
            float[] out = y.toArray();
            for (int i = 0; i < out.length; i++) {
                int channel = (i / 9) % 5;
                boolean written = channel == 1 || channel == 2;
                assertTrue(written != Float.isNaN(out[i]), "element " + i + " of channel " + channel
                        + (written ? " should be copied" : " should still be NaN"));
            }
        }
    }

    @Test
    void badArgumentsAreRejected() {
        try (Tensors t = new Tensors()) {
            Tensor x = t.zeros(2, 3, 4, 4);
            Tensor y = t.zeros(2, 8, 4, 4);
            assertRejected(() -> CPU.copyChannels(x, y, 6), "copyChannels", "[6, 9)", "8 channels");
            assertRejected(() -> CPU.copyChannels(x, y, -1), "copyChannels", "[-1, 2)");
            assertRejected(() -> CPU.copyChannels(x, t.zeros(2, 8, 4, 5), 0), "must agree in n, h and w");
            assertNativeRejected(() -> Ag.ag_copy_channels(Ag.AG_DEVICE_CPU, x.address(), y.address(), 2, 3, 4, 4, 8, 6),
                    "ag_copy_channels", "[6, 9)", "cy = 8");
            assertNativeRejected(() -> Ag.ag_copy_channels(Ag.AG_DEVICE_CPU, x.address(), 0L, 2, 3, 4, 4, 8, 0), "y is NULL");
        }
    }
}
