// The last phase of a search, after the final top-K is chosen: for each final architecture, best first,
// the shared generator set to it (stage 2) draws the run's fixed sample z into samples/final-K.png and is
// scored on rl_num_eval_img images from its own z stream (seed + 5, the same for every candidate, so
// they are compared on equal draws): IS, FID against the training images in use (with the FID mode) and
// KID against their features (ReferenceFeatures); its parameters and multiply-adds per image at the
// search's widths come from GeneratorCost. With the ready-to-run train command of the top-1
// (report.TrainCommand) this is what topk.json and the report show. Deterministic, so a resumed search writes the same topk.json.
package org.autogan4j.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.autogan4j.data.Dataset;
import org.autogan4j.gan.Architecture;
import org.autogan4j.gan.GanConfig;
import org.autogan4j.gan.GeneratorCost;
import org.autogan4j.metrics.Evaluation;
import org.autogan4j.metrics.FeatureRows;
import org.autogan4j.metrics.GeneratorScoring;
import org.autogan4j.metrics.Reference;
import org.autogan4j.metrics.Scorer;
import org.autogan4j.nn.Rng;
import org.autogan4j.search.Candidate;
import org.autogan4j.search.SharedGan;

final class SearchFinal {
    /** The z stream of the final candidates' scores: the run seed + this. */
    static final long SCORE_SEED_OFFSET = 5;

    private SearchFinal() {
    }

    /** The ranked entries of top (best first), each one's grid written and its scores taken. */
    static List<SearchRunDirectory.Ranked> outputs(List<Candidate> top, SearchSettings config, SharedGan shared,
            Scorer scorer, Dataset fullData, SearchRunDirectory dir, SearchProgress progress, TensorBoardLog board,
            Log log) throws IOException {
        GanConfig gan = config.gan();
        FeatureRows rows = ReferenceFeatures.resolve(config.datasets(), fullData, scorer, null, log);
        Reference reference = ReferenceFeatures.reference(rows);
        List<SearchRunDirectory.Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            Candidate c = top.get(i);
            Architecture arch = c.architecture();
            shared.setArch(arch, 2);
            String samples = dir.writeFinalSamples(i + 1, shared.generator(), gan.latentDim(), config);
            Evaluation e = GeneratorScoring.evaluate(shared.generator(), gan.latentDim(), scorer, config.rlNumEvalImg(),
                    config.evalBatch(), config.isSplits(), new Rng(config.seed() + SCORE_SEED_OFFSET), reference,
                    GeneratorScoring.Progress.NONE);
            GeneratorCost cost = GeneratorCost.of(gan, arch);
            Double kidMean = e.kid() == null ? null : GeneratorCheckpoint.finiteOrNull(e.kid().mean());
            ranked.add(new SearchRunDirectory.Ranked(i + 1, arch.codes(), c.reward(), arch.describe(), cost.parameters(),
                    cost.multiplyAdds(), GeneratorCheckpoint.finiteOrNull(e.inceptionScore().mean()),
                    GeneratorCheckpoint.finiteOrNull(e.inceptionScore().std()),
                    GeneratorCheckpoint.finiteOrNull(e.fid().value()), e.fid().mode(), kidMean,
                    e.kid() == null ? null : GeneratorCheckpoint.finiteOrNull(e.kid().std()), samples));
            board.scalars(i + 1, new String[] {"final/reward", "final/is_mean", "final/fid", "final/kid"}, c.reward(),
                    e.inceptionScore().mean(), e.fid().value(), kidMean);
            log.info("final rank " + (i + 1) + ": " + arch + " (reward " + SearchReward.label(config) + " " + String.format(Locale.ROOT, "%.3f",
                    c.reward()) + "), " + e.format() + ", " + cost.parameters() + " parameters");
            progress.finalOutputs(i + 1, top.size());
        }
        return ranked;
    }
}
