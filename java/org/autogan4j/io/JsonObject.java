// A parsed JSON object read field by field with its types checked: a missing key or a value of
// the wrong type is a JsonException such as "run/config.json: key 'gan.lr' must be a number, found
// a string", never a ClassCastException or NullPointerException. Nested objects keep the file's
// name and their path of keys, so a message deep inside still says where it is.
package org.autogan4j.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

public final class JsonObject {
    private final String source;
    private final String path;
    private final Map<String, Object> values;

    private JsonObject(String source, String path, Map<String, Object> values) {
        this.source = source;
        this.path = path;
        this.values = values;
    }

    /** value (parsed from source) as an object; anything else is refused naming source. */
    @SuppressWarnings("unchecked")
    public static JsonObject of(String source, Object value) {
        if (!(value instanceof Map)) {
            throw new JsonException(source + ": must hold a JSON object, found " + kind(value));
        }
        return new JsonObject(source, "", (Map<String, Object>) value);
    }

    /** The keys and values, in the file's order (read-only). */
    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    public String string(String key) {
        Object v = require(key, "a string");
        if (!(v instanceof String s)) {
            throw wrong(key, "a string", v);
        }
        return s;
    }

    /** An integral number (written without a fraction or exponent). */
    public long integer(String key) {
        Object v = require(key, "an integer");
        if (!(v instanceof Long l)) {
            throw wrong(key, "an integer", v);
        }
        return l;
    }

    /** An integral number in [min, max]. */
    public int integer(String key, int min, int max) {
        long v = integer(key);
        if (v < min || v > max) {
            throw new JsonException(where(key) + " is " + v + ", outside " + min + ".." + max);
        }
        return (int) v;
    }

    public double number(String key) {
        Object v = require(key, "a number");
        if (!(v instanceof Number n)) {
            throw wrong(key, "a number", v);
        }
        return n.doubleValue();
    }

    @SuppressWarnings("unchecked")
    public JsonObject object(String key) {
        Object v = require(key, "an object");
        if (!(v instanceof Map)) {
            throw wrong(key, "an object", v);
        }
        return new JsonObject(source, path + key + ".", (Map<String, Object>) v);
    }

    public List<?> list(String key) {
        Object v = require(key, "a list");
        if (!(v instanceof List<?> list)) {
            throw wrong(key, "a list", v);
        }
        return list;
    }

    /** A list of objects, each keeping this object's source and its place ("architectures[2]."). */
    public List<JsonObject> objects(String key) {
        List<?> list = list(key);
        List<JsonObject> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw wrong(key + "[" + i + "]", "an object", list.get(i));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) map;
            out.add(new JsonObject(source, path + key + "[" + i + "].", values));
        }
        return out;
    }

    /** How a message names key of this object: "run/topk.json: key 'architectures[2].arch'". */
    public String where(String key) {
        return source + ": key '" + path + key + "'";
    }

    /** A list of integers, each checked. */
    public long[] integers(String key) {
        List<?> list = list(key);
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long l)) {
                throw wrong(key + "[" + i + "]", "an integer", list.get(i));
            }
            out[i] = l;
        }
        return out;
    }

    /** How a message names the type of a parsed value: "a string", "an object", ... */
    public static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Long) {
            return "an integer";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "true/false";
        }
        if (value instanceof Map) {
            return "an object";
        }
        return value instanceof List ? "a list" : value.getClass().getSimpleName();
    }

    private Object require(String key, String expected) {
        Object v = values.get(key);
        if (v == null) {
            throw new JsonException(where(key) + " is " + (values.containsKey(key) ? "null" : "missing")
                    + "; it must be " + expected);
        }
        return v;
    }

    private JsonException wrong(String key, String expected, Object found) {
        String shown = found instanceof String || found instanceof Number || found instanceof Boolean
                ? " (" + Json.write(found).replaceAll("(.{40}).+", "$1...") + ")" : "";
        return new JsonException(where(key) + " must be " + expected + ", found " + kind(found) + shown);
    }
}
