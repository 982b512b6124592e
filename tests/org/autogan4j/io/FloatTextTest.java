// FloatText: the digits of 574 floats (the settings' defaults, powers of two and ten and their
// neighbours, subnormals, the extremes, random bit patterns) equal numpy's shortest round-trip digits
// (tests/resources/fixtures/floats/shortest.txt, made by tools/make_float_fixtures.py), every text reads
// back as the same float, and the layout is Float.toString's; Json writes a Float that way.
package org.autogan4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FloatTextTest {
    private static List<String> fixture() throws IOException {
        try (InputStream in = FloatTextTest.class.getResourceAsStream("/fixtures/floats/shortest.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        }
    }

    @Test
    void theDigitsAreNumpysShortestAndReadBack() throws IOException {
        List<String> lines = fixture();
        assertEquals(574, lines.size());
        for (String line : lines) {
            String[] f = line.split(" ");
            float value = Float.intBitsToFloat(Integer.parseUnsignedInt(f[0], 16));
            String text = FloatText.shortest(value);
            assertEquals(value, Float.parseFloat(text), text);
            BigDecimal read = new BigDecimal(text).stripTrailingZeros();
            String digits = read.unscaledValue().abs().toString();
            assertEquals(f[1], digits, "digits of " + f[0] + " (" + text + ")");
            assertEquals(Integer.parseInt(f[2]), digits.length() - 1 - read.scale(), "exponent of " + text);
        }
    }

    @Test
    void theLayoutIsFloatToStrings() {
        assertEquals("2.0E-4", FloatText.shortest(2e-4f));
        assertEquals("0.9", FloatText.shortest(0.9f));
        assertEquals("0.999", FloatText.shortest(0.999f));
        assertEquals("0.001", FloatText.shortest(0.001f));
        assertEquals("100.0", FloatText.shortest(100f));
        assertEquals("9999999.0", FloatText.shortest(9999999f));
        assertEquals("1.0E7", FloatText.shortest(1e7f));
        assertEquals("-1.25E-5", FloatText.shortest(-1.25e-5f));
        assertEquals("1.0E-45", FloatText.shortest(Float.MIN_VALUE), "one digit reads back as the smallest float");
        assertEquals("175691.38", FloatText.shortest(175691.375f), "a tie goes to the even digit");
        assertEquals("3.4028235E38", FloatText.shortest(Float.MAX_VALUE));
        assertEquals("0.0", FloatText.shortest(0f));
        assertEquals("-0.0", FloatText.shortest(-0f));
        assertEquals("NaN", FloatText.shortest(Float.NaN));
    }

    @Test
    void jsonWritesAFloatShortestAndADoubleAsItIs() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("lr", 2e-4f);
        settings.put("beta2", 0.9f);
        settings.put("threshold", 0.001);
        assertEquals("{\"lr\":2.0E-4,\"beta2\":0.9,\"threshold\":0.001}", Json.write(settings));
        assertEquals(2e-4f, ((Number) Json.parse(Json.write(2e-4f))).floatValue());
        assertEquals("1.9999999494757503E-4", Json.write((double) 2e-4f), "a double keeps every digit");
    }
}
