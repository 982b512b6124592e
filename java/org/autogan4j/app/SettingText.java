// Settings records changed one key at a time from text, as `--set key=value`, a `--config` JSON file
// and a run's config.json do: the key is the setting's JSON key (a dotted path into a nested record,
// e.g. config.lr), the text is parsed as that setting's type (integer, number, true/false or text), and
// the record is rebuilt through RecordJson. An unknown key is refused with the list of keys; a value
// that does not parse is refused naming the key, the type it needs and the text given.
package org.autogan4j.app;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.autogan4j.io.Json;

public final class SettingText {
    private SettingText() {
    }

    /** record with the setting at key parsed from text. */
    public static <R extends Record> R with(R record, String key, String text) {
        Map<String, Object> json = RecordJson.write(record);
        Map<String, Object> at = json;
        Class<?> type = record.getClass();
        String[] parts = key.split("\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            RecordComponent c = component(type, parts[i]);
            boolean leaf = i == parts.length - 1;
            if (c == null || c.getType().isRecord() == leaf) {
                throw new IllegalArgumentException("unknown setting \"" + key + "\"; the settings are "
                        + String.join(", ", keys(record.getClass())));
            }
            if (leaf) {
                at.put(parts[i], parse(c.getType(), key, text));
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = (Map<String, Object>) at.get(parts[i]);
                at = inner;
                type = c.getType();
            }
        }
        @SuppressWarnings("unchecked")
        Class<R> recordType = (Class<R>) record.getClass();
        return RecordJson.read(recordType, json);
    }

    /** record with every key of a parsed JSON object applied as with() does (nested objects for nested records). */
    public static <R extends Record> R withJson(R record, Map<?, ?> json) {
        return withJson(record, "", json);
    }

    private static <R extends Record> R withJson(R record, String prefix, Map<?, ?> json) {
        R out = record;
        for (Map.Entry<?, ?> e : json.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> inner) {
                out = withJson(out, key + ".", inner);
            } else {
                out = with(out, key, String.valueOf(e.getValue()));
            }
        }
        return out;
    }

    /** "key = value" for every setting of record (what --list-settings prints); floats as their shortest decimal. */
    public static List<String> lines(Record record) {
        List<String> out = new ArrayList<>();
        RecordJson.write(record).forEach((k, v) -> out.add(k + " = " + (v instanceof String s ? s : Json.write(v))));
        return out;
    }

    /** Every setting key of type, in order, dotted for nested records. */
    public static List<String> keys(Class<?> type) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            String k = RecordJson.key(c.getName());
            if (c.getType().isRecord()) {
                keys(c.getType()).forEach(inner -> out.add(k + "." + inner));
            } else {
                out.add(k);
            }
        }
        return out;
    }

    private static RecordComponent component(Class<?> type, String key) {
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (RecordJson.key(c.getName()).equals(key)) {
                    return c;
                }
            }
        }
        return null;
    }

    private static Object parse(Class<?> type, String key, String text) {
        String t = text.trim();
        try {
            if (type == int.class || type == long.class) {
                long v = Long.parseLong(t);
                if (type == int.class && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
                    throw new IllegalArgumentException("setting \"" + key + "\" = " + t + " is out of range: it must "
                            + "be an integer in " + Integer.MIN_VALUE + ".." + Integer.MAX_VALUE);
                }
                return v;
            } else if (type == double.class) {
                return Double.parseDouble(t);
            } else if (type == float.class) {
                double v = Double.parseDouble(t);
                float f = (float) v;
                if ((f == 0 && v != 0) || (Float.isInfinite(f) && !Double.isInfinite(v))) {
                    throw new IllegalArgumentException("setting \"" + key + "\" = " + t + " rounds to " + f + " as a "
                            + "32-bit float, the type the networks use: give a value the float range holds");
                }
                return f;
            } else if (type == boolean.class) {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new NumberFormatException(text);
                }
                return Boolean.parseBoolean(text);
            } else if (type == String.class) {
                return text;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting \"" + key + "\" needs " + RecordJson.describe(type) + ", got \""
                    + text + "\"");
        }
        throw new IllegalArgumentException("setting \"" + key + "\" cannot be set from text");
    }
}
