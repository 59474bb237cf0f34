package org.redwheel.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.redwheel.safety.Fix;
import org.redwheel.safety.RuleSet;
import org.redwheel.safety.SafetyEngine;
import org.redwheel.safety.SafetyEvent;
import org.redwheel.safety.SpeedLimits;
import org.redwheel.safety.VehicleClass;
import org.redwheel.safety.VehicleStatus;
import org.springframework.stereotype.Component;

/**
 * Runs the driving-safety engine over every stored fix, in commit order, on the position writer's
 * thread (the engine is single-threaded and takes about a microsecond per fix), and hands the events
 * to the {@link AlarmPipeline}. Console reads of a vehicle's status take the same lock briefly.
 *
 * <p>The rules are the active version of {@link RuleSets} with the configuration's {@code
 * redwheel.alarms.rules.*} over them; the speed limits come from the active {@link SpeedZones}. Both
 * follow every committed change at once, without a restart.
 */
@Component
class SafetyMonitor {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SafetyMonitor.class);

    private final SafetyEngine engine;
    private final ReentrantLock lock = new ReentrantLock();
    private final AlarmPipeline alarms;
    private final AlarmProperties properties;
    private final Clock clock;
    private final RuleSets ruleSets;
    private final SpeedZones zones;
    /** Serialises reloads so that the last one to run applies the newest committed state. */
    private final Object reloading = new Object();

    private Instant lastTick = Instant.EPOCH;

    SafetyMonitor(AlarmPipeline alarms, AlarmProperties properties, RuleSets ruleSets, SpeedZones zones, Clock clock) {
        this.alarms = alarms;
        this.properties = properties;
        this.clock = clock;
        this.ruleSets = ruleSets;
        this.zones = zones;
        SpeedLimits limits = SpeedLimits.of(zones.engineZones());
        this.engine = new SafetyEngine(rules(ruleSets.active().ruleSet(), properties), limits);
        log.info(
                "Safety engine runs rule set {} with {} speed zones",
                engine.rules().version(),
                limits.zones().size());
        ruleSets.whenActivated(this::reloadRules);
        zones.whenChanged(this::reloadZones);
    }

    /**
     * The stored version with the configured values over it (a wrong key or value stops the start);
     * a set with overrides is labelled {@code <version>+configuration}.
     */
    static RuleSet rules(RuleSet stored, AlarmProperties properties) {
        RuleSet rules = stored;
        for (var rule : new java.util.TreeMap<>(properties.rules()).entrySet()) {
            rules = rules.with(rule.getKey(), rule.getValue(), "configuration");
        }
        return properties.rules().isEmpty() ? rules : rules.withVersion(stored.version() + "+configuration");
    }

    /** The keys the configuration overrides, with their configured values. */
    java.util.Map<String, String> overrides() {
        return properties.rules();
    }

    /** The rules the engine runs now. */
    RuleSet rules() {
        lock.lock();
        try {
            return engine.rules();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the active rule-set version, with the configuration over it. */
    void reloadRules() {
        synchronized (reloading) {
            RuleSet rules = rules(ruleSets.active().ruleSet(), properties);
            lock.lock();
            try {
                engine.updateRules(rules);
            } finally {
                lock.unlock();
            }
            log.info("Safety engine now runs rule set {}", rules.version());
        }
    }

    /** Takes the active speed zones. */
    void reloadZones() {
        synchronized (reloading) {
            SpeedLimits limits = SpeedLimits.of(zones.engineZones());
            lock.lock();
            try {
                engine.updateSpeedLimits(limits);
            } finally {
                lock.unlock();
            }
            log.info("Safety engine now applies {} speed zones", limits.zones().size());
        }
    }

    /**
     * Feeds committed fixes, in the order they were committed. Writer thread only; never throws there:
     * the fixes are stored and acknowledged already, a fault here must not make the writer repeat them.
     */
    void stored(List<PositionBatch> batches) {
        List<Caused> caused = new ArrayList<>();
        lock.lock();
        try {
            for (PositionBatch batch : batches) {
                List<SafetyEvent> events = null;
                for (PositionRow row : batch.rows()) {
                    List<SafetyEvent> more = engine.accept(fix(row));
                    if (!more.isEmpty()) {
                        events = events == null ? new ArrayList<>() : events;
                        events.addAll(more);
                    }
                }
                if (events != null) {
                    caused.add(new Caused(events, batch.receivedNanos()));
                }
            }
        } catch (RuntimeException e) {
            log.error("The safety engine failed on a batch of stored fixes", e);
        } finally {
            lock.unlock();
        }
        for (Caused c : caused) {
            alarms.accept(c.events(), c.arrivalNanos());
        }
    }

    /** The events a frame's fixes caused, and when that frame arrived. */
    private record Caused(List<SafetyEvent> events, long arrivalNanos) {}

    /**
     * Feeds a fix stored before a restart, dropping its events: they were recorded when it first
     * came. Before the position writer starts only.
     */
    void replay(PositionRow row) {
        lock.lock();
        try {
            engine.accept(fix(row));
        } catch (RuntimeException e) {
            log.warn("The safety engine refused a stored fix of terminal {}: {}", row.terminalId(), e.toString());
        } finally {
            lock.unlock();
        }
    }

    /** Time-based conditions (offline); called by the writer at most every tick interval. */
    void tickIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(lastTick.plus(properties.tickInterval()))) {
            return;
        }
        lastTick = now;
        List<SafetyEvent> events;
        lock.lock();
        try {
            events = engine.tick(now);
        } finally {
            lock.unlock();
        }
        if (!events.isEmpty()) {
            alarms.accept(events);
        }
    }

    /** What the desk shows for a vehicle: today's driving, the continuous clock, the current limit. */
    public Optional<VehicleStatus> status(long vehicleId) {
        lock.lock();
        try {
            return engine.status(vehicleKey(vehicleId));
        } finally {
            lock.unlock();
        }
    }

    static String vehicleKey(long vehicleId) {
        return "v" + vehicleId;
    }

    static String key(PositionRow row) {
        return row.vehicleId() != null ? vehicleKey(row.vehicleId()) : "t" + row.terminalId();
    }

    private static Fix fix(PositionRow row) {
        return new Fix(
                key(row),
                null,
                row.fixTime(),
                row.receivedAt(),
                row.latitude(),
                row.longitude(),
                row.speedKmh(),
                row.direction(),
                row.altitudeM(),
                (int) row.alarmFlags(),
                null,
                VehicleClass.HEAVY_TRUCK);
    }
}
