// The one JSON reader: a recursive-descent parser whose recursion stops at Limits.DEPTH, over a
// document of at most Limits.JSON_BYTES with at most Limits.JSON_VALUES values, strings of at most
// Limits.JSON_STRING_CHARS and numbers of at most Limits.JSON_NUMBER_CHARS, so that no input can
// exhaust the stack or the heap. Strict RFC 8259: no trailing commas, no control characters in
// strings, no leading zeros, no NaN or infinity (1e999 is refused, not read as infinity).
package org.autogan4j.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

final class JsonParser {
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d{0,17})");
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

    private final String prefix;
    private final String text;
    private int at;
    private int depth;
    private int values;

    private JsonParser(String source, String text) {
        this.prefix = source == null ? "" : source + ": ";
        this.text = text;
    }

    /** The value of text (surrounding whitespace allowed); source (may be null) starts every message. */
    static Object parse(String source, String text) {
        JsonParser parser = new JsonParser(source, text);
        if (text.length() > Limits.JSON_BYTES) {
            throw new JsonException(parser.prefix + "a JSON document of " + text.length() + " characters is larger "
                    + "than the " + Limits.JSON_BYTES + " autogan4j reads");
        }
        if (text.startsWith("\ufeff")) {
            parser.at = 1;
        }
        Object value = parser.value();
        parser.skipSpace();
        if (parser.at != text.length()) {
            throw parser.error("unexpected text after the value");
        }
        return value;
    }

    /** bytes as strict UTF-8 text; source (may be null) names the file in the message when they are not. */
    static String utf8(String source, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new JsonException((source == null ? "" : source + ": ") + "not UTF-8 text (bad byte at offset "
                    + in.position()
                    + "); save it as UTF-8 JSON");
        }
        return out.flip().toString();
    }

    private Object value() {
        skipSpace();
        if (at >= text.length()) {
            throw error("the text ends where a value should start");
        }
        if (++values > Limits.JSON_VALUES) {
            throw new JsonException(prefix + "JSON holds more than " + Limits.JSON_VALUES + " values at character "
                    + at + ", more than autogan4j reads");
        }
        char c = text.charAt(at);
        if (c == '{' || c == '[') {
            if (++depth > Limits.DEPTH) {
                throw new JsonException(prefix + "JSON nested deeper than " + Limits.DEPTH + " levels at character "
                        + at);
            }
            Object container = c == '{' ? object() : array();
            depth--;
            return container;
        } else if (c == '"') {
            return string();
        } else if (text.startsWith("true", at)) {
            at += 4;
            return Boolean.TRUE;
        } else if (text.startsWith("false", at)) {
            at += 5;
            return Boolean.FALSE;
        } else if (text.startsWith("null", at)) {
            at += 4;
            return null;
        }
        return number();
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        at++;
        skipSpace();
        if (peek('}')) {
            return map;
        }
        do {
            skipSpace();
            if (at >= text.length() || text.charAt(at) != '"') {
                throw error("expected a quoted key");
            }
            int keyAt = at;
            String key = string();
            skipSpace();
            expect(':');
            if (map.containsKey(key)) {
                at = keyAt;
                throw error("the key \"" + key + "\" appears twice");
            }
            map.put(key, value());
            skipSpace();
        } while (peek(','));
        expect('}');
        return map;
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        at++;
        skipSpace();
        if (peek(']')) {
            return list;
        }
        do {
            list.add(value());
            skipSpace();
        } while (peek(','));
        expect(']');
        return list;
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        int start = at++;
        while (true) {
            if (at >= text.length()) {
                at = start;
                throw error("a string is not closed");
            }
            if (out.length() > Limits.JSON_STRING_CHARS) {
                at = start;
                throw error("a string longer than " + Limits.JSON_STRING_CHARS + " characters");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            } else if (c < 0x20) {
                at--;
                throw error(String.format("control character U+%04X inside a string (write it as an escape)", (int) c));
            } else if (c == '\\') {
                escape(out);
            } else {
                out.append(c);
            }
        }
    }

    private void escape(StringBuilder out) {
        char e = at < text.length() ? text.charAt(at++) : ' ';
        int simple = "\"\\/bfnrt".indexOf(e);
        if (simple >= 0) {
            out.append("\"\\/\b\f\n\r\t".charAt(simple));
        } else if (e == 'u' && at + 4 <= text.length() && text.substring(at, at + 4).matches("[0-9a-fA-F]{4}")) {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
        } else {
            at--;
            throw error("bad escape \\" + e);
        }
    }

    private Object number() {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        String s = text.substring(start, at);
        at = start;
        if (s.isEmpty()) {
            throw error("expected a value (an object, list, string, number, true, false or null)");
        }
        if (s.length() > Limits.JSON_NUMBER_CHARS) {
            throw error("a number longer than " + Limits.JSON_NUMBER_CHARS + " characters");
        }
        if (!NUMBER.matcher(s).matches()) {
            throw error("\"" + s + "\" is not a JSON number");
        }
        at += s.length();
        if (INTEGER.matcher(s).matches()) {
            return Long.parseLong(s);
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) {
            at = start;
            throw error("the number " + s + " is beyond the range of a double");
        }
        return d;
    }

    private void skipSpace() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private boolean peek(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private JsonException error(String what) {
        int from = Math.max(0, at - 20);
        String near = text.substring(from, Math.min(text.length(), at + 20)).replaceAll("[\\x00-\\x1f]", " ");
        return new JsonException(prefix + "bad JSON at character " + at + ": " + what + " (near \"" + near + "\")");
    }
}
