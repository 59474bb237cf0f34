package org.redwheel.jt808.cli;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A minimal streaming JSON writer: enough for one line per frame, without a library in the
 * self-contained jar. Tracks only whether a comma is due at each nesting level.
 */
final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    private final Deque<Boolean> hasMembers = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter beginObject() {
        separate();
        out.append('{');
        hasMembers.push(false);
        return this;
    }

    JsonWriter endObject() {
        hasMembers.pop();
        out.append('}');
        return this;
    }

    JsonWriter beginArray() {
        separate();
        out.append('[');
        hasMembers.push(false);
        return this;
    }

    JsonWriter endArray() {
        hasMembers.pop();
        out.append(']');
        return this;
    }

    JsonWriter name(String name) {
        separate();
        string(name);
        out.append(':');
        afterName = true;
        return this;
    }

    JsonWriter value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    JsonWriter value(long value) {
        separate();
        out.append(value);
        return this;
    }

    JsonWriter value(boolean value) {
        separate();
        out.append(value);
        return this;
    }

    JsonWriter value(BigDecimal value) {
        separate();
        out.append(value.stripTrailingZeros().toPlainString());
        return this;
    }

    JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, boolean value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, BigDecimal value) {
        return name(name).value(value);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (!hasMembers.isEmpty()) {
            if (hasMembers.peek()) {
                out.append(',');
            } else {
                hasMembers.pop();
                hasMembers.push(true);
            }
        }
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
