// A run directory as its one writer (search or train) holds it: create() makes a new one (refused
// unless the folder is absent or empty), open() takes an existing one to resume (it must hold
// config.json); both take the RunLock first. open() also removes what a process killed during a write
// leaves behind: AtomicFile's temporary files (.NAME.HEX.tmp) in the folder and its subfolders. A
// new run whose set-up fails is removed again (deleteCreated), so a refusal leaves nothing behind.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.autogan4j.io.AtomicFile;

final class RunFolder implements AutoCloseable {
    static final String CONFIG = "config.json";
    private static final Pattern LEFTOVER = Pattern.compile("\\..+\\.[0-9a-f]+" + Pattern.quote(AtomicFile.TEMP_SUFFIX));

    private final Path root;
    private final RunLock lock;
    private final boolean madeRoot;

    private RunFolder(Path root, RunLock lock, boolean madeRoot) {
        this.root = root;
        this.lock = lock;
        this.madeRoot = madeRoot;
    }

    /** Refuses (creating nothing) unless root is absent or an empty folder; command names the resume hint. */
    static void requireUnused(Path root, String command) throws IOException {
        if (Files.isRegularFile(root.resolve(CONFIG))) {
            throw new IllegalArgumentException(root + " already holds a run (config.json): continue it with "
                    + "`autogan4j " + command + " --resume " + root + "`, or choose another --out");
        }
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + " exists and is not a folder: choose another --out");
        }
        if (Files.isDirectory(root) && !entriesBesideLock(root).isEmpty()) {
            throw new IllegalArgumentException(root + " already exists and is not empty: choose another --out (or "
                    + "continue a run there with --resume " + root + ")");
        }
    }

    private static List<Path> entriesBesideLock(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().equals(RunLock.FILE)).toList();
        }
    }

    /** A new, locked run folder at root (see requireUnused). */
    static RunFolder create(Path root, String command) throws IOException {
        requireUnused(root, command);
        boolean madeRoot = !Files.exists(root);
        Files.createDirectories(root);
        RunLock lock = RunLock.acquire(root);
        if (!entriesBesideLock(root).isEmpty()) {
            lock.close();
            throw new IllegalStateException("another process began a run in " + root + " at the same moment; choose "
                    + "another --out");
        }
        return new RunFolder(root, lock, madeRoot);
    }

    /** An existing run folder, locked, with leftover temporary files removed; what names it in messages. */
    static RunFolder open(Path root, String what, Log log) throws IOException {
        if (!Files.isRegularFile(root.resolve(CONFIG))) {
            throw new IllegalArgumentException(root + " is not a " + what + " (it has no config.json)");
        }
        RunLock lock = RunLock.acquire(root);
        if (!lock.previousHolder().isEmpty()) {
            log.warn("taking over the lock of process " + lock.previousHolder() + ", which ended without "
                    + "releasing it");
        }
        int removed = 0;
        try (Stream<Path> s = Files.walk(root, 2)) {
            for (Path p : s.filter(p -> LEFTOVER.matcher(p.getFileName().toString()).matches()).toList()) {
                Files.deleteIfExists(p);
                removed++;
            }
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        if (removed > 0) {
            log.info("removed " + removed + " temporary file(s) of a write that was interrupted");
        }
        return new RunFolder(root, lock, false);
    }

    Path root() {
        return root;
    }

    Path resolve(String name) {
        return root.resolve(name);
    }

    /** Removes what a new run wrote (and the folder, if create() made it), then unlocks: a failed set-up. */
    void deleteCreated() throws IOException {
        lock.close();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                if (madeRoot || !p.equals(root)) {
                    Files.delete(p);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }
}
