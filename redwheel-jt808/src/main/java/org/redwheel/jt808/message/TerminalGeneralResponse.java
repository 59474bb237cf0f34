package org.redwheel.jt808.message;

/** 0x0001: the terminal acknowledges a platform message. */
public record TerminalGeneralResponse(int responseSerial, int responseMessageId, int result) implements Jt808Message {

    @Override
    public int messageId() {
        return MessageIds.TERMINAL_GENERAL_RESPONSE;
    }
}
