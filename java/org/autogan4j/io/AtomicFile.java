// Writes a file so that a crash at any moment leaves either the old file or the complete new one:
// the bytes go to a temporary file in the same directory, which is fsynced, renamed over the
// target (an atomic replace on POSIX file systems), and then the directory is fsynced so the
// rename itself survives a power loss. A failed write (a full disk, a file-size limit, an error in
// the body) deletes its temporary file and throws a FileWriteException naming the target; a
// temporary file left by a killed process never replaces anything (only a completed write renames).
package org.autogan4j.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
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
        Path temp = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + TEMP_SUFFIX);
        try {
            Files.createDirectories(dir);
            writeTemp(temp, body);
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            removeTemp(temp, e);
            throw new FileWriteException(target, "could not write " + target + ": " + reason(e) + "; "
                    + (Files.exists(absolute) ? "the previous file is unchanged" : "no file was created")
                    + " and no partial file is left" + advice(e), e);
        } catch (RuntimeException | Error e) {
            removeTemp(temp, e);
            throw e;
        }
        try {
            syncDirectory(dir);
        } catch (IOException e) {
            throw new FileWriteException(target, target + " was written, but its folder could not be synced to disk ("
                    + reason(e) + "); a power loss now could lose it", e);
        }
    }

    /** Replaces target with bytes, atomically and durably. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    private static void writeTemp(Path temp, Body body) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
            body.writeTo(out);
            out.flush();
            channel.force(true);
        }
    }

    private static void removeTemp(Path temp, Throwable failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** What went wrong, in words (NIO names some failures only by their exception class). */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied on " + a.getFile();
        } else if (e instanceof NotDirectoryException n) {
            return n.getFile() + " is not a folder";
        } else if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is in the way (a file where a folder should be)";
        } else if (e instanceof NoSuchFileException n) {
            return "no such folder " + n.getFile();
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.replace('\n', ' ');
    }

    private static String advice(IOException e) {
        String reason = reason(e);
        if (reason.contains("No space left")) {
            return "; free some disk space (or write to another folder) and run again";
        } else if (reason.contains("File too large")) {
            return "; the file system or the process's file-size limit (ulimit -f) does not allow a file this large";
        } else if (reason.contains("quota")) {
            return "; the disk quota is exhausted: free some space and run again";
        }
        return "";
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
