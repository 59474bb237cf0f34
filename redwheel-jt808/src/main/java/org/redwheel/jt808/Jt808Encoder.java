package org.redwheel.jt808;

import java.util.ArrayList;
import java.util.List;
import org.redwheel.jt808.message.Jt808Message;

/**
 * Writes JT/T 808 frames for either direction: full frames, escaped, with check code and 0x7E
 * delimiters, ready for the wire. Stateless and thread-safe.
 *
 * <p>Invalid input (a phone that is not digits or too long, a value that does not fit its field,
 * text longer than its fixed width) is refused with {@link IllegalArgumentException}; nothing is
 * silently cut.
 */
public final class Jt808Encoder {

    private Jt808Encoder() {}

    /**
     * Encodes a message as one frame or, when its body is longer than 1023 bytes, as consecutive
     * packets. Packet {@code i} (0-based) carries serial {@code (firstSerial + i) & 0xFFFF}, so the
     * caller advances its serial counter by the returned list's size.
     *
     * @param phone the terminal's phone digits; left-padded with zeros to 12 (20 for 2019)
     */
    public static List<byte[]> encode(ProtocolVersion version, String phone, int firstSerial, Jt808Message message) {
        return encode(version, phone, firstSerial, message, Framing.MAX_BODY_LENGTH);
    }

    /** Encodes a message that must fit one frame (every message but large parameter lists and batches). */
    public static byte[] encodeSingle(ProtocolVersion version, String phone, int serial, Jt808Message message) {
        byte[] body = encodeBody(version, message);
        return Framing.write(Jt808Header.of(version, message.messageId(), phone, serial), body, 0, body.length);
    }

    /** The body bytes of a message for a version, unescaped. */
    public static byte[] encodeBody(ProtocolVersion version, Jt808Message message) {
        return MessageBodies.encode(version, message);
    }

    /**
     * Writes one frame for a given header and body as is, including packet fields when the header
     * has them; for tests and simulators that need unusual frames.
     */
    public static byte[] encodeFrame(Jt808Header header, byte[] body) {
        return Framing.write(header, body, 0, body.length);
    }

    static List<byte[]> encode(
            ProtocolVersion version, String phone, int firstSerial, Jt808Message message, int maxPacketBody) {
        byte[] body = encodeBody(version, message);
        int id = message.messageId();
        if (body.length <= maxPacketBody) {
            return List.of(Framing.write(Jt808Header.of(version, id, phone, firstSerial), body, 0, body.length));
        }
        int total = (body.length + maxPacketBody - 1) / maxPacketBody;
        if (total > 0xFFFF) {
            throw new IllegalArgumentException("body of " + body.length + " bytes needs more than 65535 packets");
        }
        int versionNumber = version == ProtocolVersion.V2019 ? 1 : 0;
        List<byte[]> frames = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            int from = i * maxPacketBody;
            int length = Math.min(maxPacketBody, body.length - from);
            Jt808Header header =
                    new Jt808Header(id, version, versionNumber, phone, (firstSerial + i) & 0xFFFF, 0, total, i + 1);
            frames.add(Framing.write(header, body, from, length));
        }
        return frames;
    }
}
