// Writes a file so that a crash at any moment leaves either the old file or the complete new one:
// the bytes go to a temporary file in the same directory, which is fsynced, renamed over the
// target (an atomic replace on POSIX file systems), and then the directory is fsynced so the
// rename itself survives a power loss. A failed write deletes its temporary file; a temporary file
// left by a killed process never replaces anything (only a completed write renames).
package org.autogan4j.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

public final class AtomicFile {
    /** Suffix of the temporary files; they start with "." and the target's name. */
    public static final String TEMP_SUFFIX = ".tmp";
    /** Names the temporary files (created with the umask's permissions, unlike Files.createTempFile's 0600). */
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The part of a write that produces the bytes. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /** Replaces target with what body writes, atomically and durably. */
    public static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + TEMP_SUFFIX);
        boolean done = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
        syncDirectory(dir);
    }

    /** Replaces target with bytes, atomically and durably. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
