// What generated images are compared with: the FID statistics (mu, sigma) of the reference images and,
// for KID, their feature rows (null when only statistics are at hand, e.g. a TTUR .npz: then no KID).
// Both must come from a scorer of the same FidMode as the one scoring the generated images.
package org.autogan4j.metrics;

public record Reference(FidStatistics statistics, FeatureRows features) {
    public Reference {
        if (statistics == null) {
            throw new IllegalArgumentException("a reference needs FID statistics");
        }
        if (features != null && features.dim() != statistics.dim()) {
            throw new IllegalArgumentException("reference features are " + features.dim() + "-d but its statistics are "
                    + statistics.dim() + "-d");
        }
    }

    /** Statistics only: FID but no KID. */
    public static Reference of(FidStatistics statistics) {
        return new Reference(statistics, null);
    }

    public boolean hasFeatures() {
        return features != null;
    }
}
