// JSON that autogan4j cannot use: malformed text, a document beyond Limits (size, nesting, string
// or number length), or a value of the wrong type where JsonObject expected another. The message is
// one line that starts with the file (or other source) it came from, when one was given.
package org.autogan4j.io;

public final class JsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
