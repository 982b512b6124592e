// A dataset file that is missing, truncated or not in its expected format. The message names the
// file, what was expected (size, magic number, record layout) and how to get a good copy.
package org.autogan4j.data;

import java.io.IOException;

public final class DatasetException extends IOException {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
