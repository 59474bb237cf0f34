package org.redwheel.jt808.message;

/** 0x8104: asks for all parameters; the terminal answers with 0x0104. Empty body. */
public record QueryTerminalParameters() implements Jt808Message {

    @Override
    public int messageId() {
        return MessageIds.QUERY_TERMINAL_PARAMETERS;
    }
}
