// Where a `pipeline` run stands, as one typed record in PIPE/pipeline.json (RecordJson, written
// atomically after each step): the stage in progress (search, candidates, final, score, report, done), the
// candidates screened so far with their scores, and the winner's rank (0 until it is picked).
// Resuming reads it and continues the stage it names.
package org.autogan4j.app;

import java.util.ArrayList;
import java.util.List;

record PipelineState(String stage, List<Candidate> candidates, int winner) {
    static final String SEARCH = "search";
    static final String CANDIDATES = "candidates";
    static final String FINAL = "final";
    static final String SCORE = "score";
    static final String REPORT = "report";
    static final String DONE = "done";

    /**
     * One candidate as its train run scored it at the end of its screening budget: rank in the search's
     * top-K, the 14 codes, G steps, IS mean and std, FID with its mode and KID mean (null when not finite).
     */
    record Candidate(int rank, String arch, long gSteps, Double isMean, Double isStd, Double fid, String fidMode,
            Double kidMean) {
    }

    static PipelineState begin() {
        return new PipelineState(SEARCH, List.of(), 0);
    }

    PipelineState at(String next) {
        return new PipelineState(next, candidates, winner);
    }

    PipelineState with(Candidate c) {
        List<Candidate> all = new ArrayList<>(candidates);
        all.add(c);
        return new PipelineState(stage, all, winner);
    }

    /** The candidate of lowest finite FID (the first when none is finite), as the winner. */
    PipelineState picked() {
        Candidate best = candidates.get(0);
        for (Candidate c : candidates) {
            if (c.fid() != null && (best.fid() == null || c.fid() < best.fid())) {
                best = c;
            }
        }
        return new PipelineState(FINAL, candidates, best.rank());
    }

    Candidate winning() {
        return candidates.stream().filter(c -> c.rank() == winner).findFirst().orElseThrow();
    }
}
