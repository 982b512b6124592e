// cuDNN's conv2d at Conv2dBench's shapes: the outside baseline our CUDA conv2d is measured against.
package org.autogan4j.bench;

import static org.bytedeco.cuda.global.cudnn.CUDNN_CONVOLUTION_BWD_DATA_ALGO_COUNT;
import static org.bytedeco.cuda.global.cudnn.CUDNN_CONVOLUTION_BWD_FILTER_ALGO_COUNT;
import static org.bytedeco.cuda.global.cudnn.CUDNN_CONVOLUTION_FWD_ALGO_COUNT;
import static org.bytedeco.cuda.global.cudnn.CUDNN_DEFAULT_MATH;
import static org.bytedeco.cuda.global.cudnn.CUDNN_STATUS_SUCCESS;

import java.util.concurrent.TimeUnit;

import org.bytedeco.cuda.cudnn.cudnnContext;
import org.bytedeco.cuda.cudnn.cudnnConvolutionBwdDataAlgoPerf_t;
import org.bytedeco.cuda.cudnn.cudnnConvolutionBwdFilterAlgoPerf_t;
import org.bytedeco.cuda.cudnn.cudnnConvolutionFwdAlgoPerf_t;
import org.bytedeco.cuda.cudnn.cudnnConvolutionStruct;
import org.bytedeco.cuda.cudnn.cudnnFilterStruct;
import org.bytedeco.cuda.cudnn.cudnnTensorStruct;
import org.bytedeco.cuda.global.cudnn;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cuDNN baseline of {@link Conv2dBench} on the GPU: the same conv2d 3x3, pad 1, C -> C with bias
 * (forward + bias add; backward-data; backward-filter += and backward-bias +=) at the same shapes,
 * through the JavaCPP Presets for CUDA (test scope only). As PyTorch does with cudnn.benchmark and
 * allow_tf32: CUDNN_DEFAULT_MATH (TF32 tensor cores allowed) and the fastest algorithm that
 * cudnnFind* measures. Where the presets cannot load (no driver, no cuDNN 9 / cuBLAS 13 libraries)
 * the setup fails with "baseline unavailable: ...", so JMH reports it failed: never a number.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CudnnConv2dBench {
    /** 3x3 kernel, padding 1: Conv2dBench's convolution. */
    private static final int PAD = 1;

    @Param({"64x64x32", "128x128x16", "64x256x8", "128x128x4", "128x256x16"})
    public String shape;

    private CudnnSession cuda;
    private cudnnContext handle;
    private cudnnTensorStruct xDesc;
    private cudnnTensorStruct yDesc;
    private cudnnTensorStruct biasDesc;
    private cudnnFilterStruct weightDesc;
    /** One descriptor per pass, each with the math type cudnnFind* measured its algorithm with. */
    private cudnnConvolutionStruct forwardConv;
    private cudnnConvolutionStruct dataConv;
    private cudnnConvolutionStruct filterConv;
    private int forwardAlgo;
    private int dataAlgo;
    private int filterAlgo;
    private Pointer x;
    private Pointer weight;
    private Pointer bias;
    private Pointer y;
    private Pointer dy;
    private Pointer dx;
    private Pointer weightGrad;
    private Pointer biasGrad;
    private Pointer workspace;
    private long workspaceBytes;
    private FloatPointer one;
    private FloatPointer zero;

    @Setup
    public void setup() {
        cuda = CudnnSession.open();
        one = new FloatPointer(1f);
        zero = new FloatPointer(0f);
        int[] dims = BenchTensors.shape(shape);
        int n = dims[0];
        int c = dims[1];
        int s = dims[2];
        handle = cuda.handle();
        // x, y, dy, dx (n,c,s,s); weight, weightGrad (c,c,3,3); bias, biasGrad (1,c,1,1)
        xDesc = cuda.tensor(n, c, s, s);
        yDesc = cuda.tensor(n, c, s, s);
        biasDesc = cuda.tensor(1, c, 1, 1);
        weightDesc = cuda.filter(c, c, 3);
        long activation = (long) n * c * s * s;
        x = cuda.random(activation, 1);
        weight = cuda.random((long) c * c * 9, 2);
        bias = cuda.random(c, 3);
        y = cuda.random(activation, 4);
        dy = cuda.random(activation, 5);
        dx = cuda.random(activation, 6);
        weightGrad = cuda.random((long) c * c * 9, 7);
        biasGrad = cuda.random(c, 8);
        chooseAlgorithms(cuda.convolution(PAD, CUDNN_DEFAULT_MATH));
        workspace = cuda.malloc(Math.max(workspaceBytes, 1));
    }

    /** The fastest algorithm of each pass as cudnnFind* measures it (TF32 allowed), its math type,
     *  and the largest workspace. */
    private void chooseAlgorithms(cudnnConvolutionStruct search) {
        int[] found = new int[1];
        cudnnConvolutionFwdAlgoPerf_t fwd = new cudnnConvolutionFwdAlgoPerf_t(CUDNN_CONVOLUTION_FWD_ALGO_COUNT);
        cuda.check(cudnn.cudnnFindConvolutionForwardAlgorithm(handle, xDesc, weightDesc, search, yDesc,
                CUDNN_CONVOLUTION_FWD_ALGO_COUNT, found, fwd), "cudnnFindConvolutionForwardAlgorithm");
        cuda.require(found[0] > 0 && fwd.position(0).status() == CUDNN_STATUS_SUCCESS, "no forward algorithm");
        forwardAlgo = fwd.algo();
        forwardConv = cuda.convolution(PAD, fwd.mathType());
        workspaceBytes = fwd.memory();

        cudnnConvolutionBwdDataAlgoPerf_t data = new cudnnConvolutionBwdDataAlgoPerf_t(
                CUDNN_CONVOLUTION_BWD_DATA_ALGO_COUNT);
        cuda.check(cudnn.cudnnFindConvolutionBackwardDataAlgorithm(handle, weightDesc, yDesc, search, xDesc,
                CUDNN_CONVOLUTION_BWD_DATA_ALGO_COUNT, found, data), "cudnnFindConvolutionBackwardDataAlgorithm");
        cuda.require(found[0] > 0 && data.position(0).status() == CUDNN_STATUS_SUCCESS, "no backward-data algorithm");
        dataAlgo = data.algo();
        dataConv = cuda.convolution(PAD, data.mathType());
        workspaceBytes = Math.max(workspaceBytes, data.memory());

        cudnnConvolutionBwdFilterAlgoPerf_t filter = new cudnnConvolutionBwdFilterAlgoPerf_t(
                CUDNN_CONVOLUTION_BWD_FILTER_ALGO_COUNT);
        cuda.check(cudnn.cudnnFindConvolutionBackwardFilterAlgorithm(handle, xDesc, yDesc, search, weightDesc,
                CUDNN_CONVOLUTION_BWD_FILTER_ALGO_COUNT, found, filter), "cudnnFindConvolutionBackwardFilterAlgorithm");
        cuda.require(found[0] > 0 && filter.position(0).status() == CUDNN_STATUS_SUCCESS,
                "no backward-filter algorithm");
        filterAlgo = filter.algo();
        filterConv = cuda.convolution(PAD, filter.mathType());
        workspaceBytes = Math.max(workspaceBytes, filter.memory());
    }

    @Benchmark
    public void forward() {
        cuda.check(cudnn.cudnnConvolutionForward(handle, one, xDesc, x, weightDesc, weight, forwardConv, forwardAlgo,
                workspace, workspaceBytes, zero, yDesc, y), "cudnnConvolutionForward");
        cuda.check(cudnn.cudnnAddTensor(handle, one, biasDesc, bias, one, yDesc, y), "cudnnAddTensor");
        cuda.synchronize();
    }

    @Benchmark
    public void backwardData() {
        cuda.check(cudnn.cudnnConvolutionBackwardData(handle, one, weightDesc, weight, yDesc, dy, dataConv, dataAlgo,
                workspace, workspaceBytes, zero, xDesc, dx), "cudnnConvolutionBackwardData");
        cuda.synchronize();
    }

    @Benchmark
    public void backwardWeight() {
        cuda.check(cudnn.cudnnConvolutionBackwardFilter(handle, one, xDesc, x, yDesc, dy, filterConv, filterAlgo,
                workspace, workspaceBytes, one, weightDesc, weightGrad), "cudnnConvolutionBackwardFilter");
        cuda.check(cudnn.cudnnConvolutionBackwardBias(handle, one, yDesc, dy, one, biasDesc, biasGrad),
                "cudnnConvolutionBackwardBias");
        cuda.synchronize();
    }

    @TearDown
    public void tearDown() {
        if (cuda != null) {
            cuda.close();
        }
    }
}
