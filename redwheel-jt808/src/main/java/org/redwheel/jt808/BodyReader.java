package org.redwheel.jt808;

import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.redwheel.jt808.Jt808DecodeException.Reason;
import org.redwheel.jt808.message.Location;

/**
 * Big-endian reads over a byte range that never go past its end: every read checks first and
 * throws {@link Jt808DecodeException} with {@link Reason#TRUNCATED}, so a body whose inner lengths
 * lie cannot cause an out-of-bounds read.
 */
final class BodyReader {

    static final Charset GBK = Charset.forName("GBK");

    private final byte[] data;
    private final int limit;
    private int position;

    BodyReader(byte[] data) {
        this(data, 0, data.length);
    }

    private BodyReader(byte[] data, int from, int limit) {
        this.data = data;
        this.position = from;
        this.limit = limit;
    }

    int remaining() {
        return limit - position;
    }

    int u8() {
        need(1);
        return data[position++] & 0xFF;
    }

    int u16() {
        need(2);
        int value = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    long u32() {
        need(4);
        long value = ((long) (data[position] & 0xFF) << 24)
                | ((data[position + 1] & 0xFF) << 16)
                | ((data[position + 2] & 0xFF) << 8)
                | (data[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    byte[] bytes(int length) {
        need(length);
        byte[] copy = new byte[length];
        System.arraycopy(data, position, copy, 0, length);
        position += length;
        return copy;
    }

    byte[] rest() {
        return bytes(remaining());
    }

    /** A reader over the next {@code length} bytes, which this reader skips. */
    BodyReader slice(int length) {
        need(length);
        BodyReader slice = new BodyReader(data, position, position + length);
        position += length;
        return slice;
    }

    /** A fixed-width text field; the zero bytes devices pad with on either side are dropped. */
    String fixedText(int length) {
        byte[] raw = bytes(length);
        int start = 0;
        int end = raw.length;
        while (start < end && raw[start] == 0) {
            start++;
        }
        while (end > start && raw[end - 1] == 0) {
            end--;
        }
        return new String(raw, start, end - start, GBK);
    }

    String restText() {
        return fixedText(remaining());
    }

    /** BCD digits, two per byte, high nibble first. */
    String bcd(int length) {
        need(length);
        char[] digits = new char[length * 2];
        for (int i = 0; i < length; i++) {
            int b = data[position + i] & 0xFF;
            int high = b >>> 4;
            int low = b & 0x0F;
            if (high > 9 || low > 9) {
                throw new Jt808DecodeException(
                        Reason.BAD_BCD, String.format("BCD byte %02X at body offset %d", b, position + i));
            }
            digits[2 * i] = (char) ('0' + high);
            digits[2 * i + 1] = (char) ('0' + low);
        }
        position += length;
        return new String(digits);
    }

    /** BCD[6] YYMMDDhhmmss in GMT+8. */
    OffsetDateTime time() {
        String digits = bcd(6);
        try {
            return LocalDateTime.of(
                            2000 + number(digits, 0, 2),
                            number(digits, 2, 4),
                            number(digits, 4, 6),
                            number(digits, 6, 8),
                            number(digits, 8, 10),
                            number(digits, 10, 12))
                    .atOffset(Location.GMT8);
        } catch (DateTimeException e) {
            throw new Jt808DecodeException(Reason.BAD_TIME, "no such time: " + digits);
        }
    }

    /** BCD[4] YYYYMMDD; all zeros (what devices send for "unknown") reads as null. */
    LocalDate date() {
        String digits = bcd(4);
        if (digits.equals("00000000")) {
            return null;
        }
        try {
            return LocalDate.of(number(digits, 0, 4), number(digits, 4, 6), number(digits, 6, 8));
        } catch (DateTimeException e) {
            throw new Jt808DecodeException(Reason.BAD_TIME, "no such date: " + digits);
        }
    }

    private static int number(String digits, int from, int to) {
        return Integer.parseInt(digits, from, to, 10);
    }

    private void need(int length) {
        if (length < 0 || length > remaining()) {
            throw new Jt808DecodeException(
                    Reason.TRUNCATED, "needs " + length + " bytes at offset " + position + ", has " + remaining());
        }
    }
}
