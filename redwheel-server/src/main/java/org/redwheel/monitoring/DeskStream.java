package org.redwheel.monitoring;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.fleet.Vehicle;
import org.redwheel.identity.DataScope;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes the vehicles' live state to open monitoring desks over server-sent events, every
 * {@code redwheel.desk.push-interval}, each desk limited to its user's data scope.
 */
@Component
class DeskStream implements SmartLifecycle {

    /** Vehicle lists per scope are read from the registry at most this often. */
    private static final Duration VEHICLE_LIST_TTL = Duration.ofSeconds(30);
    /** Above this speed a vehicle counts as driving (DOMAIN.md §2: small speeds are not driving). */
    static final double DRIVING_KMH = 5;

    private final FleetRegistry fleet;
    private final TerminalStates states;
    private final Alarms alarms;
    private final Map<SseEmitter, DataScope> desks = new ConcurrentHashMap<>();
    private final Map<DataScope, CachedVehicles> vehicles = new ConcurrentHashMap<>();

    DeskStream(FleetRegistry fleet, TerminalStates states, Alarms alarms) {
        this.fleet = fleet;
        this.states = states;
        this.alarms = alarms;
    }

    SseEmitter open(DataScope scope) {
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        desks.put(emitter, scope);
        emitter.onCompletion(() -> desks.remove(emitter));
        emitter.onTimeout(() -> desks.remove(emitter));
        emitter.onError(e -> desks.remove(emitter));
        send(emitter, snapshot(scope));
        sendAlarms(emitter, alarmFeed(scope));
        return emitter;
    }

    private volatile boolean alarmsChanged;

    /** An alarm was raised or changed: the desks' alarm feeds refresh on the next push. */
    void alarmChanged() {
        alarmsChanged = true;
    }

    boolean takeAlarmsChanged() {
        boolean changed = alarmsChanged;
        alarmsChanged = false;
        return changed;
    }

    int openDesks() {
        return desks.size();
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends the open streams first thing at shutdown: the web server's graceful shutdown would
     * otherwise wait for these never-ending requests. The desks' browsers reconnect by themselves.
     */
    @Override
    public void stop() {
        running = false;
        desks.keySet().forEach(SseEmitter::complete);
        desks.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    @Scheduled(fixedDelayString = "${redwheel.desk.push-interval:PT2S}")
    void push() {
        if (desks.isEmpty()) {
            return;
        }
        Map<DataScope, Snapshot> snapshots = new HashMap<>();
        boolean alarmsToo = takeAlarmsChanged();
        Map<DataScope, AlarmFeed> feeds = new HashMap<>();
        desks.forEach((emitter, scope) -> {
            send(emitter, snapshots.computeIfAbsent(scope, this::snapshot));
            if (alarmsToo) {
                sendAlarms(emitter, feeds.computeIfAbsent(scope, this::alarmFeed));
            }
        });
    }

    Snapshot snapshot(DataScope scope) {
        List<VehicleMarker> markers = new ArrayList<>();
        java.util.Set<Long> inAlarm = new java.util.HashSet<>();
        for (Alarm alarm : alarms.open(scope, 500)) {
            if (alarm.vehicleId() != null && alarm.episodeOpen()) {
                inAlarm.add(alarm.vehicleId());
            }
        }
        for (Vehicle vehicle : vehiclesOf(scope)) {
            TerminalState state = vehicle.terminalId() == null
                    ? null
                    : states.of(vehicle.terminalId()).orElse(null);
            if (state == null || state.latitude() == null) {
                markers.add(new VehicleMarker(vehicle.id(), vehicle.plate(), "OFFLINE", null, null, null, null, null));
                continue;
            }
            String condition = !state.online()
                    ? "OFFLINE"
                    : inAlarm.contains(vehicle.id())
                            ? "IN_ALARM"
                            : state.speedKmh() != null && state.speedKmh() > DRIVING_KMH ? "DRIVING" : "RESTING";
            markers.add(new VehicleMarker(
                    vehicle.id(),
                    vehicle.plate(),
                    condition,
                    state.latitude(),
                    state.longitude(),
                    state.speedKmh(),
                    state.direction(),
                    state.lastFixTime()));
        }
        return new Snapshot(Instant.now(), markers);
    }

    private List<Vehicle> vehiclesOf(DataScope scope) {
        CachedVehicles cached = vehicles.get(scope);
        if (cached == null || cached.readAt().plus(VEHICLE_LIST_TTL).isBefore(Instant.now())) {
            cached = new CachedVehicles(fleet.vehicles(scope, null, 0, 20_000), Instant.now());
            vehicles.put(scope, cached);
        }
        return cached.list();
    }

    AlarmFeed alarmFeed(DataScope scope) {
        var now = Instant.now();
        return new AlarmFeed(alarms.open(scope, 50).stream()
                .map(a -> new AlarmItem(
                        a.id(), a.type(), a.plate(), a.status().name(), a.startTime(), a.overdueAt(now), a.realtime()))
                .toList());
    }

    private void sendAlarms(SseEmitter emitter, AlarmFeed feed) {
        try {
            emitter.send(SseEmitter.event().name("alarms").data(feed, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            desks.remove(emitter);
        }
    }

    /** Open alarms for the desk's feed, newest first. */
    record AlarmFeed(List<AlarmItem> alarms) {}

    record AlarmItem(
            long id, String type, String plate, String status, Instant start, boolean overdue, boolean realtime) {}

    private void send(SseEmitter emitter, Snapshot snapshot) {
        try {
            emitter.send(SseEmitter.event().name("vehicles").data(snapshot, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            desks.remove(emitter);
        }
    }

    /** What the desk draws: every vehicle in scope with its condition and position. */
    record Snapshot(Instant at, List<VehicleMarker> vehicles) {}

    /**
     * One vehicle on the map.
     *
     * @param condition DRIVING, RESTING or OFFLINE (alarms add IN_ALARM)
     */
    record VehicleMarker(
            long id,
            String plate,
            String condition,
            Double latitude,
            Double longitude,
            Float speedKmh,
            Integer direction,
            Instant lastFixTime) {}

    private record CachedVehicles(List<Vehicle> list, Instant readAt) {}
}
