package org.redwheel.fleet;

/**
 * What a user enters for a JT/T 808 terminal.
 *
 * @param phone the terminal's number as its frames carry it (leading zeros are dropped)
 * @param deviceId the terminal id (终端ID): up to 7 letters and digits in 2011/2013, 30 in 2019
 * @param protocolVersion {@code V2011}, {@code V2013} or {@code V2019}
 * @param sim the SIM card's ICCID or number
 * @param vehicleId the vehicle it is fitted to; null while in stock
 */
public record TerminalData(
        String phone, String deviceId, String model, String protocolVersion, String sim, Long vehicleId) {

    public static TerminalData of(TerminalDetails t) {
        return new TerminalData(t.phone(), t.deviceId(), t.model(), t.protocolVersion(), t.sim(), t.vehicleId());
    }

    public static TerminalData empty(Long vehicleId) {
        return new TerminalData(null, null, null, "V2013", null, vehicleId);
    }
}
