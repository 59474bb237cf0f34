package org.redwheel.monitoring;

import java.time.Instant;

/** One fix as stored in {@code monitoring_position}. */
record PositionRow(
        long terminalId,
        Long vehicleId,
        Instant fixTime,
        Instant receivedAt,
        double latitude,
        double longitude,
        int altitudeM,
        float speedKmh,
        int direction,
        long alarmFlags,
        long statusFlags,
        Float mileageKm,
        boolean blindArea) {}
