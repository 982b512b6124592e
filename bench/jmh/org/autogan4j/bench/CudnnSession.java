// The cuDNN side of the baseline benchmarks (CudnnConv2dBench): loads the JavaCPP Presets for CUDA
// and cuDNN, or fails with "baseline unavailable: <why>" (no driver, no GPU, no cuDNN 9 / cuBLAS 13
// libraries); then owns one cuDNN handle, the device buffers (cudaMalloc'd, filled with seeded
// normal values uploaded from the host) and the descriptors, and checks every status.
package org.autogan4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bytedeco.cuda.cudnn.cudnnContext;
import org.bytedeco.cuda.cudnn.cudnnConvolutionStruct;
import org.bytedeco.cuda.cudnn.cudnnFilterStruct;
import org.bytedeco.cuda.cudnn.cudnnTensorStruct;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.cudnn;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;

final class CudnnSession implements AutoCloseable {
    private final cudnnContext handle;
    private final List<Pointer> buffers = new ArrayList<>();
    private final List<cudnnTensorStruct> tensors = new ArrayList<>();
    private final List<cudnnFilterStruct> filters = new ArrayList<>();
    private final List<cudnnConvolutionStruct> convolutions = new ArrayList<>();

    private CudnnSession(cudnnContext handle) {
        this.handle = handle;
    }

    /** Loads cudart and cuDNN and creates a handle on device 0, or fails saying why not. */
    static CudnnSession open() {
        try {
            Loader.load(cudart.class);
            Loader.load(cudnn.class);
        } catch (LinkageError e) {
            throw new IllegalStateException("baseline unavailable: the JavaCPP CUDA/cuDNN presets cannot load here ("
                    + rootCause(e) + "); they need the NVIDIA driver, libcudart.so.13, cuDNN 9 and cuBLAS 13 on the "
                    + "library path", e);
        }
        int[] count = new int[1];
        int status = cudart.cudaGetDeviceCount(count);
        if (status != cudart.cudaSuccess || count[0] == 0) {
            throw new IllegalStateException("baseline unavailable: no CUDA device (cudaGetDeviceCount: "
                    + (status != cudart.cudaSuccess ? cudart.cudaGetErrorString(status).getString() : "0 devices")
                    + ")");
        }
        cudnnContext handle = new cudnnContext();
        status = cudnn.cudnnCreate(handle);
        if (status != cudnn.CUDNN_STATUS_SUCCESS) {
            throw new IllegalStateException("baseline unavailable: cudnnCreate failed: "
                    + cudnn.cudnnGetErrorString(status).getString());
        }
        return new CudnnSession(handle);
    }

    /** The innermost message: JavaCPP's own names only its last fallback ("no jnicudnn in java.library.path"). */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    cudnnContext handle() {
        return handle;
    }

    /** A float NCHW tensor descriptor (n,c,h,w), destroyed at close. */
    cudnnTensorStruct tensor(int n, int c, int h, int w) {
        cudnnTensorStruct desc = new cudnnTensorStruct();
        check(cudnn.cudnnCreateTensorDescriptor(desc), "cudnnCreateTensorDescriptor");
        tensors.add(desc);
        check(cudnn.cudnnSetTensor4dDescriptor(desc, cudnn.CUDNN_TENSOR_NCHW, cudnn.CUDNN_DATA_FLOAT, n, c, h, w),
                "cudnnSetTensor4dDescriptor");
        return desc;
    }

    /** A float NCHW filter descriptor (k,c,r,r), destroyed at close. */
    cudnnFilterStruct filter(int k, int c, int r) {
        cudnnFilterStruct desc = new cudnnFilterStruct();
        check(cudnn.cudnnCreateFilterDescriptor(desc), "cudnnCreateFilterDescriptor");
        filters.add(desc);
        check(cudnn.cudnnSetFilter4dDescriptor(desc, cudnn.CUDNN_DATA_FLOAT, cudnn.CUDNN_TENSOR_NCHW, k, c, r, r),
                "cudnnSetFilter4dDescriptor");
        return desc;
    }

    /** A float cross-correlation descriptor, stride 1, zero padding pad, with mathType (a
     *  cudnnMathType_t: CUDNN_DEFAULT_MATH lets cuDNN use TF32), destroyed at close. */
    cudnnConvolutionStruct convolution(int pad, int mathType) {
        cudnnConvolutionStruct desc = new cudnnConvolutionStruct();
        check(cudnn.cudnnCreateConvolutionDescriptor(desc), "cudnnCreateConvolutionDescriptor");
        convolutions.add(desc);
        check(cudnn.cudnnSetConvolution2dDescriptor(desc, pad, pad, 1, 1, 1, 1, cudnn.CUDNN_CROSS_CORRELATION,
                cudnn.CUDNN_DATA_FLOAT), "cudnnSetConvolution2dDescriptor");
        check(cudnn.cudnnSetConvolutionMathType(desc, mathType), "cudnnSetConvolutionMathType");
        return desc;
    }

    /** bytes of device memory, freed at close. */
    Pointer malloc(long bytes) {
        Pointer p = new Pointer();
        checkCuda(cudart.cudaMalloc(p, bytes), "cudaMalloc " + bytes + " bytes");
        buffers.add(p);
        return p;
    }

    /** count floats of device memory holding normal(0, 1) values from seed (never zeros). */
    Pointer random(long count, long seed) {
        Random random = new Random(seed);
        float[] host = new float[Math.toIntExact(count)];
        for (int i = 0; i < host.length; i++) {
            host[i] = (float) random.nextGaussian();
        }
        Pointer device = malloc(4 * count);
        try (FloatPointer staged = new FloatPointer(host)) {
            checkCuda(cudart.cudaMemcpy(device, staged, 4 * count, cudart.cudaMemcpyHostToDevice), "cudaMemcpy");
        }
        return device;
    }

    void synchronize() {
        checkCuda(cudart.cudaDeviceSynchronize(), "cudaDeviceSynchronize");
    }

    void check(int status, String call) {
        if (status != cudnn.CUDNN_STATUS_SUCCESS) {
            throw new IllegalStateException(call + ": " + cudnn.cudnnGetErrorString(status).getString());
        }
    }

    void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException("cuDNN baseline: " + problem);
        }
    }

    private static void checkCuda(int status, String call) {
        if (status != cudart.cudaSuccess) {
            throw new IllegalStateException(call + ": " + cudart.cudaGetErrorString(status).getString());
        }
    }

    @Override
    public void close() {
        synchronize();
        buffers.forEach(cudart::cudaFree);
        buffers.clear();
        tensors.forEach(cudnn::cudnnDestroyTensorDescriptor);
        tensors.clear();
        filters.forEach(cudnn::cudnnDestroyFilterDescriptor);
        filters.clear();
        convolutions.forEach(cudnn::cudnnDestroyConvolutionDescriptor);
        convolutions.clear();
        cudnn.cudnnDestroy(handle);
    }
}
