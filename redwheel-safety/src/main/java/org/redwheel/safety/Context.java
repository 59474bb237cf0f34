package org.redwheel.safety;

import java.util.ArrayList;
import java.util.List;

/**
 * What the machines need to know about the fix in hand, and where their events go. One instance per
 * engine, refilled for every fix, so the hot path allocates nothing unless an event is emitted.
 */
final class Context {

    RuleSet rules;
    String vehicleId;
    String driverId;
    long time;
    double lat;
    double lon;
    boolean realtime;

    /** The speed limit at the fix, filled by {@link SpeedLimits#resolve}. */
    int limitKmh;

    /** Where the limit comes from; {@code null} until resolved for the fix in hand. */
    LimitSource limitSource;
    /** The zone name, road class or vehicle class behind {@link #limitSource}. */
    Object limitRef;

    private final ArrayList<SafetyEvent> events = new ArrayList<>();

    void emit(Episode episode, Phase phase, boolean realtime) {
        SafetyEvent event = episode.toEvent(phase, realtime, rules.version());
        episode.last = event;
        episode.realtimeReported |= realtime;
        events.add(event);
    }

    /** Opens: the episode takes the fix's vehicle and driver. */
    void open(Episode episode) {
        emit(episode, Phase.OPENED, realtime);
    }

    void close(Episode episode, long end) {
        episode.end = Math.max(end, episode.start);
        emit(episode, Phase.CLOSED, realtime);
    }

    /** A late-reported episode that goes on with a real-time fix is now worth a reminder. */
    void continued(Episode episode) {
        if (realtime && !episode.realtimeReported) {
            emit(episode, Phase.UPDATED, true);
        }
    }

    List<SafetyEvent> drain() {
        if (events.isEmpty()) {
            return List.of();
        }
        List<SafetyEvent> drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    enum LimitSource {
        NONE,
        ZONE,
        ROAD,
        VEHICLE,
        TERMINAL;

        String describe(Object ref) {
            return switch (this) {
                case NONE -> null;
                case ZONE -> "zone:" + ref;
                case ROAD -> "road:" + ref;
                case VEHICLE -> "vehicle:" + ref;
                case TERMINAL -> "terminal";
            };
        }
    }
}
