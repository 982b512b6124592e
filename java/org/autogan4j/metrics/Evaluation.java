// The figures of one evaluation of a generator (or of a folder of images), in one value that train,
// eval and reports print and save: the Inception Score (mean and std over the splits, always the
// original TF1 computation for the Inception scorer), the FID with the mode of its features, the KID
// (null where no reference features were available), the number of images and the wall time.
package org.autogan4j.metrics;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

public record Evaluation(InceptionScore.Result inceptionScore, Fid.Result fid, Kid.Result kid, int images,
        double seconds) {
    /** "IS 8.1234 +- 0.0567, FID 12.345678 (pytorch-fid), KID 0.001234 +- 0.000210 (100 subsets of 1000)". */
    public String format() {
        StringBuilder s = new StringBuilder();
        if (inceptionScore != null) {
            s.append(String.format(Locale.ROOT, "IS %.4f +- %.4f", inceptionScore.mean(), inceptionScore.std()));
        }
        if (fid != null) {
            s.append(s.length() > 0 ? ", " : "").append(fid.format());
        }
        if (kid != null) {
            s.append(s.length() > 0 ? ", " : "").append(kid.format());
        }
        return s.toString();
    }

    /** The figures by name for JSON sidecars (non-finite values and missing parts as null). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("is_mean", inceptionScore == null ? null : finite(inceptionScore.mean()));
        m.put("is_std", inceptionScore == null ? null : finite(inceptionScore.std()));
        m.put("fid", fid == null ? null : finite(fid.value()));
        m.put("fid_mode", fid == null ? null : fid.mode());
        m.put("kid_mean", kid == null ? null : finite(kid.mean()));
        m.put("kid_std", kid == null ? null : finite(kid.std()));
        m.put("kid_subsets", kid == null ? null : kid.subsets());
        m.put("kid_subset_size", kid == null ? null : kid.subsetSize());
        m.put("images", images);
        m.put("seconds", seconds);
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
