// Where the FID Inception network's parameters come from: a source that hands out one named tensor
// of a given shape, using torchvision's state_dict names ("Mixed_6b.branch7x7_2.conv.weight").
// fromFile reads pytorch-fid's pt_inception-2015-12-05-6726825d.pth through PthReader (no Python,
// no pickle code run) and turns a missing file, a missing tensor or a wrong shape into an error
// that says where to download the file and where autogan4j looks for it.
package org.autogan4j.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.autogan4j.io.PthReader;
import org.autogan4j.io.PthTensor;

@FunctionalInterface
public interface InceptionWeights {
    /** The system property that names the weights file. */
    String PROPERTY = "autogan4j.inception.weights";
    /** The file name pytorch-fid publishes. */
    String FILE_NAME = "pt_inception-2015-12-05-6726825d.pth";
    /** Where to download it. */
    String URL = "https://github.com/mseitzer/pytorch-fid/releases/download/fid_weights/" + FILE_NAME;

    /** The values (row-major, prod(shape) of them) of the tensor name, which must have that shape. */
    float[] get(String name, int[] shape);

    /** The weights of pytorch-fid's FID Inception file at path. */
    static InceptionWeights fromFile(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException("the FID Inception weights file " + path + " does not exist. " + help());
        }
        Map<String, PthTensor> tensors = PthReader.read(path);
        return (name, shape) -> {
            PthTensor t = tensors.get(name);
            if (t == null) {
                throw new IllegalArgumentException("the FID Inception weights file " + path + " has no tensor " + name
                        + "; it is not pytorch-fid's " + FILE_NAME + ". " + help());
            }
            if (!Arrays.equals(t.shape(), shape)) {
                throw new IllegalArgumentException("tensor " + name + " of " + path + " has shape "
                        + Arrays.toString(t.shape()) + " but the FID Inception network needs " + Arrays.toString(shape)
                        + ". " + help());
            }
            return t.floats();
        };
    }

    /** Where to get the file and where autogan4j looks for it. */
    static String help() {
        return "Download " + URL + " and pass its path, set -D" + PROPERTY + "=<file>, or save it as "
                + InceptionWeightsFile.defaultPath() + ".";
    }
}
