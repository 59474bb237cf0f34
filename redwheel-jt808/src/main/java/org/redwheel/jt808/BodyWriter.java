package org.redwheel.jt808;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.redwheel.jt808.message.Location;

/**
 * Big-endian writes into a growing array. Values that do not fit their field are refused with
 * {@link IllegalArgumentException} rather than cut, so a caller's mistake never goes on the wire.
 */
final class BodyWriter {

    private byte[] buffer = new byte[64];
    private int size;

    BodyWriter u8(int value) {
        check("BYTE", value, 0xFF);
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    BodyWriter u16(int value) {
        check("WORD", value, 0xFFFF);
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    BodyWriter u32(long value) {
        check("DWORD", value, 0xFFFF_FFFFL);
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    BodyWriter bytes(byte[] value) {
        return bytes(value, 0, value.length);
    }

    BodyWriter bytes(byte[] value, int from, int length) {
        ensure(length);
        System.arraycopy(value, from, buffer, size, length);
        size += length;
        return this;
    }

    /** Digits as BCD[length], left-padded with zeros the way phone numbers are. */
    BodyWriter bcd(String digits, int length) {
        if (digits.length() > length * 2 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not at most " + (length * 2) + " decimal digits: " + digits);
        }
        String padded = "0".repeat(length * 2 - digits.length()) + digits;
        ensure(length);
        for (int i = 0; i < length; i++) {
            buffer[size++] = (byte) (((padded.charAt(2 * i) - '0') << 4) | (padded.charAt(2 * i + 1) - '0'));
        }
        return this;
    }

    /** BCD[6] YYMMDDhhmmss in GMT+8. */
    BodyWriter time(OffsetDateTime time) {
        OffsetDateTime local = time.withOffsetSameInstant(Location.GMT8);
        if (local.getYear() < 2000 || local.getYear() > 2099) {
            throw new IllegalArgumentException("year outside the protocol's 2000-2099: " + time);
        }
        return bcd(
                String.format(
                        "%02d%02d%02d%02d%02d%02d",
                        local.getYear() - 2000,
                        local.getMonthValue(),
                        local.getDayOfMonth(),
                        local.getHour(),
                        local.getMinute(),
                        local.getSecond()),
                6);
    }

    /** BCD[4] YYYYMMDD, zeros for null. */
    BodyWriter date(LocalDate date) {
        if (date == null) {
            return bcd("", 4);
        }
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new IllegalArgumentException("year outside 1-9999: " + date);
        }
        return bcd(String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth()), 4);
    }

    /** Text in GBK, zero-padded to {@code length}. */
    BodyWriter fixedText(String text, int length) {
        byte[] encoded = text.getBytes(BodyReader.GBK);
        if (encoded.length > length) {
            throw new IllegalArgumentException("'" + text + "' is " + encoded.length + " bytes, field is " + length);
        }
        bytes(encoded);
        ensure(length - encoded.length);
        size += length - encoded.length; // the array is zero-initialised
        return this;
    }

    BodyWriter text(String text) {
        return bytes(text.getBytes(BodyReader.GBK));
    }

    /** Text preceded by its GBK length as a BYTE. */
    BodyWriter shortText(String text) {
        byte[] encoded = text.getBytes(BodyReader.GBK);
        u8(checkLength(encoded.length, 0xFF, text));
        return bytes(encoded);
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    static int checkLength(int length, int max, String what) {
        if (length > max) {
            throw new IllegalArgumentException("'" + what + "' is " + length + " bytes, at most " + max + " fit");
        }
        return length;
    }

    private static void check(String type, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(type + " value outside 0.." + max + ": " + value);
        }
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
