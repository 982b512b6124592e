// The small JSON writer/reader: exact text for maps, lists, arrays, escapes and numbers, values
// read back with their Java types, and errors that point at the bad character.
package org.autogan4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesExactText() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", new int[] {1, 2});
        m.put("a", List.of(true, "x\"y\\z\n"));
        m.put("n", null);
        m.put("d", 0.25);
        assertEquals("{\"b\":[1,2],\"a\":[true,\"x\\\"y\\\\z\\u000a\"],\"n\":null,\"d\":0.25}", Json.write(m));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
    }

    @Test
    void readsValuesWithTheirTypes() {
        Object parsed = Json.parse(" {\"k\": [1, -2.5e1, \"\\u00e9\\t\", false, null, {}], \"big\": 12345678901234567890} ");
        Map<?, ?> m = (Map<?, ?>) parsed;
        assertEquals(Arrays.asList(1L, -25.0, "\u00e9\t", false, null, Map.of()), m.get("k"));
        assertEquals(1.2345678901234567e19, m.get("big"));
    }

    @Test
    void errorsNameThePosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1,}"));
        assertTrue(e.getMessage().contains("at character 8"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1,\"a\":2}"))
                .getMessage().contains("appears twice"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1] x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("01a"));
    }
}
