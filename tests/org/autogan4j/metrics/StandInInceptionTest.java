// The stand-in Inception weights file holds every tensor the FID Inception network reads, with the
// formula's values, so a command given it builds the network as it would from the real file.
package org.autogan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.autogan4j.io.PthReader;
import org.autogan4j.tensor.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandInInceptionTest {
    @TempDir
    Path dir;

    @Test
    void fileHoldsWhatTheNetworkReads() throws Exception {
        Path file = dir.resolve(InceptionWeights.FILE_NAME);
        int tensors = StandInInception.write(file);
        List<String> names = Files.readAllLines(Path.of(getClass().getResource("/fixtures/inception_net/names.txt")
                .toURI()));
        assertEquals(names.size(), tensors, "one tensor per state_dict key");
        assertEquals(names.stream().sorted().toList(), PthReader.read(file).keySet().stream().sorted().toList());
        int[] fc = {InceptionV3.CLASSES, InceptionV3.FEATURES};
        assertArrayEquals(FormulaWeights.values("fc.weight", fc), InceptionWeights.fromFile(file).get("fc.weight", fc));
        InceptionV3.load(Device.CPU, file).close();
    }
}
