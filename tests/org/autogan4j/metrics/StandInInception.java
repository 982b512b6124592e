// Writes stand-in FID Inception weights: a .pth with every tensor the FID Inception network reads
// (the names and shapes it asks for, in its order), filled by FormulaWeights' deterministic formula
// (the same values as tools/make_inception_fixture.py). For commands that need the weights file where
// the real one (95 MB, a download) is absent: the device check's timed search and training. The
// scores it gives are meaningless; the work per image is the real network's.
//   java -cp ... org.autogan4j.metrics.StandInInception OUT.pth
package org.autogan4j.metrics;

import java.io.IOException;
import java.nio.file.Path;

import org.autogan4j.io.PthWriter;
import org.autogan4j.tensor.Device;

public final class StandInInception {
    private StandInInception() {
    }

    /** Writes the stand-in weights to file; returns how many tensors it holds. */
    public static int write(Path file) throws IOException {
        PthWriter writer = new PthWriter();
        int[] count = {0};
        InceptionWeights recording = (name, shape) -> {
            float[] values = FormulaWeights.values(name, shape);
            writer.put(name, shape, values);
            count[0]++;
            return values;
        };
        new InceptionV3(Device.CPU, recording).close();
        // the real file's fc.bias, which IS (logits without the bias) and FID (pool3) never read
        int[] bias = {InceptionV3.CLASSES};
        writer.put("fc.bias", bias, FormulaWeights.values("fc.bias", bias));
        count[0]++;
        writer.write(file);
        return count[0];
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: StandInInception OUT.pth   (writes stand-in FID Inception weights)");
            System.exit(2);
        }
        int tensors = write(Path.of(args[0]));
        System.out.println("wrote " + tensors + " stand-in Inception tensors to " + args[0]);
    }
}
