package org.redwheel.jt808.message;

/** 0x8001: the platform acknowledges a terminal message (see {@link Results}). */
public record PlatformGeneralResponse(int responseSerial, int responseMessageId, int result) implements Jt808Message {

    @Override
    public int messageId() {
        return MessageIds.PLATFORM_GENERAL_RESPONSE;
    }
}
