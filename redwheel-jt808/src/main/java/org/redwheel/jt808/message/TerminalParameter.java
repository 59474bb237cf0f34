package org.redwheel.jt808.message;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One terminal parameter (id DWORD, length BYTE, value). Decoding types the ids {@link
 * ParameterIds#typeOf} knows when the length matches and keeps everything else {@link Raw}; so a
 * vendor parameter sent as, say, {@link DwordValue} comes back as {@link Raw}. Encoding refuses a
 * typed value whose type contradicts the standard's for that id.
 */
public sealed interface TerminalParameter {

    long id();

    static TerminalParameter dword(long id, long value) {
        return new DwordValue(id, value);
    }

    static TerminalParameter word(long id, int value) {
        return new WordValue(id, value);
    }

    record DwordValue(long id, long value) implements TerminalParameter {
        public DwordValue {
            checkId(id);
            if (value < 0 || value > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("DWORD value outside 0..2^32-1: " + value);
            }
        }
    }

    record WordValue(long id, int value) implements TerminalParameter {
        public WordValue {
            checkId(id);
            if (value < 0 || value > 0xFFFF) {
                throw new IllegalArgumentException("WORD value outside 0..65535: " + value);
            }
        }
    }

    record ByteValue(long id, int value) implements TerminalParameter {
        public ByteValue {
            checkId(id);
            if (value < 0 || value > 0xFF) {
                throw new IllegalArgumentException("BYTE value outside 0..255: " + value);
            }
        }
    }

    record StringValue(long id, String value) implements TerminalParameter {
        public StringValue {
            checkId(id);
            Objects.requireNonNull(value, "value");
        }
    }

    record Raw(long id, byte[] value) implements TerminalParameter {
        public Raw {
            checkId(id);
            if (value.length > 0xFF) {
                throw new IllegalArgumentException("parameter value longer than 255 bytes: " + value.length);
            }
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        // records compare arrays by identity; parameters are compared by value
        @Override
        public boolean equals(Object other) {
            return other instanceof Raw that && id == that.id && Arrays.equals(value, that.value);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(id) * 31 + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Raw[id=" + id + ", value=" + HexFormat.of().formatHex(value) + "]";
        }
    }

    private static void checkId(long id) {
        if (id < 0 || id > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("parameter id outside DWORD range: " + id);
        }
    }
}
