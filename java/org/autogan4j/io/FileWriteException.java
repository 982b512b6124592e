// A file that could not be written (a full disk, a file-size limit, no permission, a file where a
// folder should be). The message is one line naming the path, the reason the system gave and what
// to do; AtomicFile throws it only after it has made sure the previous file is unchanged and no
// temporary file is left.
package org.autogan4j.io;

import java.io.IOException;
import java.nio.file.Path;

public final class FileWriteException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    public FileWriteException(Path path, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** The file that was to be written. */
    public Path path() {
        return path;
    }
}
