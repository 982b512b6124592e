package org.autogan4j.testing;

// A second JVM running a main class of this build (same java, same class path), its output in a log
// file, for tests that need another process: a second writer of a run directory, or a run killed with
// SIGKILL (Process.destroyForcibly) at a chosen moment.

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

public final class ChildJvm implements AutoCloseable {
    private static final long POLL_MILLIS = 10;

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts mainClass with args; stdout and stderr go to log. */
    public static ChildJvm start(Path log, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        return new ChildJvm(builder.start(), log);
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until file exists; fails (with the child's output) if the child ends first or time runs out. */
    public void awaitFile(Path file, Duration timeout) throws IOException, InterruptedException {
        await(() -> Files.exists(file), "the file " + file, timeout);
    }

    /** Waits until the child has printed text. */
    public void awaitOutput(String text, Duration timeout) throws IOException, InterruptedException {
        await(() -> output().contains(text), "the output \"" + text + "\"", timeout);
    }

    private void await(BooleanSupplier done, String what, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (!process.isAlive()) {
                fail("the child ended (exit " + process.exitValue() + ") before " + what + " appeared:\n" + output());
            }
            if (System.nanoTime() > end) {
                fail("no " + what + " after " + timeout + ":\n" + output());
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** What the child printed so far. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL, as kill -9 does; returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
