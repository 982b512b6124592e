// The stages of one locked pipeline directory, run from the state pipeline.json records (PipelineJob):
// search (SearchJob) and each candidate's screening run (TrainJob from scratch), each resumed when it
// has a checkpoint and begun again when it stopped before its first one; the winner's continuation to
// the full budget (TrainJob.resume with more steps); its final score on final_eval_images images
// (EvalJob into PIPE/winner.json); and the report. A step is done when its result is on disk
// (topk.json, the train checkpoint at the target G step, winner.json), so a kill between a result and
// its record in pipeline.json repeats nothing. Progress lines per stage.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

final class PipelineStages {
    /** The winner's final score, as eval's JSON. */
    static final String WINNER_SCORE = "winner.json";

    private final PipelineSettings settings;
    private final RunFolder folder;
    private final String device;
    private final Path inceptionWeights;
    private final Log log;
    private final String stop;

    PipelineStages(PipelineSettings settings, RunFolder folder, String device, Path inceptionWeights, Log log,
            String stop) {
        this.settings = settings;
        this.folder = folder;
        this.device = device;
        this.inceptionWeights = inceptionWeights;
        this.log = log;
        this.stop = stop;
    }

    /** Runs the stages from state's on; returns null when stopped at stop, else the outcome. */
    PipelineJob.Outcome run(PipelineState state) throws Exception {
        if (state.stage().equals(PipelineState.SEARCH)) {
            search();
            state = record(state.at(PipelineState.CANDIDATES));
            if (stop.equals("search")) {
                return null;
            }
        }
        if (state.stage().equals(PipelineState.CANDIDATES)) {
            for (int rank = state.candidates().size() + 1; rank <= settings.candidates(); rank++) {
                state = record(state.with(screen(rank)));
                if (stop.equals("candidate-" + rank)) {
                    return null;
                }
            }
            state = record(state.picked());
            PipelineState.Candidate w = state.winning();
            log.info(String.format(Locale.ROOT, "[pipeline] winner: rank %d %s (FID %s after %d G steps)", w.rank(),
                    w.arch(), w.fid(), w.gSteps()));
        }
        if (state.stage().equals(PipelineState.FINAL)) {
            finish(state.winner());
            state = record(state.at(PipelineState.SCORE));
            if (stop.equals("final")) {
                return null;
            }
        }
        if (state.stage().equals(PipelineState.SCORE)) {
            score(state.winner());
            state = record(state.at(PipelineState.REPORT));
            if (stop.equals("score")) {
                return null;
            }
        }
        Path report = PipelineReport.write(folder.root(), settings, state);
        record(state.at(PipelineState.DONE));
        PipelineScores.Final last = PipelineScores.Final.read(folder.resolve(WINNER_SCORE));
        log.info("[pipeline] done: " + report);
        return new PipelineJob.Outcome(folder.root(), state.winning(), settings.finalSteps(), last.images(),
                last.fid(), last.isMean(), report);
    }

    private PipelineState record(PipelineState state) throws IOException {
        PipelineJob.save(folder, state);
        return state;
    }

    private void search() throws IOException {
        Path dir = folder.resolve("search");
        log.info("[pipeline] stage 1/5: search into " + dir);
        if (Files.isRegularFile(dir.resolve("topk.json"))) {
            return;
        }
        if (hasCheckpoint(dir)) {
            SearchJob.resume(dir, device, inceptionWeights, log);
        } else {
            PipelineJob.deleteTree(dir);
            SearchJob.start(device == null ? settings.search() : settings.search().with("device", device), dir,
                    inceptionWeights, log);
        }
    }

    private PipelineState.Candidate screen(int rank) throws Exception {
        Path dir = candidate(rank);
        log.info(String.format(Locale.ROOT, "[pipeline] stage 2/5: candidate %d of %d, %d G steps into %s", rank,
                settings.candidates(), settings.screeningSteps(), dir));
        if (!reached(dir, settings.screeningSteps())) {
            if (hasCheckpoint(dir)) {
                TrainJob.resume(dir, device, inceptionWeights, log);
            } else {
                PipelineJob.deleteTree(dir);
                Files.createDirectories(dir.getParent());
                String arch = folder.resolve("search").toAbsolutePath() + ":" + rank;
                TrainSettings train = settings.trainSettings(arch);
                TrainJob.start(device == null ? train : train.with("device", device), dir, inceptionWeights, log);
            }
        }
        String codes = TrainSettings.load(dir.resolve(RunFolder.CONFIG)).arch();
        return PipelineScores.at(dir, settings.screeningSteps(), rank, codes);
    }

    private void finish(int winner) throws Exception {
        Path dir = candidate(winner);
        log.info(String.format(Locale.ROOT, "[pipeline] stage 3/5: the winner, rank %d, on to %d G steps in %s",
                winner, settings.finalSteps(), dir));
        if (!reached(dir, settings.finalSteps())) {
            TrainJob.resume(dir, device, settings.finalSteps(), inceptionWeights, log);
        }
    }

    private void score(int winner) throws IOException {
        Path json = folder.resolve(WINNER_SCORE);
        log.info(String.format(Locale.ROOT, "[pipeline] stage 4/5: the winner's final score on %d images into %s",
                settings.finalEvalImages(), json));
        if (Files.isRegularFile(json)) {
            return;
        }
        Path generator = candidate(winner).resolve("last.safetensors");
        EvalJob.run(new EvalJob.Request(generator, null, settings.finalEvalImages(), null, null, null, json,
                inceptionWeights, device != null ? device : settings.train().device()), log);
    }

    Path candidate(int rank) {
        return folder.resolve("candidates").resolve("rank-" + rank);
    }

    /** Whether the train run in dir has its checkpoint after G step steps (it ran to that target). */
    static boolean reached(Path dir, long steps) {
        return Files.isRegularFile(dir.resolve("checkpoints").resolve(String.format(Locale.ROOT, "g-%07d.safetensors",
                steps)));
    }

    static boolean hasCheckpoint(Path dir) throws IOException {
        Path checkpoints = dir.resolve("checkpoints");
        if (!Files.isDirectory(checkpoints)) {
            return false;
        }
        try (var s = Files.list(checkpoints)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".safetensors"));
        }
    }

    /** The metrics.csv lines of a train run (for the report). */
    static List<String> metrics(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("metrics.csv"), StandardCharsets.US_ASCII);
    }
}
