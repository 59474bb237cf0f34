package org.redwheel.monitoring;

import java.time.Instant;

/**
 * A terminal's connection state and last position, as the monitoring desk shows it.
 *
 * @param lastFixTime the newest fix stored (a late blind-area fix does not move it back)
 */
public record TerminalState(
        long terminalId,
        Long vehicleId,
        boolean online,
        String protocolVersion,
        Instant connectedAt,
        Instant disconnectedAt,
        Instant lastFixTime,
        Double latitude,
        Double longitude,
        Float speedKmh,
        Integer direction,
        Long alarmFlags,
        Long statusFlags) {

    static TerminalState unknown(long terminalId, Long vehicleId) {
        return new TerminalState(
                terminalId, vehicleId, false, null, null, null, null, null, null, null, null, null, null);
    }

    TerminalState connected(String version, Instant at) {
        return new TerminalState(
                terminalId,
                vehicleId,
                true,
                version,
                at,
                disconnectedAt,
                lastFixTime,
                latitude,
                longitude,
                speedKmh,
                direction,
                alarmFlags,
                statusFlags);
    }

    TerminalState disconnected(Instant at) {
        return new TerminalState(
                terminalId,
                vehicleId,
                false,
                protocolVersion,
                connectedAt,
                at,
                lastFixTime,
                latitude,
                longitude,
                speedKmh,
                direction,
                alarmFlags,
                statusFlags);
    }

    TerminalState withFix(PositionRow row) {
        if (lastFixTime != null && !row.fixTime().isAfter(lastFixTime)) {
            return this;
        }
        return new TerminalState(
                terminalId,
                row.vehicleId() != null ? row.vehicleId() : vehicleId,
                online,
                protocolVersion,
                connectedAt,
                disconnectedAt,
                row.fixTime(),
                row.latitude(),
                row.longitude(),
                row.speedKmh(),
                row.direction(),
                row.alarmFlags(),
                row.statusFlags());
    }
}
