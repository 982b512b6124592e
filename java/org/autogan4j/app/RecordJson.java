// The one codec between records and the JSON values of io.Json, for every settings record
// (config.json, --config, --set) and every checkpoint state record (the sidecar), so that no class
// builds or reads JSON maps by hand. Component names become snake_case keys in component order
// (maxSearchIter -> max_search_iter, adamGSteps -> adam_g_steps). Types: int, long, float, double,
// boolean, their boxes (a box may be null: "none"), String, int[], double[] (base64 of the
// little-endian IEEE bits: exact and NaN-safe; a list of numbers, or null, reads too), List and
// Map<String, V> of those, and nested records. A non-finite float or double is written as the string
// "NaN", "Infinity" or "-Infinity". Reading is strict: every key present, no other key, each value of
// its type; a misfit is a Mismatch naming the dotted path (mlas.parents[1].reward) and the problem.
package org.autogan4j.app;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class RecordJson {
    /** A JSON value that does not fit the record type; the message starts with the dotted path. */
    public static final class Mismatch extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Mismatch(String path, String problem) {
            super((path.isEmpty() ? "" : path + " ") + problem);
        }
    }

    private RecordJson() {
    }

    /** record as an ordered JSON object (maps, lists, strings, numbers, booleans, null). */
    public static Map<String, Object> write(Record record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            out.put(key(c.getName()), encode(value(c, record)));
        }
        return out;
    }

    /** The record of type that json (a parsed JSON object) describes; throws Mismatch when it does not fit. */
    public static <R extends Record> R read(Class<R> type, Object json) {
        return type.cast(decode(type, json, ""));
    }

    /** The JSON key of a record component: camelCase to snake_case. */
    public static String key(String component) {
        StringBuilder out = new StringBuilder();
        for (char ch : component.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                out.append('_').append(Character.toLowerCase(ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    static Object value(RecordComponent c, Record record) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }

    private static Object encode(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            return v;
        } else if (v instanceof Double d) {
            return Double.isFinite(d) ? d : d.toString();
        } else if (v instanceof Float f) {
            return Float.isFinite(f) ? f : Double.toString(f);
        } else if (v instanceof double[] a) {
            ByteBuffer bytes = ByteBuffer.allocate(a.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asDoubleBuffer().put(a);
            return Base64.getEncoder().encodeToString(bytes.array());
        } else if (v instanceof int[] a) {
            List<Object> out = new ArrayList<>();
            for (int i : a) {
                out.add(i);
            }
            return out;
        } else if (v instanceof Record r) {
            return write(r);
        } else if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(encode(item)));
            return out;
        } else if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, item) -> out.put(String.valueOf(k), encode(item)));
            return out;
        }
        throw new IllegalArgumentException("RecordJson cannot write a " + v.getClass().getName());
    }

    static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Object decode(Type type, Object json, String path) {
        Class<?> raw = raw(type);
        if (json == null) {
            if (!raw.isPrimitive() && (Number.class.isAssignableFrom(raw) || raw.isArray())) {
                return null;
            }
            throw new Mismatch(path, "is null but must be " + describe(raw));
        }
        if (raw == int.class || raw == Integer.class) {
            return (int) integer(json, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else if (raw == long.class || raw == Long.class) {
            return integer(json, path, Long.MIN_VALUE, Long.MAX_VALUE);
        } else if (raw == double.class || raw == Double.class) {
            return real(json, path);
        } else if (raw == float.class || raw == Float.class) {
            return (float) real(json, path);
        } else if (raw == boolean.class || raw == Boolean.class) {
            return expect(Boolean.class, json, path, raw);
        } else if (raw == String.class) {
            return expect(String.class, json, path, raw);
        } else if (raw == double[].class) {
            return doubles(json, path);
        } else if (raw == int[].class) {
            List<?> items = expect(List.class, json, path, raw);
            int[] out = new int[items.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (int) integer(items.get(i), path + "[" + i + "]", Integer.MIN_VALUE, Integer.MAX_VALUE);
            }
            return out;
        } else if (raw.isRecord()) {
            return record(raw, expect(Map.class, json, path, raw), path);
        } else if (raw == List.class) {
            Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<?> items = expect(List.class, json, path, raw);
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                out.add(decode(item, items.get(i), path + "[" + i + "]"));
            }
            return Collections.unmodifiableList(out);
        } else if (raw == Map.class) {
            Type item = ((ParameterizedType) type).getActualTypeArguments()[1];
            Map<String, Object> out = new LinkedHashMap<>();
            expect(Map.class, json, path, raw).forEach((k, v) -> out.put(String.valueOf(k),
                    decode(item, v, join(path, String.valueOf(k)))));
            return Collections.unmodifiableMap(out);
        }
        throw new IllegalArgumentException("RecordJson cannot read a " + type.getTypeName());
    }

    private static Object record(Class<?> raw, Map<?, ?> map, String path) {
        RecordComponent[] components = raw.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            String k = key(components[i].getName());
            keys.add(k);
            if (!map.containsKey(k)) {
                throw new Mismatch(join(path, k), "is missing");
            }
            args[i] = decode(components[i].getGenericType(), map.get(k), join(path, k));
            types[i] = components[i].getType();
        }
        for (Object k : map.keySet()) {
            if (!keys.contains(String.valueOf(k))) {
                throw new Mismatch(join(path, String.valueOf(k)), "is not a known key (the keys are "
                        + String.join(", ", keys) + ")");
            }
        }
        try {
            Constructor<?> constructor = raw.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new Mismatch(path, "does not hold a valid " + raw.getSimpleName() + ": " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + raw.getName(), e);
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static <T> T expect(Class<T> kind, Object json, String path, Class<?> wanted) {
        if (!kind.isInstance(json)) {
            throw new Mismatch(path, "must be " + describe(wanted) + ", got " + shown(json));
        }
        return kind.cast(json);
    }

    private static long integer(Object json, String path, long min, long max) {
        if (!(json instanceof Long || json instanceof Integer) || ((Number) json).longValue() < min
                || ((Number) json).longValue() > max) {
            throw new Mismatch(path, "must be an integer in " + min + ".." + max + ", got " + shown(json));
        }
        return ((Number) json).longValue();
    }

    private static double real(Object json, String path) {
        if (json instanceof Number n) {
            return n.doubleValue();
        }
        if (json instanceof String s && (s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity"))) {
            return Double.parseDouble(s);
        }
        throw new Mismatch(path, "must be a number, got " + shown(json));
    }

    private static double[] doubles(Object json, String path) {
        if (json instanceof List<?> items) {
            double[] out = new double[items.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = real(items.get(i), path + "[" + i + "]");
            }
            return out;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(expect(String.class, json, path, double[].class));
        } catch (IllegalArgumentException e) {
            throw new Mismatch(path, "is not base64 text: " + e.getMessage());
        }
        if (bytes.length % Double.BYTES != 0) {
            throw new Mismatch(path, "holds " + bytes.length + " bytes, not a whole number of doubles");
        }
        double[] out = new double[bytes.length / Double.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }

    static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        } else if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        } else if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        } else if (type == String.class) {
            return "text";
        } else if (type.isArray() || type == List.class) {
            return type == double[].class ? "base64 text or a list of numbers" : "a list";
        }
        return "a JSON object";
    }

    private static String shown(Object json) {
        String text = json instanceof String ? "\"" + json + "\"" : json instanceof Map ? "an object"
                : json instanceof List ? "a list" : String.valueOf(json);
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
