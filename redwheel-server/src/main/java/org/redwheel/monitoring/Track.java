package org.redwheel.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * A vehicle's track for a period: its fixes in time order (thinned when there are many), the alarms
 * overlapping the period, and what the track adds up to.
 *
 * @param points the fixes by fix time; every fix when there are at most {@link Tracks#MAX_POINTS},
 *     otherwise a selection that keeps the first and last fix, the fastest fix of every stretch and the
 *     fixes where alarms start and end
 * @param alarms the vehicle's alarms whose episode overlaps the period, by start
 * @param distanceKm distance between consecutive valid fixes, leaving out jumps the engine takes for
 *     drift
 * @param maxSpeedKmh the highest speed of a valid fix, 0 without fixes
 * @param drivingS driving time as the engine counts it (moving above the driving threshold; silences
 *     judged by the distance covered)
 * @param speedLimitKmh the vehicle-class limit the engine applies where no zone or road limit does;
 *     null when none; each overspeed alarm carries the limit that applied to it
 * @param fixCount the fixes stored in the period, before any thinning
 * @param invalidCount of those, the fixes the engine takes for invalid
 * @param downsampled whether {@code points} is a selection
 */
record Track(
        TrackVehicle vehicle,
        Instant from,
        Instant to,
        List<TrackPoint> points,
        List<TrackAlarm> alarms,
        double distanceKm,
        float maxSpeedKmh,
        long drivingS,
        Integer speedLimitKmh,
        int fixCount,
        int invalidCount,
        boolean downsampled) {

    /** The vehicle the track belongs to. */
    record TrackVehicle(long id, String plate, Long enterpriseId) {}

    /**
     * One fix.
     *
     * @param t the fix time
     * @param heading degrees clockwise from north
     * @param valid false for a fix the engine takes for invalid (out of range, or dated in the future):
     *     shown apart or left out, never counted
     */
    record TrackPoint(Instant t, double lat, double lon, float speedKmh, int heading, boolean valid) {}

    /**
     * An alarm on the track.
     *
     * @param end null while the episode goes on
     * @param lat where it started, when known
     * @param grade overspeed grade, when graded
     */
    record TrackAlarm(
            long id,
            String type,
            String status,
            Instant start,
            Instant end,
            Double lat,
            Double lon,
            String grade,
            Integer limitKmh,
            Float maxSpeedKmh) {

        static TrackAlarm of(Alarm alarm) {
            return new TrackAlarm(
                    alarm.id(),
                    alarm.type(),
                    alarm.status().name(),
                    alarm.startTime(),
                    alarm.endTime(),
                    alarm.latitude(),
                    alarm.longitude(),
                    alarm.grade(),
                    alarm.limitKmh(),
                    alarm.maxSpeedKmh());
        }
    }
}
