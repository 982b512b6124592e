// The record codec: a state record with every supported type (nested records, lists of records and of
// double arrays, maps, null boxes, non-finite numbers, -0.0 and subnormals) survives JSON text
// bit for bit; keys are snake_case in component order; a missing key, an unknown key and a value of the
// wrong type are refused naming the dotted path; settings text overrides parse by type, reach nested
// records by dotted key and refuse unknown keys with the list of keys.
package org.autogan4j.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.autogan4j.io.Json;
import org.junit.jupiter.api.Test;

class RecordJsonTest {
    record Inner(int[] tokens, double reward) {
    }

    record Sample(int count, long offset, float rate, double loss, boolean done, Double best, String name,
            double[] window, List<Inner> parents, List<double[]> arrays, Map<String, Integer> steps, Inner last) {
    }

    record Flat(int size, double rate, boolean on, String label, Inner inner) {
    }

    private static Sample sample() {
        double[] window = {-0.0, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, 1.0 / 3};
        Map<String, Integer> steps = new LinkedHashMap<>();
        steps.put("l1.weight", 7);
        steps.put("l2.bias", 3);
        return new Sample(-5, 1L << 40, 2e-4f, Double.NEGATIVE_INFINITY, true, null, "x\"y",
                window, List.of(new Inner(new int[] {1, 0, 3}, 2.5)), List.of(new double[] {Math.PI}, new double[0]),
                steps, new Inner(new int[0], Double.NaN));
    }

    private static Object throughText(Object json) {
        return Json.parse(Json.write(json));
    }

    @Test
    void aRecordSurvivesJsonTextBitForBit() {
        Sample a = sample();
        Map<String, Object> json = RecordJson.write(a);
        assertEquals(List.of("count", "offset", "rate", "loss", "done", "best", "name", "window", "parents", "arrays",
                "steps", "last"), new ArrayList<>(json.keySet()));
        Sample b = RecordJson.read(Sample.class, throughText(json));
        assertEquals(a.count(), b.count());
        assertEquals(a.offset(), b.offset());
        assertEquals(Float.floatToIntBits(a.rate()), Float.floatToIntBits(b.rate()));
        assertEquals(a.loss(), b.loss());
        assertTrue(b.done());
        assertNull(b.best());
        assertEquals(a.name(), b.name());
        for (int i = 0; i < a.window().length; i++) {
            assertEquals(Double.doubleToRawLongBits(a.window()[i]), Double.doubleToRawLongBits(b.window()[i]), "at " + i);
        }
        assertArrayEquals(a.parents().get(0).tokens(), b.parents().get(0).tokens());
        assertEquals(2.5, b.parents().get(0).reward());
        assertArrayEquals(a.arrays().get(0), b.arrays().get(0), 0);
        assertEquals(0, b.arrays().get(1).length);
        assertEquals(a.steps(), b.steps());
        assertEquals(List.of("l1.weight", "l2.bias"), new ArrayList<>(b.steps().keySet()));
        assertTrue(Double.isNaN(b.last().reward()));
        assertEquals("NaN", ((Map<?, ?>) json.get("last")).get("reward"), "JSON has no NaN: it travels as text");
    }

    @Test
    void aMisfitNamesItsPath() {
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) throughText(RecordJson.write(sample()));
        @SuppressWarnings("unchecked")
        Map<String, Object> parent = (Map<String, Object>) ((List<Object>) json.get("parents")).get(0);
        parent.remove("reward");
        RecordJson.Mismatch missing = assertThrows(RecordJson.Mismatch.class, () -> RecordJson.read(Sample.class, json));
        assertEquals("parents[0].reward is missing", missing.getMessage());
        parent.put("reward", "high");
        RecordJson.Mismatch type = assertThrows(RecordJson.Mismatch.class, () -> RecordJson.read(Sample.class, json));
        assertEquals("parents[0].reward must be a number, got \"high\"", type.getMessage());
        parent.put("reward", 1);
        json.put("count", 3_000_000_000L);
        RecordJson.Mismatch range = assertThrows(RecordJson.Mismatch.class, () -> RecordJson.read(Sample.class, json));
        assertTrue(range.getMessage().startsWith("count must be an integer in -2147483648..2147483647"), range.getMessage());
        json.put("count", 1);
        json.put("extra", 1);
        RecordJson.Mismatch unknown = assertThrows(RecordJson.Mismatch.class, () -> RecordJson.read(Sample.class, json));
        assertTrue(unknown.getMessage().startsWith("extra is not a known key"), unknown.getMessage());
        json.remove("extra");
        json.put("window", "not base64!");
        RecordJson.Mismatch bits = assertThrows(RecordJson.Mismatch.class, () -> RecordJson.read(Sample.class, json));
        assertTrue(bits.getMessage().startsWith("window is not base64 text"), bits.getMessage());
    }

    @Test
    void settingTextParsesByTypeAndRefusesUnknownKeys() {
        Flat f = new Flat(1, 0.5, false, "a", new Inner(new int[] {2}, 1));
        Flat g = SettingText.with(SettingText.with(SettingText.with(f, "size", " 12 "), "on", "true"), "inner.reward",
                "1e-3");
        assertEquals(12, g.size());
        assertTrue(g.on());
        assertEquals(1e-3, g.inner().reward());
        assertEquals("a b", SettingText.with(f, "label", "a b").label());
        assertEquals(List.of("size", "rate", "on", "label", "inner.tokens", "inner.reward"), SettingText.keys(Flat.class));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> SettingText.with(f, "inner", "3"));
        assertTrue(unknown.getMessage().startsWith("unknown setting \"inner\"; the settings are size, rate, on,"),
                unknown.getMessage());
        IllegalArgumentException integer = assertThrows(IllegalArgumentException.class,
                () -> SettingText.with(f, "size", "1x8"));
        assertEquals("setting \"size\" needs an integer, got \"1x8\"", integer.getMessage());
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> SettingText.with(f, "size", "3000000000"));
        assertTrue(big.getMessage().contains("out of range"), big.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SettingText.with(f, "on", "yes"));
        assertTrue(Double.isNaN(SettingText.with(f, "rate", "NaN").rate()), "NaN parses; validate() refuses it");
    }
}
