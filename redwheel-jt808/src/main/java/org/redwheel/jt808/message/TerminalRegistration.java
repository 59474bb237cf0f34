package org.redwheel.jt808.message;

import java.util.Objects;

/**
 * 0x0100: a terminal registers its vehicle. The fixed-width fields are 5/8/7 bytes wide in 2011,
 * 5/20/7 in 2013 and 11/30/30 in 2019; the codec pads and trims them.
 *
 * @param plateColor JT/T 697.7 colour code (1 blue, 2 yellow, 3 black, 4 white, 5 green, 9 other);
 *     0 means the vehicle has no plate yet and {@code plate} carries the VIN
 */
public record TerminalRegistration(
        int provinceId,
        int cityId,
        String manufacturerId,
        String terminalModel,
        String terminalId,
        int plateColor,
        String plate)
        implements Jt808Message {

    public TerminalRegistration {
        Objects.requireNonNull(manufacturerId, "manufacturerId");
        Objects.requireNonNull(terminalModel, "terminalModel");
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(plate, "plate");
    }

    @Override
    public int messageId() {
        return MessageIds.TERMINAL_REGISTRATION;
    }
}
