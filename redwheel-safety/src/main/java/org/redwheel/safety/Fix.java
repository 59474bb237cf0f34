package org.redwheel.safety;

import java.time.Instant;
import java.util.Objects;

/**
 * One position fix as the engine needs it, whatever message carried it (0x0200, an element of a 0x0704
 * blind-area batch, 0x0201).
 *
 * @param driverId who is driving, from the terminal's latest 0x0702; {@code null} when unknown (the
 *     vehicle's clocks then stand for its unidentified driver)
 * @param time when the fix was taken (the terminal's GMT+8 time, as an instant)
 * @param receivedAt when the platform received it; {@code null} means "as it was taken"
 * @param speedKmh ground speed
 * @param heading degrees clockwise from north, 0–359
 * @param altitudeM metres above sea level
 * @param alarmFlags the JT/T 808 alarm DWORD
 * @param terminalSpeedLimitKmh the terminal's maximum speed (parameter 0x0055), or {@code null}
 * @param vehicleClass for the class default limit, or {@code null}
 */
public record Fix(
        String vehicleId,
        String driverId,
        Instant time,
        Instant receivedAt,
        double lat,
        double lon,
        double speedKmh,
        int heading,
        int altitudeM,
        int alarmFlags,
        Integer terminalSpeedLimitKmh,
        VehicleClass vehicleClass) {

    public Fix {
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(time, "time");
        if (receivedAt == null) {
            receivedAt = time;
        }
    }

    /** A fix received as it was taken, with no driver, alarms or limits. */
    public static Fix of(String vehicleId, Instant time, double lat, double lon, double speedKmh) {
        return new Fix(vehicleId, null, time, time, lat, lon, speedKmh, 0, 0, 0, null, null);
    }

    public Fix withDriverId(String driverId) {
        return new Fix(
                vehicleId,
                driverId,
                time,
                receivedAt,
                lat,
                lon,
                speedKmh,
                heading,
                altitudeM,
                alarmFlags,
                terminalSpeedLimitKmh,
                vehicleClass);
    }

    public Fix withReceivedAt(Instant receivedAt) {
        return new Fix(
                vehicleId,
                driverId,
                time,
                receivedAt,
                lat,
                lon,
                speedKmh,
                heading,
                altitudeM,
                alarmFlags,
                terminalSpeedLimitKmh,
                vehicleClass);
    }

    public Fix withAlarmFlags(int alarmFlags) {
        return new Fix(
                vehicleId,
                driverId,
                time,
                receivedAt,
                lat,
                lon,
                speedKmh,
                heading,
                altitudeM,
                alarmFlags,
                terminalSpeedLimitKmh,
                vehicleClass);
    }

    public Fix withHeading(int heading) {
        return new Fix(
                vehicleId,
                driverId,
                time,
                receivedAt,
                lat,
                lon,
                speedKmh,
                heading,
                altitudeM,
                alarmFlags,
                terminalSpeedLimitKmh,
                vehicleClass);
    }

    public Fix withAltitudeM(int altitudeM) {
        return new Fix(
                vehicleId,
                driverId,
                time,
                receivedAt,
                lat,
                lon,
                speedKmh,
                heading,
                altitudeM,
                alarmFlags,
                terminalSpeedLimitKmh,
                vehicleClass);
    }

    public Fix withTerminalSpeedLimitKmh(Integer terminalSpeedLimitKmh) {
        return new Fix(
                vehicleId,
                driverId,
                time,
                receivedAt,
                lat,
                lon,
                speedKmh,
                heading,
                altitudeM,
                alarmFlags,
                terminalSpeedLimitKmh,
                vehicleClass);
    }

    public Fix withVehicleClass(VehicleClass vehicleClass) {
        return new Fix(
                vehicleId,
                driverId,
                time,
                receivedAt,
                lat,
                lon,
                speedKmh,
                heading,
                altitudeM,
                alarmFlags,
                terminalSpeedLimitKmh,
                vehicleClass);
    }
}
