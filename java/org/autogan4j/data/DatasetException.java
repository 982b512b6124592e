// A dataset file that is missing, truncated, not in its expected format or declaring sizes that
// cannot be true. The message names the file, what was expected (size, magic number, record
// layout) and how to get a good copy.
package org.autogan4j.data;

import org.autogan4j.io.BadFileException;

public final class DatasetException extends BadFileException {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message, (Throwable) null);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
