// Progress where standard error is not a terminal: a tiny search run as `autogan4j search ... 2> err`
// in a child JVM writes plain lines to err (no carriage return, no escape code) whose last line reads
// 100% and done, and its summary to stdout; with --quiet err stays empty and stdout keeps the summary.
// The mode itself (ProgressChoice): redraw only where standard error is a terminal (a console alone is
// not enough), AUTOGAN4J_PROGRESS forcing either mode, --quiet above all.
package org.autogan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.autogan4j.app.Log;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressOutputTest {
    private static final String[] TINY = {"data_limit=200", "latent_dim=8", "gf_dim=8", "df_dim=8", "dis_bs=8",
        "gen_bs=8", "max_search_iter=3", "grow_step1=1", "grow_step2=2", "shared_steps=12", "ctrl_step=2",
        "num_candidate=3", "topk=2", "hid_size=16", "rl_num_eval_img=20", "eval_batch=10", "log_every=4",
        "sample_images=4"};

    @TempDir
    Path dir;

    private record Output(String out, String err) {
    }

    /** `autogan4j search` of TINY into run in a child JVM, stdout and stderr each to its own file. */
    private Output search(Path run, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "search", "--out", run.toString(),
                "--device", "cpu"));
        for (String s : TINY) {
            command.add("--set");
            command.add(s);
        }
        command.addAll(List.of(extra));
        Path out = dir.resolve(run.getFileName() + ".out");
        Path err = dir.resolve(run.getFileName() + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove(ProgressChoice.ENV);
        Process p = builder.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the search ends");
        Output o = new Output(Files.readString(out), Files.readString(err));
        assertEquals(0, p.exitValue(), o.err());
        return o;
    }

    @Test
    void aLogGetsPlainLinesEndingAt100Percent() throws Exception {
        Output o = search(dir.resolve("logged"));
        assertFalse(o.err().contains("\r"), "no carriage return in a log:\n" + o.err());
        assertFalse(o.err().contains("\u001b"), "no escape code in a log");
        List<String> lines = o.err().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.contains("100%") && last.contains(" done "), last);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("final rank 1: ")), o.err());
        assertTrue(o.out().startsWith("search finished in ") && o.out().contains("train it: autogan4j train --arch "),
                o.out());
    }

    @Test
    void quietLeavesOnlyTheSummary() throws Exception {
        Output o = search(dir.resolve("quiet"), "--quiet");
        assertEquals("", o.err());
        assertTrue(o.out().startsWith("search finished in "), o.out());
        assertEquals(2, o.out().lines().count(), o.out());
    }

    @Test
    void onlyATerminalOnStandardErrorRedraws() {
        assertEquals(Log.Mode.REDRAW, ProgressChoice.mode(false, null, "xterm", true, () -> true));
        assertEquals(Log.Mode.LINES, ProgressChoice.mode(false, null, "xterm", true, () -> false),
                "2> log with a console: stdin and stdout are terminals, standard error is not");
        assertEquals(Log.Mode.LINES, ProgressChoice.mode(false, null, "xterm", false, () -> true));
        assertEquals(Log.Mode.LINES, ProgressChoice.mode(false, null, "dumb", true, () -> true));
        assertEquals(Log.Mode.REDRAW, ProgressChoice.mode(false, "redraw", null, false, () -> false));
        assertEquals(Log.Mode.LINES, ProgressChoice.mode(false, "LINES", "xterm", true, () -> true));
        assertEquals(Log.Mode.QUIET, ProgressChoice.mode(true, "redraw", "xterm", true, () -> true));
        String bad = assertThrows(IllegalArgumentException.class,
                () -> ProgressChoice.mode(false, "bar", null, true, () -> true)).getMessage();
        assertEquals("AUTOGAN4J_PROGRESS = \"bar\" is not one of redraw, lines (or unset it to let autogan4j choose)",
                bad);
        assertTrue(ProgressChoice.isTerminalDevice("/dev/pts/3") && ProgressChoice.isTerminalDevice("/dev/tty1"));
        assertFalse(ProgressChoice.isTerminalDevice("/tmp/err.log") || ProgressChoice.isTerminalDevice("pipe:[4711]"));
        assertFalse(ProgressChoice.stderrIsTerminal(), "the test runner's standard error is a pipe or a file");
    }
}
