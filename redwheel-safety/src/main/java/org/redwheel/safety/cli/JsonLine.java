package org.redwheel.safety.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One flat JSON object, written by hand: the replay jar carries no library. Members are added in
 * order; {@code null} values are left out.
 */
final class JsonLine {

    private final StringBuilder out = new StringBuilder("{");

    JsonLine field(String name, String value) {
        if (value != null) {
            name(name);
            string(value);
        }
        return this;
    }

    JsonLine field(String name, Number value) {
        if (value != null) {
            name(name);
            out.append(value);
        }
        return this;
    }

    JsonLine field(String name, boolean value) {
        name(name);
        out.append(value);
        return this;
    }

    /** A decimal without trailing zeros, rounded to {@code scale} places. */
    JsonLine field(String name, Double value, int scale) {
        if (value != null) {
            name(name);
            out.append(BigDecimal.valueOf(value)
                    .setScale(scale, RoundingMode.HALF_UP)
                    .stripTrailingZeros()
                    .toPlainString());
        }
        return this;
    }

    @Override
    public String toString() {
        return out + "}";
    }

    private void name(String name) {
        if (out.length() > 1) {
            out.append(',');
        }
        string(name);
        out.append(':');
    }

    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // control characters must be escaped; U+2028/2029 break JavaScript readers of JSON lines
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
