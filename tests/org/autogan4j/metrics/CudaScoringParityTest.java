// The scoring paths on CUDA against the CPU, in strict FP32 (TF32 off, so only summation orders
// differ): the IS probabilities and tf1 features of generated images (quantized and TF1-resized on the
// host, the network on the device), the pytorch-fid features (resized on the device) and the KID (its
// gemms on the device). Stand-in formula weights; skipped where no GPU is present.
package org.autogan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.autogan4j.testing.CudaParity;
import org.autogan4j.testing.Fixture;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("cuda")
class CudaScoringParityTest {
    /** Norm-wise, the whole network in FP32 on both devices: the tolerance against PyTorch (InceptionV3Test). */
    private static final double NETWORK = InceptionV3Test.RELATIVE;

    @BeforeEach
    void requireCuda() {
        CudaParity.requireCuda();
    }

    private static Scorer.Scores score(Device device, FidMode mode, float[] x, int[] dims, Scorer.Outputs outputs) {
        try (InceptionScorer scorer = new InceptionScorer(new InceptionV3(device, new FormulaWeights()), mode);
                Tensor images = Tensor.of(device, x, dims)) {
            return scorer.score(images, outputs);
        }
    }

    private static void assertNear(float[] cpu, float[] cuda, double tolerance, String what) {
        double error = CudaParity.relativeError(cpu, cuda);
        assertTrue(error <= tolerance, what + ": ||cuda - cpu|| / ||cpu|| = " + error + " > " + tolerance);
    }

    @Test
    void tf1AndPytorchFidPathsMatchTheCpu() {
        Fixture f = Fixture.load("inception_net/tf1");
        CudaParity.setTf32(false);
        try {
            for (FidMode mode : new FidMode[] {FidMode.TF1, FidMode.PYTORCH_FID}) {
                Scorer.Scores cpu = score(Device.CPU, mode, f.values("x"), f.dims("x"), Scorer.Outputs.BOTH);
                Scorer.Scores cuda = score(Device.CUDA, mode, f.values("x"), f.dims("x"), Scorer.Outputs.BOTH);
                assertNear(cpu.probabilities(), cuda.probabilities(), NETWORK, mode + " IS probabilities");
                assertNear(cpu.features(), cuda.features(), NETWORK, mode + " features");
            }
        } finally {
            CudaParity.setTf32(true);
        }
    }

    @Test
    void kidMatchesTheCpu() {
        Fixture f = Fixture.load("scoring/kid_small");
        FeatureRows a = new FeatureRows(f.dims("f1")[1]);
        a.add(f.values("f1"), f.dims("f1")[0]);
        FeatureRows b = new FeatureRows(f.dims("f2")[1]);
        b.add(f.values("f2"), f.dims("f2")[0]);
        Kid.Result cpu = Kid.compute(a, b, 10, 50, 7, Device.CPU);
        CudaParity.setTf32(false);
        try {
            Kid.Result cuda = Kid.compute(a, b, 10, 50, 7, Device.CUDA);
            assertEquals(cpu.mean(), cuda.mean(), CudaParity.FP32_REL * Math.abs(cpu.mean()));
            assertEquals(cpu.std(), cuda.std(), CudaParity.FP32_REL * Math.abs(cpu.std()));
        } finally {
            CudaParity.setTf32(true);
        }
    }
}
