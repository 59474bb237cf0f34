package org.redwheel.jt808;

import java.util.Arrays;
import org.redwheel.jt808.Jt808DecodeException.Reason;

/**
 * The layer under the messages: 0x7E delimiters, 0x7D escaping, the XOR check code and the header.
 */
final class Framing {

    static final int DELIMITER = 0x7E;
    static final int ESCAPE = 0x7D;

    /** Body length is a 10-bit field. */
    static final int MAX_BODY_LENGTH = 0x3FF;

    private static final int LENGTH_MASK = 0x03FF;
    private static final int ENCRYPTION_SHIFT = 10;
    private static final int SEGMENTED_BIT = 1 << 13;
    private static final int VERSION_BIT = 1 << 14;

    private static final int PHONE_BYTES_2013 = 6;
    private static final int PHONE_BYTES_2019 = 10;

    private Framing() {}

    /** Header bytes for a version, with or without the packet fields. */
    static int headerLength(ProtocolVersion version, boolean segmented) {
        int base = version == ProtocolVersion.V2019 ? 2 + 2 + 1 + PHONE_BYTES_2019 + 2 : 2 + 2 + PHONE_BYTES_2013 + 2;
        return segmented ? base + 4 : base;
    }

    /** Longest frame between two delimiters: every byte of header, body and check code escaped. */
    static int maxEscapedLength() {
        return 2 * (headerLength(ProtocolVersion.V2019, true) + MAX_BODY_LENGTH + 1);
    }

    /**
     * Reads a frame: optional 0x7E at either end, escaped content, check code.
     *
     * @throws Jt808DecodeException for any malformation
     */
    static Jt808Frame parse(byte[] raw) {
        int from = 0;
        int to = raw.length;
        if (to > from && (raw[from] & 0xFF) == DELIMITER) {
            from++;
        }
        if (to > from && (raw[to - 1] & 0xFF) == DELIMITER) {
            to--;
        }
        byte[] content = unescape(raw, from, to);
        if (content.length < headerLength(ProtocolVersion.V2013, false) + 1) {
            throw new Jt808DecodeException(Reason.TRUNCATED, "frame of " + content.length + " bytes is too short");
        }
        int checked = content.length - 1;
        int expected = xor(content, 0, checked);
        int actual = content[checked] & 0xFF;
        if (expected != actual) {
            throw new Jt808DecodeException(
                    Reason.BAD_CHECKSUM, String.format("check code %02X, computed %02X", actual, expected));
        }
        return parseChecked(content, checked);
    }

    private static Jt808Frame parseChecked(byte[] content, int end) {
        BodyReader reader = new BodyReader(Arrays.copyOf(content, end));
        int messageId = reader.u16();
        int properties = reader.u16();
        boolean v2019 = (properties & VERSION_BIT) != 0;
        boolean segmented = (properties & SEGMENTED_BIT) != 0;
        ProtocolVersion version = v2019 ? ProtocolVersion.V2019 : ProtocolVersion.V2013;
        int headerLength = headerLength(version, segmented);
        if (end < headerLength) {
            throw new Jt808DecodeException(
                    Reason.TRUNCATED, end + " bytes before the check code, header alone needs " + headerLength);
        }
        int versionNumber = v2019 ? reader.u8() : 0;
        String phone = reader.bcd(v2019 ? PHONE_BYTES_2019 : PHONE_BYTES_2013);
        int serial = reader.u16();
        int total = 0;
        int index = 0;
        if (segmented) {
            total = reader.u16();
            index = reader.u16();
            if (total < 1 || index < 1 || index > total) {
                throw new Jt808DecodeException(Reason.BAD_SEGMENT, "packet " + index + " of " + total);
            }
        }
        int declared = properties & LENGTH_MASK;
        if (declared != reader.remaining()) {
            throw new Jt808DecodeException(
                    Reason.LENGTH_MISMATCH, "header says " + declared + " body bytes, frame has " + reader.remaining());
        }
        int encryption = (properties >>> ENCRYPTION_SHIFT) & 0x7;
        Jt808Header header =
                new Jt808Header(messageId, version, versionNumber, phone, serial, encryption, total, index);
        return new Jt808Frame(header, reader.rest());
    }

    /** Header, body, check code, escaped and delimited. */
    static byte[] write(Jt808Header header, byte[] body, int from, int length) {
        if (length > MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("a packet body holds at most 1023 bytes, got " + length);
        }
        boolean v2019 = header.version() == ProtocolVersion.V2019;
        if (header.encryption() < 0 || header.encryption() > 7) {
            throw new IllegalArgumentException("encryption is a 3-bit field: " + header.encryption());
        }
        int properties = length | (header.encryption() << ENCRYPTION_SHIFT);
        if (header.segmented()) {
            if (header.packetIndex() < 1 || header.packetIndex() > header.packetTotal()) {
                throw new IllegalArgumentException(
                        "packet " + header.packetIndex() + " of " + header.packetTotal() + " is out of range");
            }
            properties |= SEGMENTED_BIT;
        }
        if (v2019) {
            properties |= VERSION_BIT;
        }
        BodyWriter writer = new BodyWriter().u16(header.messageId()).u16(properties);
        if (v2019) {
            writer.u8(header.versionNumber());
        }
        writer.bcd(header.phone(), v2019 ? PHONE_BYTES_2019 : PHONE_BYTES_2013).u16(header.serial());
        if (header.segmented()) {
            writer.u16(header.packetTotal()).u16(header.packetIndex());
        }
        writer.bytes(body, from, length);
        byte[] content = writer.toByteArray();
        return escape(content, xor(content, 0, content.length));
    }

    static int xor(byte[] data, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum ^= data[i];
        }
        return sum & 0xFF;
    }

    static byte[] unescape(byte[] raw, int from, int to) {
        byte[] out = new byte[to - from];
        int size = 0;
        for (int i = from; i < to; i++) {
            int b = raw[i] & 0xFF;
            if (b == DELIMITER) {
                throw new Jt808DecodeException(Reason.BAD_ESCAPE, "bare 0x7E at offset " + i);
            }
            if (b == ESCAPE) {
                if (i + 1 >= to) {
                    throw new Jt808DecodeException(Reason.BAD_ESCAPE, "0x7D at the end of the frame");
                }
                int next = raw[++i] & 0xFF;
                if (next == 0x01) {
                    b = ESCAPE;
                } else if (next == 0x02) {
                    b = DELIMITER;
                } else {
                    throw new Jt808DecodeException(
                            Reason.BAD_ESCAPE, String.format("0x7D followed by %02X at offset %d", next, i));
                }
            }
            out[size++] = (byte) b;
        }
        return Arrays.copyOf(out, size);
    }

    static byte[] escape(byte[] content, int checkCode) {
        byte[] out = new byte[2 * (content.length + 1) + 2];
        int size = 0;
        out[size++] = DELIMITER;
        for (int i = 0; i <= content.length; i++) {
            int b = i < content.length ? content[i] & 0xFF : checkCode;
            if (b == DELIMITER) {
                out[size++] = ESCAPE;
                out[size++] = 0x02;
            } else if (b == ESCAPE) {
                out[size++] = ESCAPE;
                out[size++] = 0x01;
            } else {
                out[size++] = (byte) b;
            }
        }
        out[size++] = DELIMITER;
        return Arrays.copyOf(out, size);
    }
}
