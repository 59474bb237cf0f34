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
import org.redwheel.safety.VehicleClass;
import org.redwheel.safety.VehicleStatus;
import org.springframework.stereotype.Component;

/**
 * Runs the driving-safety engine over every stored fix, in commit order, on the position writer's
 * thread (the engine is single-threaded and takes about a microsecond per fix), and hands the events
 * to the {@link AlarmPipeline}. Console reads of a vehicle's status take the same lock briefly.
 */
@Component
class SafetyMonitor {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SafetyMonitor.class);

    private final SafetyEngine engine;
    private final ReentrantLock lock = new ReentrantLock();
    private final AlarmPipeline alarms;
    private final AlarmProperties properties;
    private final Clock clock;
    private Instant lastTick = Instant.EPOCH;

    SafetyMonitor(AlarmPipeline alarms, AlarmProperties properties, Clock clock) {
        this.alarms = alarms;
        this.properties = properties;
        this.clock = clock;
        this.engine = new SafetyEngine(rules(properties));
    }

    /** The defaults with the configured values over them (a wrong key or value stops the start). */
    static RuleSet rules(AlarmProperties properties) {
        RuleSet rules = RuleSet.defaults();
        for (var rule : new java.util.TreeMap<>(properties.rules()).entrySet()) {
            rules = rules.with(rule.getKey(), rule.getValue(), "configuration");
        }
        return properties.rules().isEmpty() ? rules : rules.withVersion("configured");
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

    /** The rule set the engine runs with now: what track playback judges fixes and driving by. */
    RuleSet currentRules() {
        lock.lock();
        try {
            return engine.rules();
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
