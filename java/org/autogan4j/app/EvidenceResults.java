// The results folder of an evidence run: one small JSON file per finished candidate
// (results/rl-seed-1.json, results/arch-3.json) holding the candidate and the settings it was made
// under. It is what summary.json is made of. Copying config.json and results/ into a folder gives an
// evidence directory that --resume continues without the searches and trainings behind those results,
// so the runs of one evidence job can be split between machines (--only) and gathered in one folder.
// A result made under other settings (devices aside) or for another run is refused by name.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import org.autogan4j.io.AtomicFile;
import org.autogan4j.io.Json;

final class EvidenceResults {
    /** The folder of the result files inside an evidence directory. */
    static final String FOLDER = "results";

    /** One result file: the settings of the evidence run that made it and its candidate. */
    record Result(EvidenceSettings settings, EvidenceRuns.Candidate candidate) {
    }

    private final Path dir;
    private final EvidenceSettings settings;

    /** The results of the evidence run in root, made under settings. */
    EvidenceResults(Path root, EvidenceSettings settings) {
        this.dir = root.resolve(FOLDER);
        this.settings = settings;
    }

    /** The result file of run name (rl-seed-1, arch-3). */
    Path file(String name) {
        return dir.resolve(name + ".json");
    }

    /**
     * The candidate of run name (its method, number and search seed as given), or null when it has no
     * result yet; throws naming the file when it is not a result of this run under these settings.
     */
    EvidenceRuns.Candidate read(String name, String method, int number, Long searchSeed) throws IOException {
        Path f = file(name);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        Result r;
        try {
            r = RecordJson.read(Result.class, Json.readObject(f).values());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(f + " is not an evidence result (" + e.getMessage() + "): remove it and "
                    + "--resume runs that candidate again", e);
        }
        if (!comparable(r.settings()).equals(comparable(settings))) {
            throw new IllegalArgumentException(f + " was made under other settings than this run's config.json: remove "
                    + "it (--resume runs that candidate again), or gather only the results of runs with the same settings");
        }
        EvidenceRuns.Candidate c = r.candidate();
        if (!c.method().equals(method) || c.number() != number || !Objects.equals(c.searchSeed(), searchSeed)) {
            throw new IllegalArgumentException(f + " holds the result of " + c.method() + " candidate " + c.number()
                    + ", not of " + name + ": remove it and --resume runs that candidate again");
        }
        return c;
    }

    /** Writes the result of run name, atomically. */
    void write(String name, EvidenceRuns.Candidate candidate) throws IOException {
        Files.createDirectories(dir);
        AtomicFile.write(file(name), (Json.write(RecordJson.write(new Result(settings, candidate))) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The settings as compared between results: the devices set aside (a result may come from a GPU). */
    private static Map<String, Object> comparable(EvidenceSettings s) {
        return RecordJson.write(s.onDevice("cpu"));
    }
}
