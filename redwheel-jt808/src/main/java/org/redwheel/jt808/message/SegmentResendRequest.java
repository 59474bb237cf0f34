package org.redwheel.jt808.message;

import java.util.List;

/**
 * 0x8003: asks the terminal to send again the listed packets of a segmented message. The count is a
 * BYTE before 2019 and a WORD in 2019.
 *
 * @param originalSerial the serial of the message's first packet
 * @param packetIndices 1-based indices of the packets to resend
 */
public record SegmentResendRequest(int originalSerial, List<Integer> packetIndices) implements Jt808Message {

    public SegmentResendRequest {
        packetIndices = List.copyOf(packetIndices);
    }

    @Override
    public int messageId() {
        return MessageIds.SEGMENT_RESEND_REQUEST;
    }
}
