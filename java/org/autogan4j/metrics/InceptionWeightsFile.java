// The one place that decides which FID Inception weights file a command uses: the --inception-weights
// flag, else the system property autogan4j.inception.weights, else
// ~/.cache/autogan4j/pt_inception-2015-12-05-6726825d.pth. A missing file is an error that names where
// it looked, why there, where to download the file and where to put it.
package org.autogan4j.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

public final class InceptionWeightsFile {
    private InceptionWeightsFile() {
    }

    /** The file the flag (may be null) or the lookup order names, and which rule chose it. */
    public record Choice(Path path, String source) {
    }

    /** Applies the lookup order to flag (null when the flag was not given). */
    public static Choice choose(Path flag) {
        if (flag != null) {
            return new Choice(flag, "--inception-weights");
        }
        String property = System.getProperty(InceptionWeights.PROPERTY);
        if (property != null && !property.isBlank()) {
            return new Choice(Path.of(property), "-D" + InceptionWeights.PROPERTY);
        }
        return new Choice(defaultPath(), "the default location");
    }

    /** ~/.cache/autogan4j/pt_inception-2015-12-05-6726825d.pth. */
    public static Path defaultPath() {
        return Path.of(System.getProperty("user.home"), ".cache", "autogan4j", InceptionWeights.FILE_NAME);
    }

    /** The chosen file, which must exist. */
    public static Path require(Path flag) throws IOException {
        Choice choice = choose(flag);
        if (!Files.isRegularFile(choice.path())) {
            throw new IOException("the FID Inception weights are missing: looked for " + choice.path() + " (from "
                    + choice.source() + "; lookup order: --inception-weights FILE, then -D" + InceptionWeights.PROPERTY
                    + "=FILE, then " + defaultPath() + "). Download " + InceptionWeights.URL + " and save it as "
                    + defaultPath() + " or pass its path with --inception-weights.");
        }
        return choice.path();
    }
}
