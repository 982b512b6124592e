// `autogan4j evidence` as a job: whether the search helps, measured. For S search seeds it runs the rl
// search and the random search (the same schedule and shared-weight reward, uniform draws), trains
// each one's top-1 and R uniformly random architectures from scratch with one budget (EvidenceRuns),
// and writes summary.json / summary.md (EvidenceSummary: per method mean and std of FID and IS, and
// rank-sum p-values) once every candidate has its result in results/ (EvidenceResults). --only runs
// some candidates, so that machines can share the work; their results/ files gathered in one folder
// make the summary there. Everything is checked before EVID is created: every setting, --only, the
// device, an unused --out, the scorer's weights, the dataset. The directory is locked (RunFolder); a
// killed run resumes where it stopped, through search's and train's own resume.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.autogan4j.io.AtomicFile;
import org.autogan4j.io.Json;
import org.autogan4j.metrics.Scorers;

public final class EvidenceJob {
    /**
     * What an evidence call leaves: its directory, the candidates with a result, the runs without one
     * (left out by --only), and when none is missing the summary file and its Markdown table (else null).
     */
    public record Outcome(Path root, int done, List<String> missing, Path summaryFile, String table) {
        /** What the command prints. */
        public String summary() {
            if (missing.isEmpty()) {
                return "evidence finished; " + summaryFile + ":\n" + table;
            }
            return "evidence: " + done + " of " + (done + missing.size()) + " candidates have their result in "
                    + root.resolve(EvidenceResults.FOLDER) + "; not run yet: " + String.join(", ", missing)
                    + ". Run them with `autogan4j evidence --resume " + root + "` (or elsewhere with --only, copying "
                    + "their results/*.json here); the call that finds every result writes summary.json";
        }
    }

    private EvidenceJob() {
    }

    /**
     * Runs a new evidence job with settings into out (inceptionWeights may be null); only (null: every
     * run) names the runs to do (EvidenceRuns.names: rl-seed-1, random-seed-1, arch-1, ...).
     */
    public static Outcome start(EvidenceSettings settings, Path out, Path inceptionWeights, Log log, Set<String> only)
            throws Exception {
        return start(settings, out, inceptionWeights, log, only, -1);
    }

    /** As start, stopping after stopAfter runs (searches and trainings) as a kill there would; null then. */
    static Outcome start(EvidenceSettings settings, Path out, Path inceptionWeights, Log log, Set<String> only,
            int stopAfter) throws Exception {
        settings.validate();
        checkOnly(settings, only);
        DeviceChoice.resolve(settings.search().device());
        DeviceChoice.resolve(settings.train().device());
        RunFolder.requireUnused(out, "evidence");
        Scorers.checkAvailable(settings.search().datasets(), inceptionWeights);
        SearchJob.trainingImages(settings.search());
        EvidenceRuns.randomArchitectures(settings);
        try (RunFolder folder = RunFolder.create(out, "evidence")) {
            try {
                AtomicFile.write(folder.resolve(RunFolder.CONFIG),
                        (Json.write(RecordJson.write(settings)) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                folder.deleteCreated();
                throw e;
            }
            return run(settings, folder, null, inceptionWeights, log, only, stopAfter);
        }
    }

    /** Continues the evidence run in root (of only's runs, when not null); device (may be null) overrides its settings'. */
    public static Outcome resume(Path root, String device, Path inceptionWeights, Log log, Set<String> only)
            throws Exception {
        return resume(root, device, inceptionWeights, log, only, -1);
    }

    static Outcome resume(Path root, String device, Path inceptionWeights, Log log, Set<String> only, int stopAfter)
            throws Exception {
        try (RunFolder folder = RunFolder.open(root, "evidence directory", log)) {
            if (Files.isRegularFile(folder.resolve(EvidenceSummary.JSON))) {
                throw new IllegalArgumentException(root + " already finished (see " + folder.resolve(EvidenceSummary.JSON)
                        + "); start a new evidence run with another --out");
            }
            Path config = folder.resolve(RunFolder.CONFIG);
            if (!Files.isRegularFile(config)) {
                throw new IllegalArgumentException(config + " is missing: " + root + " is not an evidence directory, or "
                        + "it stopped while it was being created; start it again with another --out");
            }
            EvidenceSettings settings = EvidenceSettings.load(config);
            settings = (device == null ? settings : settings.onDevice(device)).validate();
            checkOnly(settings, only);
            log.info("resuming " + root);
            return run(settings, folder, device, inceptionWeights, log, only, stopAfter);
        }
    }

    /** Refuses a name in only that is not a run of settings, naming the runs there are. */
    private static void checkOnly(EvidenceSettings settings, Set<String> only) {
        if (only == null) {
            return;
        }
        List<String> names = EvidenceRuns.names(settings);
        for (String name : only) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("--only " + name + " is not a run of this evidence job; its runs are "
                        + String.join(", ", names));
            }
        }
    }

    private static Outcome run(EvidenceSettings settings, RunFolder folder, String device, Path inceptionWeights,
            Log log, Set<String> only, int stopAfter) throws Exception {
        EvidenceRuns.Progress p = new EvidenceRuns(settings, folder, device, inceptionWeights, log, stopAfter).run(only);
        if (p == null) {
            return null;
        }
        if (!p.missing().isEmpty()) {
            return new Outcome(folder.root(), p.candidates().size(), p.missing(), null, null);
        }
        Map<String, Object> json = EvidenceSummary.write(folder.root(), settings, p.candidates());
        log.info("[evidence] done: " + folder.resolve(EvidenceSummary.JSON) + " (" + json.get("seeds") + " seeds)");
        return new Outcome(folder.root(), p.candidates().size(), List.of(), folder.resolve(EvidenceSummary.JSON),
                Files.readString(folder.resolve(EvidenceSummary.MARKDOWN)));
    }
}
