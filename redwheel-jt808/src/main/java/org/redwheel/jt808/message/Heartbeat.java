package org.redwheel.jt808.message;

/** 0x0002: keeps the connection alive; empty body. */
public record Heartbeat() implements Jt808Message {

    @Override
    public int messageId() {
        return MessageIds.HEARTBEAT;
    }
}
