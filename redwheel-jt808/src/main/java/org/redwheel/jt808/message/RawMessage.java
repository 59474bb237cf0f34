package org.redwheel.jt808.message;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A message the codec does not type: an unknown or vendor id, an encrypted body, or one packet of a
 * segmented message that has not been reassembled. Decoding never fails for these.
 */
public record RawMessage(int messageId, byte[] body) implements Jt808Message {

    public RawMessage {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    // records compare arrays by identity; messages are compared by value in tests and dedupe
    @Override
    public boolean equals(Object other) {
        return other instanceof RawMessage that && messageId == that.messageId && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return 31 * messageId + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "RawMessage[" + MessageIds.hex(messageId) + ", body="
                + HexFormat.of().formatHex(body) + "]";
    }
}
