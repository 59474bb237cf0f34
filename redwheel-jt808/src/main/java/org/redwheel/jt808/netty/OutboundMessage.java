package org.redwheel.jt808.netty;

import java.util.Objects;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.Jt808Message;

/**
 * A message to write to a terminal (or, in the simulator, to the platform).
 *
 * @param serial the serial of the first frame; a body over 1023 bytes takes one serial per packet
 */
public record OutboundMessage(ProtocolVersion version, String phone, int serial, Jt808Message message) {

    public OutboundMessage {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(message, "message");
    }
}
