package org.redwheel.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.redwheel.monitoring.Track.TrackPoint;

/**
 * Thins a long track while reading it, in time order, so a week of fixes neither fills the server's
 * memory nor the browser's. Up to the limit every fix is kept. Beyond it the fixes are cut into equal
 * stretches, and of each stretch the first fix (the shape of the route) and the fastest valid fix (the
 * peaks of the speed chart) are kept; so are the very first and last fix, and the first fix at or after
 * each alarm boundary, so that every alarm has its point on the line.
 */
final class TrackSampler {

    private static final int MIN_STRETCHES = 100;

    private final boolean thinning;
    private final long stretchLength;
    private final List<Instant> boundaries;
    private final List<TrackPoint> kept = new ArrayList<>();
    private final List<TrackPoint> stretch = new ArrayList<>();

    private int nextBoundary;
    private long index;
    private TrackPoint fastest;
    private TrackPoint last;

    /**
     * @param total how many fixes will come
     * @param maxPoints the most points to keep before the alarm boundaries
     * @param boundaries alarm starts and ends, in any order
     */
    TrackSampler(long total, int maxPoints, List<Instant> boundaries) {
        this.boundaries = boundaries.stream().sorted().toList();
        this.thinning = total > maxPoints;
        long stretches = Math.max(MIN_STRETCHES, maxPoints / 2);
        this.stretchLength = Math.max(1, (total + stretches - 1) / stretches);
    }

    /** The next fix, later than the one before. */
    void add(TrackPoint point) {
        last = point;
        if (!thinning) {
            kept.add(point);
            return;
        }
        if (index % stretchLength == 0) {
            flush();
            stretch.add(point);
        } else if (atBoundary(point)) {
            stretch.add(point);
        }
        skipBoundariesUpTo(point.t());
        if (point.valid() && (fastest == null || point.speedKmh() > fastest.speedKmh())) {
            fastest = point;
        }
        index++;
    }

    /** The kept points in time order; call once, after the last fix. */
    List<TrackPoint> points() {
        if (thinning) {
            flush();
            if (last != null && (kept.isEmpty() || !kept.get(kept.size() - 1).equals(last))) {
                kept.add(last);
            }
        }
        return kept;
    }

    boolean thinned() {
        return thinning;
    }

    private boolean atBoundary(TrackPoint point) {
        return nextBoundary < boundaries.size() && !point.t().isBefore(boundaries.get(nextBoundary));
    }

    private void skipBoundariesUpTo(Instant time) {
        while (nextBoundary < boundaries.size() && !time.isBefore(boundaries.get(nextBoundary))) {
            nextBoundary++;
        }
    }

    private void flush() {
        if (fastest != null && !stretch.contains(fastest)) {
            stretch.add(fastest);
            stretch.sort(Comparator.comparing(TrackPoint::t));
        }
        kept.addAll(stretch);
        stretch.clear();
        fastest = null;
    }
}
