package org.redwheel.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.fleet.Vehicle;
import org.redwheel.identity.DataScope;
import org.redwheel.places.Places;
import org.redwheel.places.RestPlaceAhead;
import org.redwheel.safety.EventType;
import org.redwheel.safety.Phase;
import org.redwheel.safety.SafetyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns safety events into alarms and real-time reminders, on its own thread so the position
 * writer never waits for it: every episode becomes an alarm once; a live one (not a late fix) is
 * spoken to the driver (0x8300 TTS), at most once per reminder interval; a driver who drives on
 * after a fatigue reminder is escalated to the enterprise.
 */
@Component
class AlarmPipeline implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlarmPipeline.class);

    /** Histogram buckets of the reminder latency, exported so a load run can take its percentiles. */
    private static final Duration[] LATENCY_BUCKETS = java.util.stream.LongStream.of(
                    1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, 120, 150, 200, 250, 300, 400, 500,
                    750, 1000, 1500, 2000, 3000, 5000, 10000)
            .mapToObj(Duration::ofMillis)
            .toArray(Duration[]::new);

    private final Alarms alarms;
    private final FleetRegistry fleet;
    private final TerminalStates states;
    private final TerminalCommands commands;
    private final Places places;
    private final AlarmEscalation escalation;
    private final AlarmProperties properties;
    private final DeskStream desk;
    private final java.time.Clock clock;
    private final ExecutorService worker =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(100_000), r -> {
                Thread t = new Thread(r, "alarm-pipeline");
                t.setDaemon(true);
                return t;
            });
    private final Timer reminderLatency;
    private final Map<Long, Alarms.Subject> subjects = new ConcurrentHashMap<>();

    AlarmPipeline(
            Alarms alarms,
            FleetRegistry fleet,
            TerminalStates states,
            TerminalCommands commands,
            Places places,
            AlarmEscalation escalation,
            AlarmProperties properties,
            DeskStream desk,
            java.time.Clock clock,
            MeterRegistry meters) {
        this.alarms = alarms;
        this.fleet = fleet;
        this.states = states;
        this.commands = commands;
        this.places = places;
        this.escalation = escalation;
        this.properties = properties;
        this.desk = desk;
        this.clock = clock;
        this.reminderLatency = Timer.builder("redwheel.reminder.latency")
                .description("from the arrival of the fix that caused a real-time reminder to its 0x8300 leaving"
                        + " the server")
                .publishPercentiles(0.5, 0.99)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(meters);
    }

    private static final long NO_ARRIVAL = Long.MIN_VALUE;

    /** Queues events that no frame caused (those of the clock: offline, long parking). */
    void accept(List<SafetyEvent> events) {
        accept(events, NO_ARRIVAL);
    }

    /**
     * Queues events for handling, with the {@link System#nanoTime()} at which the frame that caused
     * them arrived (or {@link #NO_ARRIVAL}); returns at once and never throws into the position writer. A full
     * queue (the database far behind) drops the events with an error in the log: positions are
     * stored regardless, and the engine's next events of an episode file it again.
     */
    void accept(List<SafetyEvent> events, long arrivalNanos) {
        try {
            worker.execute(() -> events.forEach(event -> handle(event, arrivalNanos)));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.error("Alarm queue full: {} safety events not recorded", events.size());
        }
    }

    private void handle(SafetyEvent event, long arrivalNanos) {
        try {
            Optional<Long> id = event.phase() == Phase.OPENED
                    ? alarms.raise(event, subject(event), deadline(event.type()))
                    : alarms.update(event);
            if (id.isEmpty()) {
                // An update of an episode raised before a restart, or a repeat: bring it in as new.
                id = alarms.byEpisode(event.id())
                        .map(Alarm::id)
                        .or(() -> alarms.raise(event, subject(event), deadline(event.type())));
            }
            long alarmId = id.orElseThrow();
            if (event.realtime() && event.open() && ReminderTexts.remindable(event.type())) {
                remindIfDue(alarmId, event, arrivalNanos);
            }
            desk.alarmChanged();
        } catch (RuntimeException e) {
            log.warn("Safety event {} could not be recorded: {}", event.id(), e.toString());
        }
    }

    private void remindIfDue(long alarmId, SafetyEvent event, long arrivalNanos) {
        Alarm alarm = alarms.get(DataScope.county(), alarmId);
        // One reminder per episode, then again at most once per reminder interval while it goes on.
        if (alarm.lastReminderAt() != null
                && alarm.lastReminderAt().plus(properties.reminderInterval()).isAfter(clock.instant())) {
            return;
        }
        if (alarm.terminalId() == null) {
            return;
        }
        Optional<RestPlaceAhead> place = Optional.empty();
        if (restRelated(event.type())) {
            var state = states.of(alarm.terminalId());
            double lat = state.map(TerminalState::latitude).orElse(event.lat());
            double lon = state.map(TerminalState::longitude).orElse(event.lon());
            int heading = state.map(TerminalState::direction).orElse(-1);
            place = places.restPlaceAhead(lat, lon, heading);
        }
        String text = ReminderTexts.compose(event, place);
        alarms.reminderSent(alarmId, text);
        LongConsumer written = arrivalNanos == NO_ARRIVAL
                ? null
                : writtenNanos -> reminderLatency.record(writtenNanos - arrivalNanos, TimeUnit.NANOSECONDS);
        commands.sendText(alarm.terminalId(), text, written)
                .thenAccept(result -> worker.execute(() -> {
                    alarms.reminderAnswered(alarmId, result);
                    desk.alarmChanged();
                }));
    }

    /** Escalates fatigue alarms whose driver drives on after the reminder. */
    @Scheduled(fixedDelayString = "${redwheel.alarms.escalation-check:PT30S}")
    void escalate() {
        worker.execute(() -> {
            for (Alarm alarm : alarms.dueForEscalation(properties.escalateAfter())) {
                try {
                    alarms.escalated(alarm.id(), escalation.escalate(alarm));
                    desk.alarmChanged();
                } catch (RuntimeException e) {
                    log.warn("Escalating alarm {} failed: {}", alarm.id(), e.toString());
                }
            }
        });
    }

    private static boolean restRelated(EventType type) {
        return type == EventType.FATIGUE
                || type == EventType.FATIGUE_PRE_WARNING
                || type == EventType.NIGHT_FATIGUE
                || type == EventType.DAILY_DRIVING_EXCEEDED
                || type == EventType.NIGHT_DRIVING;
    }

    private Duration deadline(EventType type) {
        return switch (type) {
            case FATIGUE, NIGHT_FATIGUE, DAILY_DRIVING_EXCEEDED, OVERSPEED, NIGHT_DRIVING ->
                properties.handlingDeadline();
            default -> properties.otherHandlingDeadline();
        };
    }

    private Alarms.Subject subject(SafetyEvent event) {
        String key = event.vehicleId();
        if (key.startsWith("v")) {
            long vehicleId = Long.parseLong(key.substring(1));
            return subjects.computeIfAbsent(
                    vehicleId,
                    id -> fleet.vehicle(DataScope.county(), id)
                            .map((Vehicle v) -> new Alarms.Subject(v.id(), v.terminalId(), v.enterpriseId(), v.plate()))
                            .orElse(new Alarms.Subject(id, null, null, null)));
        }
        if (key.startsWith("t")) {
            return new Alarms.Subject(null, Long.parseLong(key.substring(1)), null, null);
        }
        return new Alarms.Subject(null, null, null, null);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
