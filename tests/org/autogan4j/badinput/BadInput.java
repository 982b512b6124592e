// What every bad-input case asserts: the exact exception type, a one-line message that names the
// file and contains each expected part, and a folder left exactly as it was (no file created,
// changed or removed, and so no temporary file left behind).
package org.autogan4j.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.function.Executable;

final class BadInput {
    private BadInput() {
    }

    /**
     * Runs call, which must throw exactly type with a one-line message naming file and holding
     * every part, and must leave folder as it found it. Returns the message.
     */
    static String refused(Class<? extends Throwable> type, Path folder, Path file, Executable call, String... parts)
            throws IOException {
        Map<String, String> before = snapshot(folder);
        Throwable e = assertThrows(Throwable.class, call);
        assertEquals(type, e.getClass(), () -> "wrong exception type: " + e);
        String message = e.getMessage();
        assertNotNull(message, "no message: " + e);
        assertFalse(message.contains("\n") || message.contains("\r"), "more than one line: " + message);
        assertTrue(message.contains(file.toString()), "does not name " + file + ": " + message);
        for (String part : parts) {
            assertTrue(message.contains(part), "lacks \"" + part + "\": " + message);
        }
        assertEquals(before, snapshot(folder), "the folder changed: " + message);
        return message;
    }

    /** Every regular file under folder (recursively) with a digest of its bytes. */
    static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                try {
                    byte[] bytes = Files.readAllBytes(p);
                    files.put(folder.relativize(p).toString(), bytes.length + ":" + Arrays.hashCode(bytes));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return files;
    }
}
