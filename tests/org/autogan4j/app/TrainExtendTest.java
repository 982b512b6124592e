// train --resume RUN --steps N extends a finished run to N G steps in total: a tiny run of 4 G steps
// extended to 8 ends with the same files as a run of 8 from the start (config.json then says 8); a
// target the run has already reached is refused naming the step it is at, changing nothing.
package org.autogan4j.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainExtendTest {
    @TempDir
    Path dir;

    private TrainSettings tiny(Path stats, int steps) {
        return TrainRuns.settings(TrainRuns.tiny(stats, steps, 2)).with("log_every", "2");
    }

    @Test
    void aFinishedRunExtendedEqualsTheLongerRun() throws Exception {
        Path stats = TrainRuns.stats(dir);
        Path longer = dir.resolve("longer");
        TrainJob.start(tiny(stats, 8), longer, null, TrainRuns.QUIET);
        Path extended = dir.resolve("extended");
        TrainJob.start(tiny(stats, 4), extended, null, TrainRuns.QUIET);

        byte[] config = Files.readAllBytes(extended.resolve("config.json"));
        IllegalArgumentException reached = assertThrows(IllegalArgumentException.class,
                () -> TrainJob.resume(extended, null, 4L, null, TrainRuns.QUIET));
        assertEquals(extended + " already finished (G step 4); extend it with --resume " + extended
                + " --steps N (N > 4), or start a new run with another --out", reached.getMessage());
        assertArrayEquals(config, Files.readAllBytes(extended.resolve("config.json")), "nothing changed");

        TrainJob.Outcome o = TrainJob.resume(extended, null, 8L, null, TrainRuns.QUIET);
        assertEquals(8, o.gSteps());
        assertEquals(8, TrainSettings.load(extended.resolve("config.json")).gSteps());
        TrainRuns.assertSameRun(longer, extended);
    }
}
