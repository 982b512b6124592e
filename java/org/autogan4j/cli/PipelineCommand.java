// `autogan4j pipeline`: parses the flags into app.PipelineSettings and runs app.PipelineJob (search,
// screen the final top-K, continue the winner, one report), or continues a stopped pipeline with
// --resume. The budgets have their own flags; any other setting is `--set KEY=VALUE` by its dotted key
// (search.max_search_iter, train.config.gf_dim); --list-settings prints them all after the checks.
// The flags it shares with `evidence` are JobOptions.
package org.autogan4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.autogan4j.app.PipelineJob;
import org.autogan4j.app.PipelineSettings;
import org.autogan4j.app.SettingText;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "pipeline", mixinStandardHelpOptions = true, description = "Search, train the final top-K from "
        + "scratch, pick the winner by FID, train it on to the full budget, and write one report.")
final class PipelineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--preset", defaultValue = "fmnist", description = "fmnist (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--candidates", description = "How many of the search's final top-K to train (default: 3).")
    Integer candidates;

    @Option(names = "--screening-steps", description = "G steps each candidate trains before the pick (default: 400).")
    Long screeningSteps;

    @Option(names = "--final-steps", description = "G steps the winner reaches in total (default: 3300).")
    Long finalSteps;

    @Option(names = "--final-eval-images", description = "Images of the winner's final score (default: 10000).")
    Integer finalEvalImages;

    @Option(names = "--iterations", description = "Search iterations (search.max_search_iter).")
    Integer iterations;

    @Option(names = "--seed", description = "Seed of the search and of every train run (default: 12345).")
    Long seed;

    @Option(names = "--resume", paramLabel = "PIPE", description = "Continue the pipeline in PIPE in its unfinished "
            + "stage (only --device, --inception-weights and --quiet may be given with it).")
    Path resume;

    @Mixin
    JobOptions job;

    @Mixin
    OutputOptions messages;

    @Override
    public Integer call() throws Exception {
        if (resume != null) {
            Flags.onlyWith(spec, Set.of("--resume", "--device", "--inception-weights", "--quiet"), "--resume continues "
                    + "a pipeline with its own config.json; it takes no other settings (only --device, "
                    + "--inception-weights and --quiet)");
            System.out.println(PipelineJob.resume(resume, job.device, job.inceptionWeights, messages.log()).summary());
            return 0;
        }
        PipelineSettings settings = settings();
        if (job.listSettings) {
            SettingText.lines(settings).forEach(System.out::println);
            return 0;
        }
        Path root = job.root("pipeline", settings.preset());
        System.out.println(PipelineJob.start(settings, root, job.inceptionWeights, messages.log()).summary());
        return 0;
    }

    private PipelineSettings settings() {
        PipelineSettings settings = PipelineSettings.preset(preset);
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("candidates", candidates);
        named.put("screening_steps", screeningSteps);
        named.put("final_steps", finalSteps);
        named.put("final_eval_images", finalEvalImages);
        named.put("search.max_search_iter", iterations);
        named.put("search.seed", seed);
        named.put("train.seed", seed);
        for (Map.Entry<String, String> e : job.overrides(named)) {
            settings = settings.with(e.getKey(), e.getValue());
        }
        return settings.validate();
    }
}
