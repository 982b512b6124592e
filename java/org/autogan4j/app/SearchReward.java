// The reward a search gives an architecture (the `reward` setting) and its size budget. The base is
// the shared generator's score as that architecture at the stage's resolution, on rl_num_eval_img
// images from the reward stream: `is` its Inception Score (the paper), `fid` -FID/100 and `kid`
// -10 x KID, both against the training images in use shrunk to the stage's side (their features
// computed once per stage with the search's own scorer, so an 8 px generator is compared with 8 px
// data). The multi-objective form subtracts size_penalty x size / reference, size being the
// architecture's parameters or multiply-adds per image (size_measure; gan.GeneratorCost at the
// search's widths, later cells of an early stage counted as code 0) and reference the same measure of
// LARGEST, the largest architecture of the space. max_params (> 0) is a hard budget: the sampler
// redraws architectures over it (search.MultiLevelSearch.sampling).
package org.autogan4j.app;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.autogan4j.data.Dataset;
import org.autogan4j.gan.Architecture;
import org.autogan4j.gan.GanConfig;
import org.autogan4j.gan.GeneratorCost;
import org.autogan4j.metrics.Evaluation;
import org.autogan4j.metrics.GeneratorScoring;
import org.autogan4j.metrics.Reference;
import org.autogan4j.metrics.ReferenceStatistics;
import org.autogan4j.metrics.Scorer;
import org.autogan4j.nn.Rng;
import org.autogan4j.search.SharedGan;

final class SearchReward {
    static final String IS = "is";
    static final String FID = "fid";
    static final String KID = "kid";
    static final String PARAMS = "params";
    static final String MACS = "macs";
    /** Batch norm, deconv, shortcut and every skip in all three cells: the most parameters and multiply-adds. */
    static final Architecture LARGEST = Architecture.of(new int[] {1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 1, 2, 1, 3});
    /** No norm, bilinear, no shortcut, no skip: the fewest parameters. */
    static final Architecture SMALLEST = Architecture.of(new int[14]);

    private final SearchSettings config;
    private final SharedGan shared;
    private final Scorer scorer;
    private final Dataset fullData;
    private final Rng rng;
    private final Map<Integer, Reference> references = new HashMap<>();

    SearchReward(SearchSettings config, SharedGan shared, Scorer scorer, Dataset fullData, Rng rng) {
        this.config = config;
        this.shared = shared;
        this.scorer = scorer;
        this.fullData = fullData;
        this.rng = rng;
    }

    /** Checks reward, size_measure, size_penalty and max_params of config (the widths already checked). */
    static void check(SearchSettings config) {
        SettingChecks.oneOf("reward", config.reward(), IS, FID, KID);
        SettingChecks.oneOf("size_measure", config.sizeMeasure(), PARAMS, MACS);
        SettingChecks.number("size_penalty", config.sizePenalty(), 0, false, 1e6, false);
        long smallest = GeneratorCost.of(config.gan(), SMALLEST).parameters();
        if (config.maxParams() != 0 && config.maxParams() < smallest) {
            throw new IllegalArgumentException("max_params = " + config.maxParams() + " is below the smallest generator "
                    + "of the space at gf_dim " + config.gfDim() + " (" + smallest + " parameters): use 0 (no budget) "
                    + "or at least " + smallest);
        }
    }

    /** The architectures the sampler may return: all, or those within max_params. */
    static Predicate<Architecture> budget(SearchSettings config) {
        GanConfig gan = config.gan();
        return config.maxParams() == 0 ? a -> true : a -> GeneratorCost.of(gan, a).parameters() <= config.maxParams();
    }

    /** The budget in words, for the sampler's error. */
    static String budgetText(SearchSettings config) {
        return "max_params = " + config.maxParams();
    }

    /** The reward_kind of metrics.csv: reward, then "-L*params" or "-L*macs" when size_penalty L is not 0. */
    static String kind(SearchSettings config) {
        return config.sizePenalty() == 0 ? config.reward() : config.reward() + "-" + config.sizePenalty() + "*"
                + config.sizeMeasure();
    }

    /** The reward's name in messages: IS for the paper's, else kind(config). */
    static String label(SearchSettings config) {
        return config.reward().equals(IS) && config.sizePenalty() == 0 ? "IS" : kind(config);
    }

    /** size_penalty x size / size of LARGEST (0 when size_penalty is 0). */
    static double sizeTerm(SearchSettings config, Architecture arch) {
        if (config.sizePenalty() == 0) {
            return 0;
        }
        boolean params = config.sizeMeasure().equals(PARAMS);
        GeneratorCost size = GeneratorCost.of(config.gan(), arch);
        GeneratorCost reference = GeneratorCost.of(config.gan(), LARGEST);
        return config.sizePenalty() * (params ? (double) size.parameters() / reference.parameters()
                : (double) size.multiplyAdds() / reference.multiplyAdds());
    }

    /** The reward of arch at stage (the shared G in eval mode). */
    double of(Architecture arch, int stage) {
        shared.setArch(arch, stage);
        double base;
        if (config.reward().equals(IS)) {
            base = GeneratorScoring.score(shared.generator(), config.latentDim(), scorer, config.rlNumEvalImg(),
                    config.evalBatch(), config.isSplits(), rng, false, GeneratorScoring.Progress.NONE)
                    .inceptionScore().mean();
        } else {
            Evaluation e = GeneratorScoring.evaluate(shared.generator(), config.latentDim(), scorer,
                    config.rlNumEvalImg(), config.evalBatch(), config.isSplits(), rng, reference(stage),
                    GeneratorScoring.Progress.NONE);
            base = config.reward().equals(FID) ? -e.fid().value() / 100 : -10 * e.kid().mean();
        }
        return base - sizeTerm(config, arch);
    }

    private Reference reference(int stage) {
        return references.computeIfAbsent(stage, s -> {
            Dataset data = fullData.resized(config.datasets().stageSize(s));
            Reference r = ReferenceStatistics.features(data, scorer, ReferenceStatistics.BATCH,
                    GeneratorScoring.Progress.NONE);
            return config.reward().equals(KID) ? r : Reference.of(r.statistics());
        });
    }
}
