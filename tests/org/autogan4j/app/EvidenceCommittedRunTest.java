// The committed evidence run (docs/evidence/run: config.json and one result per candidate) still is an
// evidence directory of this code: a copy of it resumes without running anything, its random-arch results
// are of the architectures the code draws from its arch_seed, and the summary it writes is byte for byte
// docs/evidence/summary.json, the figures the docs quote.
package org.autogan4j.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.autogan4j.gan.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceCommittedRunTest {
    private static final Path DOCS = Path.of("docs", "evidence");
    private static final Path RUN = DOCS.resolve("run");

    @Test
    void committedResultsRewriteTheCommittedSummary(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("evidence");
        Files.createDirectories(copy.resolve(EvidenceResults.FOLDER));
        Files.copy(RUN.resolve(RunFolder.CONFIG), copy.resolve(RunFolder.CONFIG));
        List<Path> committed;
        try (Stream<Path> results = Files.list(RUN.resolve(EvidenceResults.FOLDER))) {
            committed = results.toList();
        }
        for (Path r : committed) {
            Files.copy(r, copy.resolve(EvidenceResults.FOLDER).resolve(r.getFileName()));
        }
        EvidenceSettings settings = EvidenceSettings.load(copy.resolve(RunFolder.CONFIG));
        assertEquals(EvidenceRuns.names(settings).size(), committed.size(), "a result for every run");

        EvidenceJob.resume(copy, null, null, Log.silent(), null);

        assertArrayEquals(Files.readAllBytes(DOCS.resolve(EvidenceSummary.JSON)),
                Files.readAllBytes(copy.resolve(EvidenceSummary.JSON)));
        assertFalse(Files.exists(copy.resolve("search")), "no search ran");
        assertFalse(Files.exists(copy.resolve("train")), "no training ran");
        List<Architecture> drawn = EvidenceRuns.randomArchitectures(settings);
        EvidenceResults results = new EvidenceResults(copy, settings);
        for (int r = 0; r < drawn.size(); r++) {
            String name = EvidenceRuns.archRun(r);
            assertEquals(drawn.get(r).toString(), results.read(name, EvidenceRuns.RANDOM_ARCH, r + 1, null).arch(), name);
        }
    }
}
