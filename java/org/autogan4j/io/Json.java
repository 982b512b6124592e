// JSON for every JSON text autogan4j reads or writes: --config files, config.json, checkpoint
// sidecars, topk.json, safetensors headers. Values map to Java as: object <-> Map (order kept),
// array <-> List (Java arrays of primitives are written as arrays too), string, number (read back
// as Long when integral and within 18 digits, else Double; a Float is written as its shortest
// round-trip decimal, FloatText), boolean, null. Reading goes through
// JsonParser, which bounds the document by Limits; JsonObject reads typed fields with messages
// that name the file and the key. Non-finite numbers are refused both ways, as JSON has none.
package org.autogan4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public final class Json {
    private Json() {
    }

    /** value as compact JSON text. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.toString();
    }

    /** Parses text that came from no file (one JSON value, surrounding whitespace allowed). */
    public static Object parse(String text) {
        return JsonParser.parse(null, text);
    }

    /** Parses text read from source (a path or a display name), which every error message starts with. */
    public static Object parse(String source, String text) {
        return JsonParser.parse(source, text);
    }

    /**
     * Reads and parses the JSON file: at most Limits.JSON_BYTES of strict UTF-8. A missing or
     * unreadable file is an IOException; bad or oversized content is a JsonException naming the file.
     */
    public static Object read(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(Limits.JSON_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such JSON file");
        } catch (IOException e) {
            throw new BadFileException(file.toString(), "cannot be read (" + AtomicFile.reason(e) + ")", e);
        }
        if (bytes.length > Limits.JSON_BYTES) {
            throw new JsonException(file + ": larger than " + Limits.size(Limits.JSON_BYTES) + ", the most JSON "
                    + "autogan4j reads; is it the file you meant?");
        }
        return JsonParser.parse(file.toString(), JsonParser.utf8(file.toString(), bytes));
    }

    /** Reads the JSON file, which must hold one object (see read). */
    public static JsonObject readObject(Path file) throws IOException {
        return JsonObject.of(file.toString(), read(file));
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (depth > Limits.DEPTH) {
            throw new IllegalArgumentException("cannot write JSON nested deeper than " + Limits.DEPTH
                    + " levels (does a value contain itself?)");
        }
        if (value == null || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Number) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no value for the number " + value);
            }
            out.append(value instanceof Float f ? FloatText.shortest(f) : value.toString());
        } else if (value instanceof CharSequence) {
            string(value.toString(), out);
        } else if (value instanceof Map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                string(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out, depth + 1);
            }
            out.append('}');
        } else if (value instanceof Iterable || value.getClass().isArray()) {
            List<Object> items = new ArrayList<>();
            if (value instanceof Iterable) {
                ((Iterable<?>) value).forEach(items::add);
            } else {
                for (int i = 0; i < Array.getLength(value); i++) {
                    items.add(Array.get(value, i));
                }
            }
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(items.get(i), out, depth + 1);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
