package org.redwheel.safety;

import java.time.Instant;

/**
 * The engine's mutable record of one episode while it lives; each change is published as an immutable
 * {@link SafetyEvent}.
 */
final class Episode {

    static final long OPEN = Long.MIN_VALUE;

    final String id;
    final EventType type;
    final long start;
    final double lat;
    final double lon;
    long end = OPEN;
    /** The latest fix time that showed the condition. */
    long lastSeen;

    String vehicleId;
    String driverId;
    /** Whether any event of this episode went out as real-time. */
    boolean realtimeReported;

    int limitKmh;
    double speedKmh = Double.NaN;
    double ratio;
    Grade grade;
    String limitSource;
    long continuousDrivingS = -1;
    long dailyDrivingS = -1;
    int terminalAlarmBit = -1;

    SafetyEvent last;

    /** {@code subject} names whose episode it is: a vehicle id, or a driver key for the driving clocks. */
    static String id(String subject, EventType type, long start) {
        return subject + "/" + type + "/" + start;
    }

    Episode(String id, EventType type, long start, String vehicleId, String driverId, double lat, double lon) {
        this.id = id;
        this.type = type;
        this.start = start;
        this.lastSeen = start;
        this.vehicleId = vehicleId;
        this.driverId = driverId;
        this.lat = lat;
        this.lon = lon;
    }

    boolean isOpen() {
        return end == OPEN;
    }

    SafetyEvent toEvent(Phase phase, boolean realtime, String ruleSetVersion) {
        return new SafetyEvent(
                id,
                type,
                phase,
                vehicleId,
                driverId,
                Instant.ofEpochSecond(start),
                end == OPEN ? null : Instant.ofEpochSecond(end),
                realtime,
                lat,
                lon,
                limitKmh > 0 ? limitKmh : null,
                Double.isNaN(speedKmh) ? null : speedKmh,
                grade,
                limitSource,
                continuousDrivingS >= 0 ? continuousDrivingS : null,
                dailyDrivingS >= 0 ? dailyDrivingS : null,
                terminalAlarmBit >= 0 ? terminalAlarmBit : null,
                ruleSetVersion);
    }
}
