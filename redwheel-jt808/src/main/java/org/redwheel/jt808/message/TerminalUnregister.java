package org.redwheel.jt808.message;

/** 0x0003: the terminal cancels its registration; empty body. */
public record TerminalUnregister() implements Jt808Message {

    @Override
    public int messageId() {
        return MessageIds.TERMINAL_UNREGISTER;
    }
}
