// A file that cannot be used as it is: too large, truncated, malformed, or declaring sizes that
// cannot be true. The message is one line, "FILE: what is wrong; what to do", so that a command
// can print it as it is. Each format has its own subclass (CheckpointException, DatasetException).
package org.autogan4j.io;

import java.io.IOException;

public class BadFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** source (a path or a display name) and what is wrong with it. */
    public BadFileException(String source, String problem) {
        super(source + ": " + problem);
    }

    public BadFileException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }

    /** A message already written as one line that names the file. */
    protected BadFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
