// A checkpoint or safetensors file that cannot be used: truncated, a bad header, a tensor missing
// or of the wrong shape or type. The message names the file and, where there is one, the tensor.
package org.autogan4j.io;

import java.io.IOException;
import java.nio.file.Path;

public final class CheckpointException extends IOException {
    private static final long serialVersionUID = 1L;

    public CheckpointException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public CheckpointException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
