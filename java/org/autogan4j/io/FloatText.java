// The text of a 32-bit float setting (lr, beta1, beta2, ema_decay) wherever autogan4j writes or shows
// one: the shortest decimal that reads back (Float.parseFloat) as the same float, in Float.toString's
// layout (plain from 1e-3 to 1e7, "2.0E-4" style outside), which is a valid JSON number. The float
// 2e-4f is exactly 1.9999999494757503E-4 as a double; written that way, a config looks like noise.
// JDK 17's Float.toString can give more digits than needed, so the digits are found here: for 1..9
// significant digits, the nearest decimals below and above the float's exact value are tried (the
// nearer one when both read back; on a tie the one with an even last digit, as numpy and repr do).
package org.autogan4j.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

public final class FloatText {
    /** Nine significant digits always identify a float. */
    private static final int MAX_DIGITS = 9;

    private FloatText() {
    }

    /** The shortest text that Float.parseFloat turns back into f ("NaN", "Infinity" for those). */
    public static String shortest(float f) {
        if (!Float.isFinite(f)) {
            return Float.toString(f);
        }
        if (f == 0) {
            return (Float.floatToRawIntBits(f) < 0 ? "-" : "") + "0.0";
        }
        BigDecimal exact = new BigDecimal(f);
        for (int digits = 1; digits <= MAX_DIGITS; digits++) {
            BigDecimal below = exact.round(new MathContext(digits, RoundingMode.FLOOR));
            BigDecimal above = exact.round(new MathContext(digits, RoundingMode.CEILING));
            boolean belowFits = Float.parseFloat(below.toString()) == f;
            boolean aboveFits = Float.parseFloat(above.toString()) == f;
            if (belowFits && aboveFits) {
                int side = exact.subtract(below).compareTo(above.subtract(exact));
                return layout(side < 0 ? below : side > 0 ? above
                        : exact.round(new MathContext(digits, RoundingMode.HALF_EVEN)));
            } else if (belowFits || aboveFits) {
                return layout(belowFits ? below : above);
            }
        }
        throw new IllegalStateException("no " + MAX_DIGITS + "-digit decimal reads back as " + f);
    }

    /** value (a few significant digits) laid out as Float.toString does. */
    private static String layout(BigDecimal value) {
        BigDecimal magnitude = value.abs();
        String sign = value.signum() < 0 ? "-" : "";
        if (magnitude.compareTo(new BigDecimal("1e-3")) >= 0 && magnitude.compareTo(new BigDecimal("1e7")) < 0) {
            String plain = magnitude.stripTrailingZeros().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        BigDecimal stripped = magnitude.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        int exponent = digits.length() - 1 - stripped.scale();
        String fraction = digits.length() > 1 ? digits.substring(1) : "0";
        return sign + digits.charAt(0) + "." + fraction + "E" + exponent;
    }
}
