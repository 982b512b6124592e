// The README's first command, ./autogan4j: with a fresh jar it runs it without building again, and
// where Fashion-MNIST is missing (and may not be installed from here) the default run stops with one
// line saying what to install, before anything else happens, and how to run the default job, the
// pipeline, on a folder of its own.
package org.autogan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class LauncherIT {
    private static final Path ROOT = Path.of(System.getProperty("user.dir"));

    /** The launcher's exit status and its standard output and error together. */
    private record Run(int status, String out) {
    }

    private static Run launch(Map<String, String> env, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = ROOT.resolve("autogan4j").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish: " + out);
        return new Run(p.exitValue(), out);
    }

    @Test
    void aFreshJarRunsWithoutBuildingAgain() throws Exception {
        Run run = launch(Map.of(), "--version");
        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().startsWith("autogan4j "), run.out());
        assertFalse(run.out().contains("building the jar"), "the jar was fresh: " + run.out());
    }

    @Test
    void aMissingDatasetStopsTheDefaultRunWithTheInstallLine() throws Exception {
        Run run = launch(Map.of("AUTOGAN4J_FMNIST_DIR", "/nonexistent/fashion-mnist", "AUTOGAN4J_NO_INSTALL", "1"));
        assertEquals(1, run.status(), run.out());
        assertEquals(1, run.out().strip().lines().count(), "one line: " + run.out());
        assertTrue(run.out().contains("apt-get install -y dataset-fashion-mnist")
                && run.out().contains("/nonexistent/fashion-mnist"), run.out());
        assertTrue(run.out().strip().endsWith("run ./autogan4j pipeline --data FOLDER"), "the default job: " + run.out());
    }
}
