package org.redwheel.fleet;

/**
 * A vehicle (车辆) with its terminal, if one is bound.
 *
 * @param plateColor JT/T 697.7 colour code (1 blue, 2 yellow, 3 black, 4 white, 5 green)
 */
public record Vehicle(
        long id,
        String plate,
        int plateColor,
        String vehicleType,
        Long enterpriseId,
        Long terminalId,
        String terminalPhone,
        String protocolVersion,
        boolean active) {}
