package org.redwheel.safety;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The driving-safety rule engine: feed it position fixes, get back {@link SafetyEvent}s.
 *
 * <p>Per vehicle it watches invalid fixes, drift, overspeed (with pre-warning and grading), the
 * optional night-driving window, long parking, the terminal's own alarm bits, and, through {@link
 * #tick(Instant)}, terminals gone offline. Per driver (or per vehicle while the driver is not
 * identified) it keeps the continuous-driving and rolling daily clocks across vehicles: fatigue, night
 * fatigue, their pre-warning and daily driving exceeded.
 *
 * <p>Time comes only from the fixes and from {@code tick}: the same calls give the same events.
 * Fixes older than a vehicle's newest are placed where they belong: into the driver's timeline (a
 * blind-area backlog fills the silence it left) and through a late lane for that vehicle. Every event
 * caused by a fix received more than {@code realtime.latenessS} after it was taken, or older than the
 * vehicle's newest fix, has {@code realtime == false}: it is recorded, not reminded.
 *
 * <p>Not thread-safe: confine an engine to one thread (it handles far more fixes per second than a
 * county's terminals send). {@link #updateRules} and {@link #updateSpeedLimits} may be called from
 * another thread; the next fix uses the new values.
 */
public final class SafetyEngine {

    private volatile RuleSet rules;
    private volatile SpeedLimits limits;

    private final Map<String, VehicleState> vehicles = new LinkedHashMap<>();
    private final Map<String, DriverState> drivers = new LinkedHashMap<>();
    private final Context ctx = new Context();

    public SafetyEngine(RuleSet rules, SpeedLimits limits) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public SafetyEngine(RuleSet rules) {
        this(rules, SpeedLimits.none());
    }

    /** Takes effect with the next fix or tick; open episodes carry on under the new rules. */
    public void updateRules(RuleSet rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public void updateSpeedLimits(SpeedLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public RuleSet rules() {
        return rules;
    }

    /** The events this fix causes, in the order they happened; usually none. */
    public List<SafetyEvent> accept(Fix fix) {
        RuleSet rules = this.rules;
        VehicleState vehicle = vehicles.get(fix.vehicleId());
        if (vehicle == null) {
            vehicle = new VehicleState(fix.vehicleId());
            vehicles.put(fix.vehicleId(), vehicle);
        }
        long taken = fix.time().getEpochSecond();
        long received = fix.receivedAt().getEpochSecond();
        boolean futureTime = taken > received + rules.futureToleranceS;
        long time = futureTime ? received : taken;
        boolean outOfOrder = vehicle.newestTime != VehicleLane.NONE && time < vehicle.newestTime;

        ctx.rules = rules;
        ctx.vehicleId = vehicle.vehicleId;
        ctx.driverId = fix.driverId();
        ctx.time = received;
        ctx.lat = fix.lat();
        ctx.lon = fix.lon();
        ctx.realtime = true;
        if (vehicle.offline != null) {
            ctx.close(vehicle.offline, received);
            vehicle.offline = null;
        }
        vehicle.lastReceivedAt = Math.max(vehicle.lastReceivedAt, received);

        ctx.time = time;
        ctx.realtime = !outOfOrder && received - time <= rules.latenessS;
        ctx.limitKmh = 0;
        ctx.limitSource = null;
        ctx.limitRef = null;
        DriverState driver = driverOf(vehicle, fix.driverId());
        VehicleLane lane;
        if (outOfOrder) {
            ctx.realtime = false;
            lane = vehicle.lateLane(time, ctx);
        } else {
            lane = vehicle.live;
            vehicle.driver = driver;
        }
        lane.accept(fix, time, futureTime, driver, limits, ctx);
        if (!outOfOrder && !futureTime) {
            vehicle.newestTime = time;
            vehicle.lastLat = fix.lat();
            vehicle.lastLon = fix.lon();
            if (ctx.limitSource != null) {
                vehicle.limitKmh = ctx.limitKmh;
                vehicle.limitSource = ctx.limitSource;
                vehicle.limitRef = ctx.limitRef;
            }
        }
        return ctx.drain();
    }

    /** {@link #accept} for each fix in the given order (a 0x0704 batch, a replay). */
    public List<SafetyEvent> acceptAll(List<Fix> fixes) {
        List<SafetyEvent> events = new ArrayList<>();
        for (Fix fix : fixes) {
            events.addAll(accept(fix));
        }
        return events;
    }

    /**
     * The events that the passing of time alone causes, as of {@code now} on the platform's clock:
     * vehicles gone offline, speeding episodes of silent vehicles closed, late backlogs finished, and
     * fatigue closed for drivers who stopped and have stayed silent through a whole rest.
     */
    public List<SafetyEvent> tick(Instant now) {
        RuleSet rules = this.rules;
        long second = now.getEpochSecond();
        ctx.rules = rules;
        ctx.time = second;
        ctx.realtime = true;
        for (VehicleState vehicle : vehicles.values()) {
            ctx.vehicleId = vehicle.vehicleId;
            ctx.driverId = vehicle.driver == null ? null : vehicle.driver.driverId;
            ctx.lat = vehicle.lastLat;
            ctx.lon = vehicle.lastLon;
            long silentFor = second - vehicle.lastReceivedAt;
            long allowed = vehicle.live.lastDriving ? rules.offlineAfterS : rules.offlineParkedAfterS;
            if (vehicle.offline == null && allowed > 0 && silentFor > allowed) {
                vehicle.offline = new Episode(
                        Episode.id(vehicle.vehicleId, EventType.OFFLINE, vehicle.lastReceivedAt),
                        EventType.OFFLINE,
                        vehicle.lastReceivedAt,
                        vehicle.vehicleId,
                        ctx.driverId,
                        vehicle.lastLat,
                        vehicle.lastLon);
                ctx.open(vehicle.offline);
            }
            if (vehicle.live.speeding() && silentFor >= rules.overspeedMergeGapS) {
                vehicle.live.endSpeeding(ctx);
            }
            if (vehicle.late != null && second - vehicle.late.lastReceivedAt >= rules.latenessS) {
                ctx.realtime = false;
                vehicle.late.closeAll(ctx);
                vehicle.late = null;
                ctx.realtime = true;
            }
            if (vehicle.unidentified != null) {
                vehicle.unidentified.closeIfSilentlyResting(second, ctx);
            }
        }
        for (DriverState driver : drivers.values()) {
            ctx.driverId = driver.driverId;
            driver.closeIfSilentlyResting(second, ctx);
        }
        return ctx.drain();
    }

    /** What the monitoring desk shows for a vehicle, or empty for a vehicle never seen. */
    public Optional<VehicleStatus> status(String vehicleId) {
        VehicleState vehicle = vehicles.get(vehicleId);
        if (vehicle == null) {
            return Optional.empty();
        }
        RuleSet rules = this.rules;
        List<Episode> open = new ArrayList<>();
        if (vehicle.offline != null) {
            open.add(vehicle.offline);
        }
        vehicle.live.collectOpen(open);
        if (vehicle.late != null) {
            vehicle.late.collectOpen(open);
        }
        DriverState driver = vehicle.driver;
        long today = 0;
        long rolling = 0;
        long continuous = 0;
        if (driver != null && driver.hasFix) {
            open.addAll(driver.openEpisodes());
            long at = driver.lastTime;
            today = driver.ledger.drivingBetween(rules.fatigueNight.dayStart(at), at);
            rolling = driver.ledger.drivingBetween(at - rules.dailyWindowS, at);
            continuous = driver.clock.continuousNow(rules);
        }
        List<SafetyEvent> events = new ArrayList<>();
        for (Episode episode : open) {
            if (episode.last != null) {
                events.add(episode.last);
            }
        }
        return Optional.of(new VehicleStatus(
                vehicleId,
                driver == null ? null : driver.driverId,
                vehicle.newestTime == VehicleLane.NONE ? null : Instant.ofEpochSecond(vehicle.newestTime),
                vehicle.lastReceivedAt == VehicleLane.NONE ? null : Instant.ofEpochSecond(vehicle.lastReceivedAt),
                today,
                rolling,
                continuous,
                vehicle.limitKmh > 0 ? vehicle.limitKmh : null,
                vehicle.limitSource.describe(vehicle.limitRef),
                events));
    }

    /** How many vehicles the engine holds state for. */
    public int vehicleCount() {
        return vehicles.size();
    }

    private DriverState driverOf(VehicleState vehicle, String driverId) {
        if (driverId == null) {
            return vehicle.unidentifiedDriver();
        }
        DriverState current = vehicle.driver;
        if (current != null && driverId.equals(current.driverId)) {
            return current;
        }
        DriverState driver = drivers.get(driverId);
        if (driver == null) {
            driver = new DriverState(driverId, "driver:" + driverId);
            drivers.put(driverId, driver);
        }
        return driver;
    }
}
