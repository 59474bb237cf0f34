package org.redwheel.jt808;

import java.util.Objects;
import org.redwheel.jt808.message.Jt808Message;

/** A decoded message with the header it came in: who sent it, which serial to acknowledge. */
public record Jt808Envelope(Jt808Header header, Jt808Message message) {

    public Jt808Envelope {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(message, "message");
    }
}
