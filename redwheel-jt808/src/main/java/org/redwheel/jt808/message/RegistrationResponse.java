package org.redwheel.jt808.message;

import java.util.Objects;

/**
 * 0x8100: answer to 0x0100. The standard carries the auth code only on success, so it is empty
 * otherwise and the encoder leaves it out.
 */
public record RegistrationResponse(int responseSerial, int result, String authCode) implements Jt808Message {

    public RegistrationResponse {
        Objects.requireNonNull(authCode, "authCode");
    }

    public static RegistrationResponse accepted(int responseSerial, String authCode) {
        return new RegistrationResponse(responseSerial, Results.SUCCESS, authCode);
    }

    public static RegistrationResponse refused(int responseSerial, int result) {
        return new RegistrationResponse(responseSerial, result, "");
    }

    @Override
    public int messageId() {
        return MessageIds.REGISTRATION_RESPONSE;
    }
}
