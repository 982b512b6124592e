// FID reference statistics as train and eval load them: ReferenceStatistics.load (the file exists and
// matches the scorer's feature width), then every value of mu and sigma must be finite, so that damaged
// statistics are refused by name before any image is scored (a NaN would otherwise turn every FID into
// NaN, and a run would report a best checkpoint it never wrote).
package org.autogan4j.app;

import java.io.IOException;
import java.nio.file.Path;

import org.autogan4j.metrics.FidStatistics;
import org.autogan4j.metrics.ReferenceStatistics;
import org.autogan4j.metrics.Scorer;

final class FidReference {
    private FidReference() {
    }

    static FidStatistics load(Path file, Scorer scorer) throws IOException {
        FidStatistics statistics = ReferenceStatistics.load(file, scorer);
        finite(file, "mu", statistics.mu());
        finite(file, "sigma", statistics.sigma());
        return statistics;
    }

    private static void finite(Path file, String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("the FID reference statistics " + file + " hold " + values[i] + " in "
                        + name + " (value " + i + "): they are damaged; make them again with `autogan4j fid-stats "
                        + "--output " + file + "`");
            }
        }
    }
}
