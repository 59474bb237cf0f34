package org.redwheel.jt808.message;

import java.util.Objects;

/**
 * 0x0102: the terminal proves its identity with the code it got in 0x8100.
 *
 * @param imei 2019 only (15 digits); empty for earlier versions
 * @param softwareVersion 2019 only; empty for earlier versions
 */
public record TerminalAuthentication(String authCode, String imei, String softwareVersion) implements Jt808Message {

    public TerminalAuthentication {
        Objects.requireNonNull(authCode, "authCode");
        Objects.requireNonNull(imei, "imei");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
    }

    /** An authentication as 2011 and 2013 terminals send it: the code alone. */
    public static TerminalAuthentication of(String authCode) {
        return new TerminalAuthentication(authCode, "", "");
    }

    @Override
    public int messageId() {
        return MessageIds.TERMINAL_AUTHENTICATION;
    }
}
