package org.autogan4j.tensor;

import java.util.concurrent.atomic.AtomicLong;

import org.autogan4j.nativeapi.Ag;

/**
 * The ops of the C API (native/include/ag/ops.def) on tensors of one device: one method per op,
 * grouped by family in the interfaces this class implements ({@link ElementwiseOps}, {@link MatrixOps},
 * {@link ConvOps}, {@link NormOps}, {@link ResampleOps}, {@link TrainingOps}, {@link InferenceOps}),
 * plus memory and copies here. Each op checks its arguments (presence, device, open, shapes) BEFORE the
 * native call, derives the kernel's dimensions from the tensors' shapes, and turns an error status
 * into a {@link NativeException}. Gradient policy as in kernels.h: parameter gradients accumulate,
 * input gradients are overwritten. What only one device has lives in {@link CpuDevice} and
 * {@link CudaDevice}.
 */
public final class Backend implements ElementwiseOps, MatrixOps, ConvOps, NormOps, ResampleOps, TrainingOps,
        InferenceOps {
    private static final Backend CPU = new Backend(Device.CPU);
    private static final Backend CUDA = new Backend(Device.CUDA);

    private final Device device;
    private final AtomicLong liveBytes = new AtomicLong();

    private Backend(Device device) {
        this.device = device;
    }

    /** The backend of device; fails with the reason where the native library or CUDA is unavailable. */
    static Backend of(Device device) {
        NativeLibrary.load();
        if (device == Device.CUDA) {
            CudaDevice.require();
            return CUDA;
        }
        return CPU;
    }

    /** The C API's version (ag_version), bumped whenever a signature changes. */
    public static int nativeApiVersion() {
        NativeLibrary.load();
        return Ag.ag_version();
    }

    @Override
    public Device device() {
        return device;
    }

    // ---- memory ----------------------------------------------------------------------------

    long allocate(long bytes) {
        long[] address = new long[1];
        TensorChecks.call(Ag.ag_alloc(device.code(), bytes, address), "allocate " + bytes + " bytes on " + device);
        liveBytes.addAndGet(bytes);
        return address[0];
    }

    void free(long address, long bytes) {
        TensorChecks.call(Ag.ag_free(device.code(), address), "free");
        liveBytes.addAndGet(-bytes);
    }

    /** Bytes held by tensors of this device that are not closed yet (leak checks, memory reports). */
    public long liveBytes() {
        return liveBytes.get();
    }

    void upload(Tensor dst, float[] host) {
        long address = new TensorChecks("upload", device).open(dst, "dst");
        TensorChecks.call(Ag.ag_upload(device.code(), address, host, host.length), "upload");
    }

    void download(float[] host, Tensor src) {
        long address = new TensorChecks("download", device).open(src, "src");
        TensorChecks.call(Ag.ag_download(device.code(), host, address, host.length), "download");
    }

    /** Copies src into dst (same element count), across devices where they differ. */
    static void copyAcross(Tensor src, Tensor dst) {
        TensorChecks c = new TensorChecks("copy", dst.device());
        c.open(dst, "dst");
        if (src == null) {
            throw new IllegalArgumentException("copy: src must not be null");
        }
        new TensorChecks("copy", src.device()).open(src, "src");
        c.require(src.numel() == dst.numel(), "src " + src.shape() + " and dst " + dst.shape()
                + " must have the same number of elements");
        if (src.device() == dst.device()) {
            TensorChecks.call(Ag.ag_copy(dst.device().code(), dst.address(), src.address(), dst.numel()), "copy");
        } else if (src.device() == Device.CPU) {
            TensorChecks.call(Ag.ag_upload(dst.device().code(), dst.address(), src.address(), dst.numel()),
                    "copy CPU -> " + dst.device());
        } else {
            TensorChecks.call(Ag.ag_download(src.device().code(), dst.address(), src.address(), dst.numel()),
                    "copy " + src.device() + " -> CPU");
        }
    }

    /** Waits for every queued kernel of this device. */
    public void synchronize() {
        TensorChecks.call(Ag.ag_synchronize(device.code()), "synchronize");
    }
}
