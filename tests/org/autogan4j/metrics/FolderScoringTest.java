// FolderScoring, what `autogan4j fid` runs, against the same computation in Python
// (tools/make_inception_fixture.py, formula weights): the FID between the two fixture folders of mixed
// images (RGB, grey, RGBA, palette PNGs and a JPEG of several sizes, scored in batches of one size) with
// torch-fidelity's KID on small subsets in the pytorch-fid convention, and in the clean convention the
// folder's statistics, which come back unchanged from the .npz they are saved to (each FID of 2048-d
// statistics costs half a minute here, so one is computed). Inputs are checked before scoring: a
// missing path, an .npz without mu and sigma or of another dimension, and KID asked of an .npz.
package org.autogan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.autogan4j.io.Npy;
import org.autogan4j.io.Npz;
import org.autogan4j.testing.Fixture;
import org.autogan4j.tensor.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderScoringTest {
    /** FID against Python: float32 networks summing in other orders, features ~1e-6 apart relative. */
    private static final double FID_RELATIVE = 1e-3;
    /** KID against Python: kernel values near 1 differ ~1e-7 from float32 dot products; the KID is ~1e-5. */
    private static final double KID_ABSOLUTE = 2e-7;

    @Test
    void folderFidAndKidMatchPythonInPytorchFidMode() throws Exception {
        Fixture f = Fixture.load("inception_net/folders");
        FolderScoring.KidSettings kid = new FolderScoring.KidSettings(f.integer("kidSubsets"),
                f.integer("kidSubsetSize"), Kid.DEFAULT_SEED);
        FolderScoring.Input a = FolderScoring.check(ImageFolderTest.folder("a"), InceptionV3.FEATURES, true);
        FolderScoring.Input b = FolderScoring.check(ImageFolderTest.folder("b"), InceptionV3.FEATURES, true);
        FolderScoring.Comparison c;
        try (InceptionScorer scorer = new InceptionScorer(new InceptionV3(Device.CPU, new FormulaWeights()),
                FidMode.PYTORCH_FID)) {
            c = FolderScoring.compare(a, b, scorer, 2, kid, Device.CPU, GeneratorScoring.Progress.NONE);
        }
        assertEquals("pytorch-fid", c.fid().mode());
        assertEquals(f.scalar("fid_pytorch_fid"), c.fid().value(), FID_RELATIVE * f.scalar("fid_pytorch_fid"));
        assertEquals(f.scalar("kid_mean_pytorch_fid"), c.kid().mean(), KID_ABSOLUTE);
        assertEquals(f.scalar("kid_std_pytorch_fid"), c.kid().std(), KID_ABSOLUTE);
        assertEquals(String.format(Locale.ROOT, "FID %.6f (pytorch-fid)", c.fid().value()), c.fid().format());
        assertEquals(3, c.countA());
        assertEquals(3, c.countB());
    }

    @Test
    void cleanStatisticsOfAFolderMatchPythonAndComeBackFromTheirNpz(@TempDir Path dir) throws Exception {
        Fixture f = Fixture.load("inception_net/folders");
        Path npz = dir.resolve("a.npz");
        try (InceptionScorer scorer = new InceptionScorer(new InceptionV3(Device.CPU, new FormulaWeights()),
                FidMode.CLEAN)) {
            FidStatistics stats = FolderScoring.features(ImageFolder.list(ImageFolderTest.folder("a")), scorer, 50,
                    false, GeneratorScoring.Progress.NONE).statistics();
            int d = stats.dim();
            float[] mu = new float[d];
            float[] variance = new float[d];
            for (int i = 0; i < d; i++) {
                mu[i] = (float) stats.mu()[i];
                variance[i] = (float) stats.sigma()[i * d + i];
            }
            InceptionV3Test.assertClose(f.values("mu_clean_a"), mu, "clean mean of folder a");
            InceptionV3Test.assertClose(f.values("var_clean_a"), variance, "clean variances of folder a");
            stats.save(npz);
            FolderScoring.Input saved = FolderScoring.check(npz, InceptionV3.FEATURES, false);
            assertFalse(saved.isFolder());
            assertArrayEquals(stats.mu(), saved.statistics().mu());
            assertArrayEquals(stats.sigma(), saved.statistics().sigma());
        }
    }

    @Test
    void badInputsFailBeforeScoring(@TempDir Path dir) throws Exception {
        int d = InceptionV3.FEATURES;
        IOException missing = assertThrows(IOException.class, () -> FolderScoring.check(dir.resolve("nope"), d, false));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        Map<String, Npy.Array> wrong = new LinkedHashMap<>();
        wrong.put("mean", Npy.Array.of(new double[2], 2));
        Path keys = dir.resolve("keys.npz");
        Npz.write(keys, wrong);
        Exception noKeys = assertThrows(Exception.class, () -> FolderScoring.check(keys, d, false));
        assertTrue(noKeys.getMessage().contains("\"mu\" and \"sigma\""), noKeys.getMessage());
        Path small = dir.resolve("small.npz");
        new FidStatistics(new double[2], new double[] {1, 0, 0, 1}).save(small);
        IllegalArgumentException dims = assertThrows(IllegalArgumentException.class,
                () -> FolderScoring.check(small, d, false));
        assertTrue(dims.getMessage().contains("2-d statistics") && dims.getMessage().contains("2048-d"),
                dims.getMessage());
        IllegalArgumentException kid = assertThrows(IllegalArgumentException.class,
                () -> FolderScoring.check(small, d, true));
        assertTrue(kid.getMessage().contains("KID needs the images"), kid.getMessage());
    }
}
