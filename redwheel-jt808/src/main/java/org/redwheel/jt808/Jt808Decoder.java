package org.redwheel.jt808;

import org.redwheel.jt808.message.RawMessage;

/**
 * Decodes JT/T 808 frames. Stateless and thread-safe; reassembly of segmented messages is the
 * {@link Reassembler}'s job.
 *
 * <p>Every malformation (bad escape, check code, truncation, a body length that lies, bad BCD, an
 * impossible time) is reported as {@link Jt808DecodeException}, and nothing else escapes; when only
 * the body is broken, the exception carries the header so the message can still be answered. Unknown
 * message ids, encrypted bodies and single packets of a segmented message decode to {@link
 * RawMessage}; unknown location extra items and parameters stay raw.
 *
 * <p>Version: a frame with body-property bit 14 is 2019. 2011 and 2013 share the header, so they are
 * told apart only where a body layout differs; otherwise the caller's assumption holds, 2013 by
 * default:
 *
 * <ul>
 *   <li>0x0100 registration: the 2013 layout has 37 fixed bytes ending in the plate colour, the 2011
 *       layout 25. A body whose byte 36 is a plate colour code (0–9, 91–94) is 2013; otherwise one
 *       whose byte 24 is a colour code is 2011. A usual GBK plate keeps a 2011 body under 37 bytes;
 *       a 2011 body carrying a 17-character VIN is longer but has an ASCII character, never a colour
 *       code, at byte 36.
 *   <li>0x0702 driver identity: a 2013/2019 body starts with status 0x01 or 0x02 and a valid BCD
 *       time; a 2011 body starts with the name's length, and its lengths add up to the body length
 *       exactly. When both readings fit, the caller's assumption decides.
 * </ul>
 */
public final class Jt808Decoder {

    /** The most body bytes one packet can carry (a 10-bit field). */
    public static final int MAX_BODY_LENGTH = Framing.MAX_BODY_LENGTH;

    /** The longest escaped frame between two 0x7E, for frame splitters' limits. */
    public static final int MAX_ESCAPED_FRAME_LENGTH = Framing.maxEscapedLength();

    private Jt808Decoder() {}

    /**
     * Unescapes and checks one frame and reads its header.
     *
     * @param raw the frame, with or without its 0x7E delimiters, still escaped
     */
    public static Jt808Frame parseFrame(byte[] raw) {
        return Framing.parse(raw);
    }

    /** Parses and decodes one frame, assuming 2013 for a pre-2019 frame whose layout cannot tell. */
    public static Jt808Envelope decode(byte[] raw) {
        return decode(Framing.parse(raw), ProtocolVersion.V2013);
    }

    /**
     * Parses and decodes one frame.
     *
     * @param legacyVersion the version to assume for pre-2019 frames whose body does not show it,
     *     usually what the terminal registered with
     */
    public static Jt808Envelope decode(byte[] raw, ProtocolVersion legacyVersion) {
        return decode(Framing.parse(raw), legacyVersion);
    }

    /**
     * Decodes a checked frame's body. The returned header carries the version as far as it can be
     * told: 2019 from the header; for 0x0100 and 0x0702, 2011 or 2013 from the body layout (see the
     * class description); otherwise {@code legacyVersion}.
     */
    public static Jt808Envelope decode(Jt808Frame frame, ProtocolVersion legacyVersion) {
        Jt808Header header = frame.header();
        int id = header.messageId();
        if (header.segmented() || header.encryption() != 0) {
            // a packet's body is a fragment, an encrypted body is opaque: neither can be typed
            return new Jt808Envelope(header, new RawMessage(id, frame.bodyUnsafe()));
        }
        ProtocolVersion version = header.version();
        if (version != ProtocolVersion.V2019) {
            ProtocolVersion assumed = legacyVersion == ProtocolVersion.V2011 ? legacyVersion : ProtocolVersion.V2013;
            version = MessageBodies.legacyVersion(id, frame.bodyUnsafe(), assumed);
            header = header.withVersion(version);
        }
        try {
            return new Jt808Envelope(header, MessageBodies.decode(id, version, frame.bodyUnsafe()));
        } catch (Jt808DecodeException e) {
            throw e.withHeader(header);
        }
    }
}
