package org.redwheel.safety;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Feeds fixes to an engine and keeps every event it emits. */
final class Replay {

    final SafetyEngine engine;
    final List<SafetyEvent> events = new ArrayList<>();

    Replay(SafetyEngine engine) {
        this.engine = engine;
    }

    Replay() {
        this(new SafetyEngine(RuleSet.defaults()));
    }

    static Replay of(Collection<Fix> fixes) {
        return new Replay().feed(fixes);
    }

    Replay feed(Collection<Fix> fixes) {
        for (Fix fix : fixes) {
            events.addAll(engine.accept(fix));
        }
        return this;
    }

    Replay feed(Fix fix) {
        events.addAll(engine.accept(fix));
        return this;
    }

    Replay tick(Instant now) {
        events.addAll(engine.tick(now));
        return this;
    }

    /** Each episode's latest event, in the order the episodes first appeared. */
    List<SafetyEvent> episodes() {
        Map<String, SafetyEvent> latest = new LinkedHashMap<>();
        events.forEach(event -> latest.put(event.id(), event));
        return List.copyOf(latest.values());
    }

    List<SafetyEvent> episodes(EventType type) {
        return episodes().stream().filter(event -> event.type() == type).toList();
    }

    List<SafetyEvent> events(EventType type) {
        return events.stream().filter(event -> event.type() == type).toList();
    }

    VehicleStatus status(String vehicleId) {
        return engine.status(vehicleId).orElseThrow();
    }
}
