package org.redwheel.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.redwheel.jt808.message.ExtraItem;
import org.redwheel.jt808.message.Location;

/**
 * A truck's movement round its route, second by second: it pulls away, cruises at a speed drawn
 * for each leg from the road's range, brakes in time for the next stop or a slower road, waits out
 * the dwell at stops, speeds on a share of segments, and rests when its style says so. The same
 * route, style and seed give the same track.
 *
 * <p>Not thread-safe: one journey belongs to one truck, advanced by one thread at a time.
 */
public final class Journey {

    private static final double ACCELERATION = 0.6; // m/s², a loaded truck
    private static final double BRAKING = 1.0; // m/s², comfortable braking
    private static final double PLANNED_BRAKING = 0.8; // m/s², leaves a margin below what the brakes can do
    private static final double CRAWL = 1.5; // m/s: covers the last metres to a stop
    private static final double SEGMENT_METERS = 2_000;
    private static final double TOP_SPEED_KMH = 118;
    private static final double SPEEDING_MIN = 1.10;
    private static final double SPEEDING_SPREAD = 0.20;
    private static final Duration ENGINE_OFF_AFTER = Duration.ofMinutes(10);
    private static final Duration REST_RESETS_DRIVING = Duration.ofMinutes(20);

    private final Route route;
    private final DrivingStyle style;
    private final SplittableRandom random;

    private int leg;
    private double legMeters;
    private double onLeg;
    private double speed; // m/s
    private double cruiseKmh;
    private double speedingFactor = 1;
    private double segmentLeft;
    private long dwellLeft; // s
    private boolean engineOff;
    private boolean pullingOver;
    private long drivingSeconds; // since the last rest of 20 min or more
    private double odometerMeters;
    private Instant time;

    public Journey(Route route, DrivingStyle style, long seed) {
        this.route = Objects.requireNonNull(route, "route");
        this.style = Objects.requireNonNull(style, "style");
        this.random = new SplittableRandom(seed);
        enterLeg(0);
        drawSegment();
        if (style.startsMoving()) {
            speed = cruiseKmh / 3.6;
        }
    }

    /**
     * Advances the truck to {@code at} and returns its fix there. The first call only sets the
     * journey's start; later calls must not go back in time. Whole seconds count.
     */
    public Location fixAt(Instant at) {
        Objects.requireNonNull(at, "at");
        if (time == null) {
            time = at;
        } else {
            if (at.isBefore(time)) {
                throw new IllegalArgumentException("journey is at " + time + ", cannot go back to " + at);
            }
            long seconds = Duration.between(time, at).getSeconds();
            for (long i = 0; i < seconds; i++) {
                step();
            }
            time = time.plusSeconds(seconds);
        }
        return location();
    }

    /** Distance driven so far. */
    public double odometerKm() {
        return odometerMeters / 1000;
    }

    private void step() {
        if (dwellLeft > 0) {
            dwellLeft--;
            if (dwellLeft == 0) {
                engineOff = false;
            }
            return;
        }
        Waypoint next = route.waypoint(leg + 1);
        double remaining = legMeters - onLeg;
        double end = endSpeed(next);
        double target = pullingOver ? 0 : cruiseTarget();
        // the fastest speed from which, after this second's travel, planned braking still reaches
        // the end speed in time: v + v²/2b ≤ remaining + end²/2b
        double reachable = Math.sqrt(PLANNED_BRAKING * PLANNED_BRAKING + end * end + 2 * PLANNED_BRAKING * remaining)
                - PLANNED_BRAKING;
        target = Math.min(target, Math.max(reachable, end));
        speed = speed < target ? Math.min(target, speed + ACCELERATION) : Math.max(target, speed - BRAKING);
        if (pullingOver) {
            if (speed == 0) {
                pullingOver = false;
                dwell(style.restLength());
                return;
            }
        } else {
            speed = Math.max(speed, CRAWL);
        }
        double moved = Math.min(speed, remaining);
        odometerMeters += moved;
        segmentLeft -= moved;
        if (segmentLeft <= 0) {
            drawSegment();
        }
        drivingSeconds++;
        if (!style.restAfter().isZero()
                && !pullingOver
                && drivingSeconds >= style.restAfter().getSeconds()) {
            pullingOver = true;
        }
        if (speed >= remaining) {
            arriveAt(next);
        } else {
            onLeg += speed;
        }
    }

    private void arriveAt(Waypoint waypoint) {
        enterLeg((leg + 1) % route.size());
        if (style.stopsAtWaypoints() && waypoint.isStop()) {
            speed = 0;
            long spread = waypoint.maxDwell().getSeconds() - waypoint.minDwell().getSeconds();
            dwell(waypoint.minDwell().plusSeconds(random.nextLong(spread + 1)));
        }
    }

    private void dwell(Duration length) {
        speed = 0;
        dwellLeft = length.getSeconds();
        engineOff = length.compareTo(ENGINE_OFF_AFTER) >= 0;
        if (length.compareTo(REST_RESETS_DRIVING) >= 0) {
            drivingSeconds = 0;
        }
    }

    private void enterLeg(int index) {
        leg = index;
        onLeg = 0;
        legMeters = route.legMeters(index);
        RoadClass road = route.roadFrom(index);
        cruiseKmh = road.cruiseMinKmh() + random.nextDouble() * (road.cruiseMaxKmh() - road.cruiseMinKmh());
    }

    private void drawSegment() {
        segmentLeft = SEGMENT_METERS;
        speedingFactor =
                random.nextDouble() < style.speedingShare() ? SPEEDING_MIN + random.nextDouble() * SPEEDING_SPREAD : 1;
    }

    /** m/s the driver aims for on this stretch. */
    private double cruiseTarget() {
        double kmh = speedingFactor > 1 ? route.roadFrom(leg).limitKmh() * speedingFactor : cruiseKmh;
        return Math.min(kmh, TOP_SPEED_KMH) / 3.6;
    }

    /** m/s to reach the next waypoint at: standstill at a stop, otherwise the slower road's pace. */
    private double endSpeed(Waypoint next) {
        if (style.stopsAtWaypoints() && next.isStop()) {
            return 0;
        }
        return Math.min(cruiseKmh, route.roadFrom(leg + 1).cruiseMinKmh()) / 3.6;
    }

    private Location location() {
        GeoPoint from = route.waypoint(leg).position();
        GeoPoint to = route.waypoint(leg + 1).position();
        GeoPoint here = legMeters == 0 ? from : from.towards(to, onLeg / legMeters);
        long status = Location.STATUS_FIXED | (engineOff ? 0 : Location.STATUS_ACC_ON);
        int altitude = 60 + (int) Math.round(12 * Math.sin(odometerMeters / 5_000));
        return new Location(
                0,
                status,
                Math.round(here.latitude() * 1_000_000),
                Math.round(here.longitude() * 1_000_000),
                altitude,
                (int) Math.round(speed * 36),
                from.bearingTo(to),
                OffsetDateTime.ofInstant(time, Location.GMT8),
                List.of(new ExtraItem.Mileage(Math.round(odometerMeters / 100))));
    }
}
