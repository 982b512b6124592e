// `autogan4j evidence` as a job: whether the search helps, measured. For S search seeds it runs the rl
// search and the random search (the same schedule and shared-weight reward, uniform draws), trains
// each one's top-1 and R uniformly random architectures from scratch with one budget (EvidenceRuns),
// and writes summary.json / summary.md (EvidenceSummary: per method mean and std of FID and IS, and
// rank-sum p-values). Everything is checked before EVID is created: every setting, the device, an
// unused --out, the scorer's weights, the dataset. The directory is locked (RunFolder); a killed run
// resumes where it stopped, through search's and train's own resume.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.autogan4j.io.AtomicFile;
import org.autogan4j.io.Json;
import org.autogan4j.metrics.Scorers;

public final class EvidenceJob {
    /** A finished evidence run: its directory, the summary file and the Markdown table. */
    public record Outcome(Path root, Path summaryFile, String table) {
        /** What the command prints. */
        public String summary() {
            return "evidence finished; " + summaryFile + ":\n" + table;
        }
    }

    private EvidenceJob() {
    }

    /** Runs a new evidence job with settings into out (inceptionWeights may be null). */
    public static Outcome start(EvidenceSettings settings, Path out, Path inceptionWeights, Log log) throws Exception {
        return start(settings, out, inceptionWeights, log, -1);
    }

    /** As start, stopping after stopAfter runs (searches and trainings) as a kill there would; null then. */
    static Outcome start(EvidenceSettings settings, Path out, Path inceptionWeights, Log log, int stopAfter)
            throws Exception {
        settings.validate();
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
            return run(settings, folder, null, inceptionWeights, log, stopAfter);
        }
    }

    /** Continues the evidence run in root; device (may be null) overrides its settings' device. */
    public static Outcome resume(Path root, String device, Path inceptionWeights, Log log) throws Exception {
        return resume(root, device, inceptionWeights, log, -1);
    }

    static Outcome resume(Path root, String device, Path inceptionWeights, Log log, int stopAfter) throws Exception {
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
            log.info("resuming " + root);
            return run(settings, folder, device, inceptionWeights, log, stopAfter);
        }
    }

    private static Outcome run(EvidenceSettings settings, RunFolder folder, String device, Path inceptionWeights,
            Log log, int stopAfter) throws Exception {
        List<EvidenceRuns.Candidate> all = new EvidenceRuns(settings, folder, device, inceptionWeights, log, stopAfter)
                .run();
        if (all == null) {
            return null;
        }
        Map<String, Object> json = EvidenceSummary.write(folder.root(), settings, all);
        log.info("[evidence] done: " + folder.resolve(EvidenceSummary.JSON) + " (" + json.get("seeds") + " seeds)");
        return new Outcome(folder.root(), folder.resolve(EvidenceSummary.JSON),
                Files.readString(folder.resolve(EvidenceSummary.MARKDOWN)));
    }
}
