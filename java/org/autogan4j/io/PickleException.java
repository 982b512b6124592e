// A pickle that PickleReader refuses or cannot parse; the caller adds the file name.
package org.autogan4j.io;

final class PickleException extends Exception {
    private static final long serialVersionUID = 1L;

    PickleException(String message) {
        super(message);
    }
}
