// What `train --arch` accepts (app.ArchChoice) and that the run says what it trains: a search's run
// directory gives its final top-1, RUN_DIR:k and topk.json:k the k-th; 14 codes and the paper's
// autogan-cifar10-a (top1, its old name, with a note) are taken as they are; an unfinished search, a
// rank beyond the list and text that is none of these are refused naming what to give. A tiny train of
// RUN_DIR:2 records the codes and where they came from in config.json and in its checkpoints.
package org.autogan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.autogan4j.app.ArchChoice;
import org.autogan4j.gan.Architecture;
import org.autogan4j.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainArchTest {
    private static final String SECOND = "0,1,2,1,1,1,0,1,0,1,0,0,0,3";

    @TempDir
    Path dir;

    /** A finished search's run directory: its topk.json ranks TOP1 first and SECOND second. */
    private Path search() throws IOException {
        Path run = Files.createDirectories(dir.resolve("search"));
        Files.writeString(run.resolve("topk.json"), "{\"stage\":2,\"architectures\":[{\"rank\":1,\"arch\":["
                + Architecture.TOP1 + "],\"reward\":3.25},{\"rank\":2,\"arch\":[" + SECOND + "],\"reward\":3.125}]}");
        return run;
    }

    @Test
    void aRunDirectoryOrTopkJsonGivesItsRankedArchitecture() throws IOException {
        Path run = search();
        Path topk = run.resolve("topk.json").toAbsolutePath().normalize();
        ArchChoice top1 = ArchChoice.resolve(run.toString());
        assertEquals(Architecture.TOP1, top1.architecture());
        assertEquals("rank 1 of " + topk + ", search reward IS 3.250", top1.source());
        assertEquals(SECOND, ArchChoice.resolve(run + ":2").architecture().toString());
        assertEquals(SECOND, ArchChoice.resolve(topk + ":2").architecture().toString());
        assertEquals("rank 2 of " + topk + ", search reward IS 3.125", ArchChoice.resolve(topk + ":2").source());
        assertEquals(Architecture.TOP1, ArchChoice.resolve(topk.toString()).architecture());
    }

    @Test
    void codesAndThePapersNamesAreTakenAsTheyAre() {
        assertEquals(SECOND, ArchChoice.resolve(SECOND).architecture().toString());
        assertEquals("given as codes", ArchChoice.resolve(SECOND).source());
        assertEquals(Architecture.TOP1, ArchChoice.resolve("autogan-cifar10-a").architecture());
        assertEquals(Architecture.TOP1, ArchChoice.resolve("top1").architecture());
        assertTrue(ArchChoice.isOldPaperName(" TOP1 ") && !ArchChoice.isOldPaperName("autogan-cifar10-a"));
        assertTrue(ArchChoice.resolve("top1").source().contains("given as top1"));
    }

    @Test
    void whatCannotBeTrainedIsRefusedNamingWhatToGive() throws IOException {
        Path run = search();
        String tooFar = assertThrows(IllegalArgumentException.class, () -> ArchChoice.resolve(run + ":3")).getMessage();
        assertTrue(tooFar.endsWith("ranks 2 architectures; k must be 1..2"), tooFar);
        Path running = Files.createDirectories(dir.resolve("running"));
        String unfinished = assertThrows(IllegalArgumentException.class,
                () -> ArchChoice.resolve(running.toString())).getMessage();
        assertTrue(unfinished.contains("has no topk.json yet") && unfinished.contains("search --resume " + running),
                unfinished);
        String nonsense = assertThrows(IllegalArgumentException.class,
                () -> ArchChoice.resolve(dir.resolve("nowhere") + ":1")).getMessage();
        assertTrue(nonsense.contains("is neither 14 comma-separated codes, autogan-cifar10-a, nor an existing search "
                + "run directory or topk.json"), nonsense);
        Cli.Result empty = Cli.run("train", "--arch", " ", "--out", dir.resolve("t").toString(), "--device", "cpu");
        assertEquals(1, empty.code());
        assertTrue(empty.err().contains("--arch is missing"), empty.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTrainOfTheSecondRecordsWhereItCameFrom() throws IOException {
        Path run = search();
        Path stats = dir.resolve("stats.npz");
        Cli.ok("fid-stats", "--images", "200", "--output", stats.toString(), "--device", "cpu", "--quiet");
        Path out = dir.resolve("train");
        Cli.ok("train", "--arch", run + ":2", "--out", out.toString(), "--stats", stats.toString(), "--train-images",
                "64", "--gf", "8", "--df", "8", "--latent", "8", "--dis-batch", "8", "--gen-batch", "8", "--steps", "2",
                "--eval-images", "20", "--eval-batch", "20", "--splits", "2", "--device", "cpu", "--quiet");
        Map<String, Object> config = (Map<String, Object>) Json.read(out.resolve("config.json"));
        assertEquals(SECOND, config.get("arch"));
        String source = "rank 2 of " + run.resolve("topk.json").toAbsolutePath().normalize() + ", search reward IS 3.125";
        assertEquals(source, config.get("arch_source"));
        Map<String, Object> best = (Map<String, Object>) Json.read(out.resolve("last.json"));
        assertEquals(SECOND, best.get("arch"));
        assertEquals(source, best.get("arch_source"));
    }
}
