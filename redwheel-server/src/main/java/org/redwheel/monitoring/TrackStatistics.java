package org.redwheel.monitoring;

import java.time.Instant;
import org.redwheel.safety.RuleSet;

/**
 * What a track adds up to, counted the way the safety engine counts (fed the valid fixes in time
 * order): distance without the jumps of GPS drift, the highest speed, and driving time. Time between
 * two fixes at most {@code timeline.maxSampleGapS} apart is driving when both move above {@code
 * driving.thresholdKmh}; a longer silence is judged by the distance covered: if it could not have been
 * covered at {@code timeline.gapSpeedKmh} with a minimum rest to spare, all of it is driving, otherwise
 * only the time that distance needs.
 */
final class TrackStatistics {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private final double drivingThresholdKmh;
    private final long maxSampleGapS;
    private final double gapSpeedKmh;
    private final long minRestS;
    private final double driftMaxSpeedKmh;

    private double metres;
    private float maxSpeedKmh;
    private long drivingS;
    private int invalidCount;

    private boolean hasAnchor;
    private long anchorTime;
    private double anchorLat;
    private double anchorLon;
    private boolean anchorMoving;

    private boolean hasSuspect;
    private long suspectTime;
    private double suspectLat;
    private double suspectLon;
    private boolean suspectMoving;

    TrackStatistics(RuleSet rules) {
        this.drivingThresholdKmh = FixValidity.number(rules, "driving.thresholdKmh");
        this.maxSampleGapS = (long) FixValidity.number(rules, "timeline.maxSampleGapS");
        this.gapSpeedKmh = FixValidity.number(rules, "timeline.gapSpeedKmh");
        this.minRestS = (long) FixValidity.number(rules, "fatigue.minRestS");
        this.driftMaxSpeedKmh = FixValidity.number(rules, "drift.maxSpeedKmh");
    }

    /** The next valid fix, later than the one before. */
    void add(Instant time, double lat, double lon, float speedKmh) {
        maxSpeedKmh = Math.max(maxSpeedKmh, speedKmh);
        long t = time.getEpochSecond();
        boolean moving = speedKmh > drivingThresholdKmh;
        if (!hasAnchor) {
            anchor(t, lat, lon, moving);
            return;
        }
        if (impliedKmh(anchorTime, anchorLat, anchorLon, t, lat, lon) <= driftMaxSpeedKmh) {
            follow(anchorTime, anchorLat, anchorLon, anchorMoving, t, lat, lon, moving);
            hasSuspect = false;
        } else if (hasSuspect && impliedKmh(suspectTime, suspectLat, suspectLon, t, lat, lon) <= driftMaxSpeedKmh) {
            // Two fixes agree with each other, not with the anchor: the anchor was the drifting one.
            follow(suspectTime, suspectLat, suspectLon, suspectMoving, t, lat, lon, moving);
            hasSuspect = false;
        } else {
            hasSuspect = true;
            suspectTime = t;
            suspectLat = lat;
            suspectLon = lon;
            suspectMoving = moving;
            return;
        }
        anchor(t, lat, lon, moving);
    }

    /** A fix the engine takes for invalid: counted, nothing else. */
    void addInvalid() {
        invalidCount++;
    }

    int invalidCount() {
        return invalidCount;
    }

    double distanceKm() {
        return Math.round(metres / 10.0) / 100.0;
    }

    float maxSpeedKmh() {
        return maxSpeedKmh;
    }

    long drivingS() {
        return drivingS;
    }

    private void follow(
            long fromTime,
            double fromLat,
            double fromLon,
            boolean fromMoving,
            long toTime,
            double toLat,
            double toLon,
            boolean toMoving) {
        double segment = metres(fromLat, fromLon, toLat, toLon);
        metres += segment;
        long gap = toTime - fromTime;
        if (gap <= 0) {
            return;
        }
        if (gap <= maxSampleGapS) {
            if (fromMoving && toMoving) {
                drivingS += gap;
            }
        } else if (segment / gap * 3.6 > drivingThresholdKmh) {
            long needed = (long) Math.ceil(segment / (gapSpeedKmh / 3.6));
            drivingS += gap - needed >= minRestS ? needed : gap;
        }
    }

    private void anchor(long t, double lat, double lon, boolean moving) {
        hasAnchor = true;
        anchorTime = t;
        anchorLat = lat;
        anchorLon = lon;
        anchorMoving = moving;
    }

    private static double impliedKmh(
            long fromTime, double fromLat, double fromLon, long toTime, double lat, double lon) {
        long seconds = Math.max(1, toTime - fromTime);
        return metres(fromLat, fromLon, lat, lon) / seconds * 3.6;
    }

    /** Great-circle distance (haversine). */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
