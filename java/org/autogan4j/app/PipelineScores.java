// A candidate's scores as its train run logged them: the "eval" row of metrics.csv at one G step
// (IS mean and std, FID with its mode, KID mean), and every eval row's step, FID and IS for the
// report's curves. The pipeline scores candidates this way so that the figures are exactly the ones
// train reports (same images, z and statistics). The winner's final score is eval's JSON (Final).
package org.autogan4j.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.autogan4j.io.Json;
import org.autogan4j.io.JsonObject;

final class PipelineScores {
    /** One evaluation: G step, IS mean, FID (NaN where the cell is empty or not finite). */
    record Point(long gStep, double isMean, double fid) {
    }

    /** The winner's final score, as eval wrote it to PIPE/winner.json: G step, images and the figures (null: not finite). */
    record Final(long gStep, int images, Double isMean, Double isStd, Double fid, String fidMode, Double kidMean) {
        static Final read(Path file) throws IOException {
            JsonObject o = Json.readObject(file);
            return new Final(o.integer("g_step"), o.integer("images", 1, Integer.MAX_VALUE), number(o, "is_mean"),
                    number(o, "is_std"), number(o, "fid"), o.values().get("fid_mode") == null ? "" : o.string("fid_mode"),
                    number(o, "kid_mean"));
        }

        private static Double number(JsonObject o, String key) {
            return o.values().get(key) == null ? null : o.number(key);
        }
    }

    private PipelineScores() {
    }

    /** The candidate of rank (codes arch) scored at G step step of the train run in dir. */
    static PipelineState.Candidate at(Path dir, long step, int rank, String arch) throws IOException {
        for (String line : PipelineStages.metrics(dir)) {
            String[] c = line.split(",", -1);
            if (c[0].equals("eval") && c[2].equals(String.valueOf(step))) {
                return new PipelineState.Candidate(rank, arch, step, finite(c[5]), finite(c[6]), finite(c[7]), c[8],
                        finite(c[9]));
            }
        }
        throw new IllegalArgumentException(dir.resolve("metrics.csv") + " has no evaluation at G step " + step
                + ": the run is not the one the pipeline trained; start the pipeline again with another --out");
    }

    /** Every evaluation of the train run in dir, in order. */
    static List<Point> curve(Path dir) throws IOException {
        List<Point> out = new ArrayList<>();
        for (String line : PipelineStages.metrics(dir)) {
            String[] c = line.split(",", -1);
            if (c[0].equals("eval")) {
                Double is = finite(c[5]);
                Double fid = finite(c[7]);
                out.add(new Point(Long.parseLong(c[2]), is == null ? Double.NaN : is, fid == null ? Double.NaN : fid));
            }
        }
        return out;
    }

    private static Double finite(String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        double v = Double.parseDouble(cell);
        return Double.isFinite(v) ? v : null;
    }
}
