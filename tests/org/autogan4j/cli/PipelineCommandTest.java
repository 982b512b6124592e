// The pipeline command's flags: the budgets and --set reach the settings (--list-settings prints them
// after the checks), a bad value exits 1 with one line naming it and creates nothing, and --resume
// with a setting is refused.
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

class PipelineCommandTest {
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
    void budgetsAndSetsReachTheSettings() {
        List<String> lines = listed("pipeline", "--list-settings", "--candidates", "2", "--screening-steps", "50",
                "--final-steps", "120", "--final-eval-images", "3000", "--set", "train.config.gf_dim=16").lines().toList();
        assertEquals(List.of("preset = fmnist", "candidates = 2", "screening_steps = 50", "final_steps = 120",
                "final_eval_images = 3000"), lines.subList(0, 5));
        String train = lines.stream().filter(l -> l.startsWith("train = ")).findFirst().orElseThrow();
        assertTrue(train.contains("\"g_steps\":50") && train.contains("\"gf_dim\":16"), train);
    }

    @Test
    void aBadValueIsOneLineAndCreatesNothing(@TempDir Path tmp) {
        Path out = tmp.resolve("p");
        Cli.Result r = Cli.run("pipeline", "--out", out.toString(), "--candidates", "9");
        assertEquals(1, r.code(), r.err());
        assertEquals("error: candidates = 9 is out of range: use an integer in 1..5", r.err().strip());
        assertFalse(Files.exists(out));
        Cli.Result resume = Cli.run("pipeline", "--resume", out.toString(), "--final-steps", "10");
        assertEquals(1, resume.code(), resume.err());
        assertTrue(resume.err().contains("it takes no other settings") && resume.err().contains("--final-steps"),
                resume.err());
    }
}
