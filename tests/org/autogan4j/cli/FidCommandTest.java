package org.autogan4j.cli;

// `autogan4j fid` refuses bad input with one "error: ..." line before loading the network: an empty
// folder, a missing path, an .npz without mu and sigma, statistics of another dimension, KID asked of
// an .npz, an unknown --mode, --save-stats to a file that is not an .npz; with good inputs and no
// Inception weights it names where it looked and where to download them. (The comparison itself is
// FolderScoring, tested against Python in FolderScoringTest with stand-in weights.)

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.autogan4j.io.Npy;
import org.autogan4j.io.Npz;
import org.autogan4j.metrics.FidStatistics;
import org.autogan4j.metrics.InceptionWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FidCommandTest {
    private static Path folder(String side) throws Exception {
        return Path.of(FidCommandTest.class.getResource("/fixtures/inception_net/folders/" + side).toURI());
    }

    /** Runs args, expects exit code 1 and one error line containing expected. */
    private static void fails(String expected, String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    }

    @Test
    void badInputsFailWithOneLine(@TempDir Path dir) throws Exception {
        String a = folder("a").toString();
        Path empty = Files.createDirectory(dir.resolve("empty"));
        fails("holds no PNG or JPEG images", "fid", empty.toString(), a);
        fails("does not exist", "fid", a, dir.resolve("missing").toString());
        Map<String, Npy.Array> arrays = new LinkedHashMap<>();
        arrays.put("m", Npy.Array.of(new double[1], 1));
        Path keys = dir.resolve("keys.npz");
        Npz.write(keys, arrays);
        fails("\"mu\" and \"sigma\"", "fid", a, keys.toString());
        Path small = dir.resolve("small.npz");
        new FidStatistics(new double[2], new double[] {1, 0, 0, 1}).save(small);
        fails("2-d statistics", "fid", a, small.toString());
        fails("KID needs the images", "fid", "--kid", a, small.toString());
        fails("FID mode sharp is not one of pytorch-fid, clean, tf1", "fid", "--mode", "sharp", a, a);
        fails("--save-stats writes an .npz", "fid", "--save-stats", a, dir.resolve("out.txt").toString());
    }

    @Test
    void missingWeightsNameTheLookupAndTheDownload(@TempDir Path dir) throws Exception {
        Path weights = dir.resolve("none.pth");
        fails(InceptionWeights.URL, "fid", "--inception-weights", weights.toString(), folder("a").toString(),
                folder("b").toString());
        Cli.Result r = Cli.run("fid", "--inception-weights", weights.toString(), folder("a").toString(),
                folder("b").toString());
        assertTrue(r.err().contains("looked for " + weights), r.err());
    }
}
