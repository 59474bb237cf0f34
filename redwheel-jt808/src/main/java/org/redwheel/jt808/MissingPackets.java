package org.redwheel.jt808;

import java.util.List;

/**
 * Packets of a segmented message that did not arrive in time. Unless {@code abandoned}, answer with
 * {@code new SegmentResendRequest(firstSerial, missingIndices)} (0x8003) to the terminal.
 *
 * @param firstSerial serial of the message's first packet, the one 0x8003 refers to
 * @param missingIndices 1-based packet indices, ascending
 * @param abandoned the resend requests are used up and the partial message was dropped
 */
public record MissingPackets(
        String phone,
        ProtocolVersion version,
        int messageId,
        int firstSerial,
        List<Integer> missingIndices,
        boolean abandoned) {

    public MissingPackets {
        missingIndices = List.copyOf(missingIndices);
    }
}
