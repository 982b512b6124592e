// The lock that gives a run directory one writer: an OS file lock (FileChannel.tryLock) on
// RUN_DIR/.lock, which holds the holder's process id as text. A second process (or a second job in
// this JVM) is refused with a message naming the holder. The operating system drops the lock when its
// process dies, however it dies, so the lock of a killed run is stale by construction: the next
// writer takes it and reports whose it was (a holder that ends normally empties the file). The file
// itself stays (deleting it would let two writers
// lock two different files of the same name).
package org.autogan4j.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

public final class RunLock implements AutoCloseable {
    /** The lock file's name inside a run directory. */
    public static final String FILE = ".lock";
    /** Lock files held by this JVM: a second channel on one of them must never be opened and closed, as
     * closing any descriptor of a file drops this process's POSIX locks on it. */
    private static final Set<Path> HELD = new HashSet<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final String previousHolder;

    private RunLock(Path file, FileChannel channel, FileLock lock, String previousHolder) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.previousHolder = previousHolder;
    }

    /** Locks dir (which must exist) for this process, or refuses naming the process that holds it. */
    public static RunLock acquire(Path dir) throws IOException {
        Path file = dir.resolve(FILE).toAbsolutePath().normalize();
        synchronized (HELD) {
            if (HELD.contains(file)) {
                throw inUse(dir, file, String.valueOf(ProcessHandle.current().pid()) + ", this process");
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            } catch (IOException e) {
                channel.close();
                throw new IOException("cannot lock " + file + " (" + e.getMessage() + "): the run directory needs a "
                        + "file system with file locks", e);
            }
            String holder = read(channel);
            if (lock == null) {
                channel.close();
                throw inUse(dir, file, holder.isEmpty() ? "unknown" : holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                    0);
            channel.force(true);
            HELD.add(file);
            return new RunLock(file, channel, lock, holder);
        }
    }

    private static IllegalStateException inUse(Path dir, Path file, String holder) {
        return new IllegalStateException(dir + " is in use by another autogan4j process (pid " + holder + ", lock "
                + file + "): wait until it ends or stop it, then try again");
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
    }

    /** The process id a killed holder left in the lock file ("" when the last holder ended normally). */
    public String previousHolder() {
        return previousHolder;
    }

    @Override
    public void close() throws IOException {
        synchronized (HELD) {
            if (!channel.isOpen()) {
                return;
            }
            try {
                channel.truncate(0);
                lock.release();
            } finally {
                channel.close();
                HELD.remove(file);
            }
        }
    }
}
