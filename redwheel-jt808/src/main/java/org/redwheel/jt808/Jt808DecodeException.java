package org.redwheel.jt808;

import java.util.Optional;

/**
 * The only exception decoding throws: the frame is malformed and cannot be read. The frame should be
 * dropped (and counted); the connection can carry on with the next frame.
 */
public final class Jt808DecodeException extends RuntimeException {

    /** What was wrong with the frame, for metrics and logs. */
    public enum Reason {
        /** Input text is not hexadecimal (command line only). */
        NOT_HEX,
        /** Fewer bytes than the header or the body layout needs. */
        TRUNCATED,
        /** More bytes between two 0x7E than any valid frame has. */
        FRAME_TOO_LONG,
        /** 0x7D not followed by 0x01 or 0x02, or a bare 0x7E inside the frame. */
        BAD_ESCAPE,
        BAD_CHECKSUM,
        /** The body length in the header is not the number of bytes that follow. */
        LENGTH_MISMATCH,
        /** A BCD field has a nibble above 9. */
        BAD_BCD,
        /** A BCD date or time that is no calendar date. */
        BAD_TIME,
        /** Packet total or index out of range in a segmented frame. */
        BAD_SEGMENT
    }

    private final Reason reason;
    private final Jt808Header header;

    public Jt808DecodeException(Reason reason, String message) {
        this(reason, message, null);
    }

    private Jt808DecodeException(Reason reason, String message, Jt808Header header) {
        // No stack trace: malformed frames are expected input, and a flood of them from a broken
        // device must not cost a stack walk each.
        super(message.startsWith(reason.name()) ? message : reason + ": " + message, null, false, false);
        this.reason = reason;
        this.header = header;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * The frame's header when the frame itself was sound and only its body could not be read: the
     * gateway can then answer the serial with 0x8001 result 2 (message error) so the terminal does
     * not resend the same broken message forever.
     */
    public Optional<Jt808Header> header() {
        return Optional.ofNullable(header);
    }

    Jt808DecodeException withHeader(Jt808Header frameHeader) {
        return new Jt808DecodeException(reason, getMessage(), frameHeader);
    }
}
