// The search command's errors: an unknown preset, an unknown setting, a bad --set, --resume of a folder
// that is not a run, --resume with other settings and a missing dataset each exit non-zero with a
// message that names the problem (the last one removes the run directory it had begun); --list-settings prints every key of the preset.
package org.autogan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {
    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(new Main(), args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void badSettingsExitNonZeroWithTheReason(@TempDir Path tmp) {
        Outcome preset = run("search", "--preset", "nope", "--out", tmp.resolve("a").toString());
        assertEquals(1, preset.code());
        assertTrue(preset.err().contains("unknown preset \"nope\""), preset.err());
        Outcome key = run("search", "--set", "gf=3", "--out", tmp.resolve("b").toString());
        assertEquals(1, key.code());
        assertTrue(key.err().contains("unknown setting \"gf\""), key.err());
        Outcome form = run("search", "--set", "gf_dim", "--out", tmp.resolve("c").toString());
        assertEquals(1, form.code());
        assertTrue(form.err().contains("KEY=VALUE"), form.err());
        Outcome notRun = run("search", "--resume", tmp.toString());
        assertEquals(1, notRun.code());
        assertTrue(notRun.err().contains("not a search run directory"), notRun.err());
        Outcome mixed = run("search", "--resume", tmp.toString(), "--seed", "3");
        assertEquals(1, mixed.code());
        assertTrue(mixed.err().contains("takes no other settings"), mixed.err());
        Outcome flag = run("search", "--no-such-flag");
        assertEquals(2, flag.code());
        Path out = tmp.resolve("nodata");
        Outcome noData = run("search", "--data", tmp.resolve("missing").toString(), "--out", out.toString(),
                "--device", "cpu");
        assertEquals(1, noData.code());
        assertTrue(noData.err().contains("train-images-idx3-ubyte.gz is missing"), noData.err());
        assertFalse(Files.exists(out), "a failed set-up leaves no run directory behind");
    }

    @Test
    void listSettingsPrintsEveryKey() {
        Outcome list = run("search", "--preset", "paper-cifar10", "--list-settings");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("max_search_iter = 65"), list.out());
        assertTrue(list.out().contains("dynamic_reset_window = 500"), list.out());
    }
}
