// The evidence command's flags: the quick-run sizes and --set reach the settings (--list-settings
// prints them after the checks), a bad value or an unknown --only name exits 1 with one line naming it and
// creates nothing, and --resume with a setting is refused.
package org.autogan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceCommandTest {
    private static String listed(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertEquals(0, Main.run(new Main(), args));
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sizesAndSetsReachTheSettings() {
        List<String> lines = listed("evidence", "--list-settings", "--seeds", "2", "--random-archs", "4",
                "--train-steps", "60", "--search-steps", "30", "--iterations", "7", "--set", "search.reward=kid")
                .lines().toList();
        assertEquals(List.of("preset = fmnist", "seeds = 2", "random_archs = 4", "train_steps = 60"), lines.subList(0, 4));
        String search = lines.stream().filter(l -> l.startsWith("search = ")).findFirst().orElseThrow();
        assertTrue(search.contains("\"shared_steps\":30") && search.contains("\"max_search_iter\":7")
                && search.contains("\"reward\":\"kid\""), search);
        String train = lines.stream().filter(l -> l.startsWith("train = ")).findFirst().orElseThrow();
        assertTrue(train.contains("\"g_steps\":60") && train.contains("\"eval_every\":60"), train);
    }

    @Test
    void aBadValueIsOneLineAndCreatesNothing(@TempDir Path tmp) {
        Path out = tmp.resolve("e");
        Cli.Result r = Cli.run("evidence", "--out", out.toString(), "--random-archs", "0");
        assertEquals(1, r.code(), r.err());
        assertEquals("error: random_archs = 0 is out of range: use an integer in 1..10000", r.err().strip());
        assertFalse(Files.exists(out));
        Cli.Result only = Cli.run("evidence", "--out", out.toString(), "--seeds", "1", "--random-archs", "2", "--only",
                "rl-seed-1,arch-3");
        assertEquals(1, only.code(), only.err());
        assertEquals("error: --only arch-3 is not a run of this evidence job; its runs are rl-seed-1, random-seed-1, "
                + "arch-1, arch-2", only.err().strip());
        assertFalse(Files.exists(out));
        Cli.Result resume = Cli.run("evidence", "--resume", out.toString(), "--seeds", "2");
        assertEquals(1, resume.code(), resume.err());
        assertTrue(resume.err().contains("it takes no other settings") && resume.err().contains("--seeds"),
                resume.err());
    }
}
