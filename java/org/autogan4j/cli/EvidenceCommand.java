// `autogan4j evidence`: parses the flags into app.EvidenceSettings and runs app.EvidenceJob (rl and
// random search per seed, random architectures, every candidate trained with one budget, summary.json),
// or continues a stopped one with --resume; --only NAMES does some of its runs (to share them between
// machines, whose results/ files gathered in one folder make the summary). The sizes of a quick run have their own flags; any other
// setting is `--set KEY=VALUE` by its dotted key (search.shared_steps, train.eval_images);
// --list-settings prints them all after the checks. The flags it shares with `pipeline` are JobOptions.
package org.autogan4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.autogan4j.app.EvidenceJob;
import org.autogan4j.app.EvidenceSettings;
import org.autogan4j.app.SettingText;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evidence", mixinStandardHelpOptions = true, description = "Whether the search helps: rl and random "
        + "search for several seeds and uniformly random architectures, each candidate trained from scratch with one "
        + "budget; FID and IS per method with rank-sum p-values in summary.json.")
final class EvidenceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--preset", defaultValue = "fmnist", description = "fmnist (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--seeds", description = "Search seeds; each runs the rl and the random search (default: 3).")
    Integer seeds;

    @Option(names = "--random-archs", description = "Uniformly random architectures (default: 10).")
    Integer randomArchs;

    @Option(names = "--train-steps", description = "G steps every candidate trains from scratch (default: 1000).")
    Long trainSteps;

    @Option(names = "--iterations", description = "Search iterations (search.max_search_iter).")
    Integer iterations;

    @Option(names = "--search-steps", description = "Shared-GAN D steps per search iteration (search.shared_steps).")
    Integer searchSteps;

    @Option(names = "--seed", description = "First search seed, the others follow it (default: 12345).")
    Long seed;

    @Option(names = "--resume", paramLabel = "EVID", description = "Continue the evidence run in EVID where it stopped "
            + "(only --only, --device, --inception-weights and --quiet may be given with it).")
    Path resume;

    @Option(names = "--only", split = ",", paramLabel = "NAME", description = "Do only these runs (rl-seed-1, "
            + "random-seed-1, ..., arch-1, ...; comma-separated); the others are left for another call or machine.")
    List<String> only;

    @Mixin
    JobOptions job;

    @Mixin
    OutputOptions messages;

    @Override
    public Integer call() throws Exception {
        if (resume != null) {
            Flags.onlyWith(spec, Set.of("--resume", "--only", "--device", "--inception-weights", "--quiet"), "--resume "
                    + "continues an evidence run with its own config.json; it takes no other settings (only --only, "
                    + "--device, --inception-weights and --quiet)");
            System.out.println(EvidenceJob.resume(resume, job.device, job.inceptionWeights, messages.log(), only())
                    .summary());
            return 0;
        }
        EvidenceSettings settings = settings();
        if (job.listSettings) {
            SettingText.lines(settings).forEach(System.out::println);
            return 0;
        }
        Path root = job.root("evidence", settings.preset());
        System.out.println(EvidenceJob.start(settings, root, job.inceptionWeights, messages.log(), only()).summary());
        return 0;
    }

    private Set<String> only() {
        return only == null ? null : new LinkedHashSet<>(only);
    }

    private EvidenceSettings settings() {
        EvidenceSettings settings = EvidenceSettings.preset(preset);
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("seeds", seeds);
        named.put("random_archs", randomArchs);
        named.put("train_steps", trainSteps);
        named.put("search.max_search_iter", iterations);
        named.put("search.shared_steps", searchSteps);
        named.put("search.seed", seed);
        for (Map.Entry<String, String> e : job.overrides(named)) {
            settings = settings.with(e.getKey(), e.getValue());
        }
        return settings.validate();
    }
}
