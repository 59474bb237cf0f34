package org.redwheel.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every terminal's online state and last position, in memory for the gateway and the desk, and
 * written to {@code monitoring_terminal_state} every few seconds (only what changed).
 */
@Component
public class TerminalStates {

    private final Map<Long, TerminalState> states = new ConcurrentHashMap<>();
    private final Set<Long> dirty = ConcurrentHashMap.newKeySet();
    private final JdbcClient jdbc;
    private final Clock clock;

    TerminalStates(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        // After a restart nobody is connected yet, whatever the table says.
        jdbc.sql(
                        "update monitoring_terminal_state set online = false, disconnected_at = coalesce(disconnected_at, now()) where online")
                .update();
        jdbc.sql("select * from monitoring_terminal_state")
                .query((rs, n) -> {
                    long vehicle = rs.getLong("vehicle_id");
                    Long vehicleId = rs.wasNull() ? null : vehicle;
                    return new TerminalState(
                            rs.getLong("terminal_id"),
                            vehicleId,
                            false,
                            rs.getString("protocol_version"),
                            instant(rs.getTimestamp("connected_at")),
                            instant(rs.getTimestamp("disconnected_at")),
                            instant(rs.getTimestamp("last_fix_time")),
                            (Double) rs.getObject("latitude"),
                            (Double) rs.getObject("longitude"),
                            (Float) rs.getObject("speed_kmh"),
                            rs.getObject("direction") == null ? null : rs.getInt("direction"),
                            (Long) rs.getObject("alarm_flags"),
                            (Long) rs.getObject("status_flags"));
                })
                .list()
                .forEach(state -> states.put(state.terminalId(), state));
        meters.gaugeMapSize("redwheel.terminals.known", List.of(), states);
    }

    /** The state of one terminal, if it has ever connected. */
    public Optional<TerminalState> of(long terminalId) {
        return Optional.ofNullable(states.get(terminalId));
    }

    public Collection<TerminalState> all() {
        return List.copyOf(states.values());
    }

    public long onlineCount() {
        return states.values().stream().filter(TerminalState::online).count();
    }

    void connected(long terminalId, Long vehicleId, String version) {
        Instant now = clock.instant();
        states.compute(
                terminalId, (id, s) -> (s == null ? TerminalState.unknown(id, vehicleId) : s).connected(version, now));
        dirty.add(terminalId);
    }

    void disconnected(long terminalId) {
        Instant now = clock.instant();
        states.computeIfPresent(terminalId, (id, s) -> s.disconnected(now));
        dirty.add(terminalId);
    }

    void positionStored(PositionRow row) {
        states.compute(
                row.terminalId(), (id, s) -> (s == null ? TerminalState.unknown(id, row.vehicleId()) : s).withFix(row));
        dirty.add(row.terminalId());
    }

    /** Writes what changed since the last run. */
    @Scheduled(fixedDelayString = "${redwheel.gateway.state-persist-interval:PT5S}")
    void persist() {
        List<TerminalState> changed = new ArrayList<>();
        for (Long id : List.copyOf(dirty)) {
            dirty.remove(id);
            TerminalState state = states.get(id);
            if (state != null) {
                changed.add(state);
            }
        }
        for (TerminalState s : changed) {
            jdbc.sql("""
                            insert into monitoring_terminal_state as t
                                (terminal_id, vehicle_id, online, protocol_version, connected_at, disconnected_at, last_fix_time,
                                 latitude, longitude, speed_kmh, direction, alarm_flags, status_flags, updated_at)
                            values (:id, :vehicle, :online, :version, :connected, :disconnected, :fix, :lat, :lon, :speed,
                                    :direction, :alarm, :status, :now)
                            on conflict (terminal_id) do update set
                                vehicle_id = excluded.vehicle_id, online = excluded.online,
                                protocol_version = excluded.protocol_version, connected_at = excluded.connected_at,
                                disconnected_at = excluded.disconnected_at, last_fix_time = excluded.last_fix_time,
                                latitude = excluded.latitude, longitude = excluded.longitude, speed_kmh = excluded.speed_kmh,
                                direction = excluded.direction, alarm_flags = excluded.alarm_flags,
                                status_flags = excluded.status_flags, updated_at = excluded.updated_at
                            """)
                    .param("id", s.terminalId())
                    .param("vehicle", s.vehicleId())
                    .param("online", s.online())
                    .param("version", s.protocolVersion())
                    .param("connected", timestamp(s.connectedAt()))
                    .param("disconnected", timestamp(s.disconnectedAt()))
                    .param("fix", timestamp(s.lastFixTime()))
                    .param("lat", s.latitude())
                    .param("lon", s.longitude())
                    .param("speed", s.speedKmh())
                    .param("direction", s.direction())
                    .param("alarm", s.alarmFlags())
                    .param("status", s.statusFlags())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
