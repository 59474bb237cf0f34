package org.redwheel.fleet;

/**
 * A JT/T 808 terminal (终端) as the gateway needs it.
 *
 * @param phone the terminal's number without zero padding, as in the frame header
 * @param protocolVersion {@code V2011}, {@code V2013} or {@code V2019}, as last seen
 */
public record Terminal(
        long id,
        String phone,
        String deviceId,
        String model,
        String protocolVersion,
        Long vehicleId,
        String plate,
        Long enterpriseId,
        boolean active) {}
