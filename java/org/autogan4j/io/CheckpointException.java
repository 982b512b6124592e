// A checkpoint or tensor file (safetensors, .npz, .pth) that cannot be used: truncated, a bad
// header, a size that cannot be true, a tensor missing or of the wrong shape or type. The message
// names the file and, where there is one, the tensor.
package org.autogan4j.io;

import java.nio.file.Path;

public final class CheckpointException extends BadFileException {
    private static final long serialVersionUID = 1L;

    public CheckpointException(Path file, String problem) {
        super(String.valueOf(file), problem);
    }

    public CheckpointException(Path file, String problem, Throwable cause) {
        super(String.valueOf(file), problem, cause);
    }
}
