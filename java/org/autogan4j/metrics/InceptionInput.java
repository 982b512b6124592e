// How images become the Inception network's input x (n, 3, 299, 299), in each FidMode's convention:
//   tf1          uint8 -> float [0, 255] -> TF1 bilinear to 299 (Tf1Resize) -> (x - 128) / 128
//   clean        uint8 -> float [0, 255] -> PIL bicubic to 299 per channel (PilBicubic), clipped to
//                [0, 255] -> (x - 128) / 128
//   pytorch-fid  floats in [0, 1] (uint8 / 255, or (x + 1) / 2 of generated images) -> PyTorch bilinear
//                to 299 (align_corners=False, the device's upsample kernel) -> 2x - 1
// tf1 and clean resize on the host, one image plane per task on the common fork-join pool, and upload
// the result; pytorch-fid resizes on the device. (x - 128) / 128 is bit-identical to the TF graph's
// (x - 128) * 0.0078125. Tensors and the host buffer are reused while the batch size stays the same.
package org.autogan4j.metrics;

import java.util.stream.IntStream;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.autogan4j.tensor.UpsampleMode;

final class InceptionInput implements AutoCloseable {
    private static final int SIZE = InceptionV3.SIZE;
    private static final int PLANE = SIZE * SIZE;
    /** The TF graph's and clean-fid's centre and scale of [0, 255] inputs. */
    private static final float CENTRE = 128f;

    private final Device device;
    private final ReusableBuffer unit = new ReusableBuffer();
    private final ReusableBuffer resized = new ReusableBuffer();
    private final Tensor half;
    private final Tensor two;
    private final Tensor minusOne;
    private float[] host = new float[0];

    InceptionInput(Device device) {
        this.device = device;
        this.half = Tensor.of(device, new float[] {0.5f, 0.5f, 0.5f}, 3);
        this.two = Tensor.of(device, new float[] {2f, 2f, 2f}, 3);
        this.minusOne = Tensor.of(device, new float[] {-1f, -1f, -1f}, 3);
    }

    /** Generated images (n, 3, h, w) in [-1, 1] on this device, in the pytorch-fid convention. */
    Tensor pytorchFid(Tensor generated) {
        Tensor x = unit.get(device, generated.shape().dims());
        generated.backend().channelAffineForward(generated, half, half, x, false);
        return pytorchFidFromUnit(x);
    }

    /** uint8 images (n, 3, h, w) in the given convention. */
    Tensor fromUint8(Uint8Batch batch, FidMode convention) {
        if (batch.channels() != 3) {
            throw new IllegalArgumentException("the Inception network takes RGB images; got " + batch.channels()
                    + " channel(s) (convert grey images to RGB by repeating the channel)");
        }
        if (convention == FidMode.PYTORCH_FID) {
            Tensor x = unit.get(device, batch.n(), 3, batch.height(), batch.width());
            x.copyFrom(batch.toUnitRange());
            return pytorchFidFromUnit(x);
        }
        int planes = batch.n() * 3;
        if (host.length != planes * PLANE) {
            host = new float[planes * PLANE];
        }
        float[] out = host;
        int h = batch.height();
        int w = batch.width();
        Tf1Resize.Axis rows = convention == FidMode.TF1 ? new Tf1Resize.Axis(h, SIZE) : null;
        Tf1Resize.Axis cols = convention == FidMode.TF1 ? new Tf1Resize.Axis(w, SIZE) : null;
        IntStream.range(0, planes).parallel().forEach(p -> {
            float[] in = new float[h * w];
            for (int i = 0; i < in.length; i++) {
                in[i] = batch.value(p * in.length + i);
            }
            int at = p * PLANE;
            if (convention == FidMode.TF1) {
                Tf1Resize.plane(in, 0, w, rows, cols, out, at);
            } else {
                PilBicubic.plane(in, 0, h, w, out, at, SIZE, SIZE);
            }
            for (int i = at; i < at + PLANE; i++) {
                float v = convention == FidMode.CLEAN ? Math.max(0f, Math.min(255f, out[i])) : out[i];
                out[i] = (v - CENTRE) / CENTRE;
            }
        });
        Tensor x = resized.get(device, batch.n(), 3, SIZE, SIZE);
        x.copyFrom(out);
        return x;
    }

    /** x (n, 3, h, w) in [0, 1] on this device -> (n, 3, 299, 299): PyTorch bilinear, then 2x - 1. */
    Tensor pytorchFidFromUnit(Tensor x) {
        Backend backend = x.backend();
        Tensor y = resized.get(device, x.dim(0), 3, SIZE, SIZE);
        backend.upsampleForward(x, y, UpsampleMode.BILINEAR);
        backend.channelAffineForward(y, two, minusOne, y, false);
        return y;
    }

    @Override
    public void close() {
        unit.close();
        resized.close();
        half.close();
        two.close();
        minusOne.close();
    }
}
