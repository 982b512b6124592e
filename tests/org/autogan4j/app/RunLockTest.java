// One writer per run directory: while another process holds a run's lock, search --resume and
// train --resume are refused naming that process, and the directory is left as it was; a second
// holder inside this JVM is refused too; once the holder is killed (SIGKILL) its lock is stale and the
// next writer takes it over, reporting whose it was; a holder that ends normally leaves no owner.
package org.autogan4j.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.autogan4j.cli.Main;
import org.autogan4j.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
    private static String refusal(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(new Main(), new PrintWriter(err, true), args);
        assertEquals(1, code, err.toString());
        return err.toString();
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(Path::toString).sorted().toList();
        }
    }

    @Test
    void aSecondProcessIsRefusedUntilTheHolderDies(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        Files.createDirectories(run.resolve("checkpoints"));
        Files.writeString(run.resolve("config.json"), "{\"preset\":\"fmnist\"}");
        ChildJvm child = ChildJvm.start(tmp.resolve("holder.log"), LockHolder.class.getName(), run.toString());
        try {
            child.awaitOutput("locked", Duration.ofMinutes(1));
            String pid = String.valueOf(child.pid());
            List<String> before = listing(run);
            String lockBefore = Files.readString(run.resolve(RunLock.FILE));
            for (String command : new String[] {"search", "train"}) {
                String err = refusal(command, "--resume", run.toString());
                assertTrue(err.startsWith("error: " + run + " is in use by another autogan4j process (pid " + pid
                        + ", lock "), err);
                assertEquals(1, err.strip().lines().count(), "one line: " + err);
            }
            IllegalStateException direct = assertThrows(IllegalStateException.class, () -> RunLock.acquire(run));
            assertTrue(direct.getMessage().contains("(pid " + pid + ","), direct.getMessage());
            assertEquals(before, listing(run), "a refused writer changes nothing");
            assertEquals(lockBefore, Files.readString(run.resolve(RunLock.FILE)));
            child.kill();
            try (RunLock taken = RunLock.acquire(run)) {
                assertEquals(pid, taken.previousHolder(), "the killed holder's lock is taken over");
                IllegalStateException twice = assertThrows(IllegalStateException.class, () -> RunLock.acquire(run));
                assertTrue(twice.getMessage().contains(ProcessHandle.current().pid() + ", this process"),
                        twice.getMessage());
            }
            try (RunLock again = RunLock.acquire(run)) {
                assertEquals("", again.previousHolder(), "a holder that ended normally leaves no owner behind");
            }
        } finally {
            child.close();
        }
    }
}
