// Every float setting of search and train (found by reflection, so a new one is covered too) is written
// to config.json and shown by --list-settings as its shortest decimal (2.0E-4, never
// 1.9999999494757503E-4), as a JSON number, and config.json read back gives the same float bit for bit.
package org.autogan4j.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.autogan4j.io.FloatText;
import org.autogan4j.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FloatSettingsTest {
    private static final String[] VALUES = {"2e-4", "0.9", "0.999", "1e-5", "0.3", "0.1234567"};

    @TempDir
    Path dir;

    /** The dotted keys of every float component of type. */
    private static List<String> floatKeys(Class<?> type, String prefix) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            String key = prefix + RecordJson.key(c.getName());
            if (c.getType() == float.class) {
                out.add(key);
            } else if (c.getType().isRecord()) {
                out.addAll(floatKeys(c.getType(), key + "."));
            }
        }
        return out;
    }

    private static Object at(Map<?, ?> json, String key) {
        Object v = json;
        for (String part : key.split("\\.")) {
            v = ((Map<?, ?>) v).get(part);
        }
        return v;
    }

    @Test
    void everyFloatSettingOfASearchRoundTrips() throws IOException {
        List<String> keys = floatKeys(SearchSettings.class, "");
        assertEquals(List.of("lr", "beta1", "beta2", "ema_decay"), keys);
        for (String key : keys) {
            for (String text : VALUES) {
                SearchSettings s = SearchSettings.preset("fmnist").with(key, text);
                float f = Float.parseFloat(text);
                Path file = dir.resolve("search-config.json");
                Files.writeString(file, Json.write(RecordJson.write(s)));
                String written = Files.readString(file);
                assertTrue(written.contains("\"" + key + "\":" + FloatText.shortest(f) + ","), written);
                assertTrue(SettingText.lines(s).contains(key + " = " + FloatText.shortest(f)), key);
                Object back = at((Map<?, ?>) Json.read(file), key);
                assertEquals(Float.floatToIntBits(f), Float.floatToIntBits(((Number) back).floatValue()), key + " " + text);
                SearchSettings loaded = SearchSettings.load(file);
                assertEquals(written, Json.write(RecordJson.write(loaded)), "config.json read back writes the same text");
            }
        }
        assertTrue(Json.write(RecordJson.write(SearchSettings.preset("fmnist")))
                .contains("\"lr\":2.0E-4,\"beta1\":0.0,\"beta2\":0.9,\"ema_decay\":0.999,"));
    }

    @Test
    void everyFloatSettingOfATrainRoundTrips() throws IOException {
        List<String> keys = floatKeys(TrainSettings.class, "");
        assertEquals(List.of("config.lr", "config.beta1", "config.beta2", "config.ema_decay"), keys);
        for (String key : keys) {
            for (String text : VALUES) {
                TrainSettings s = TrainSettings.preset("fmnist", null).with("arch", "autogan-cifar10-a").with(key, text);
                float f = Float.parseFloat(text);
                Path file = dir.resolve("train-config.json");
                Files.writeString(file, Json.write(RecordJson.write(s)));
                String written = Files.readString(file);
                String leaf = key.substring("config.".length());
                assertTrue(written.contains("\"" + leaf + "\":" + FloatText.shortest(f)), written);
                Object back = at((Map<?, ?>) Json.read(file), key);
                assertEquals(Float.floatToIntBits(f), Float.floatToIntBits(((Number) back).floatValue()), key + " " + text);
                assertEquals(written, Json.write(RecordJson.write(TrainSettings.load(file))));
            }
        }
    }
}
