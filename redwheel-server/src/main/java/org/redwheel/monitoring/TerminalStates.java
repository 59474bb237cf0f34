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
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate batchJdbc;
    private final org.springframework.transaction.support.TransactionTemplate transaction;
    private final Clock clock;

    TerminalStates(
            JdbcClient jdbc,
            org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate batchJdbc,
            org.springframework.transaction.support.TransactionTemplate transaction,
            Clock clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.transaction = transaction;
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

    /**
     * Writes what changed since the last run, in one transaction of batched statements. The table is
     * a cache the next fixes rebuild, so its commit does not wait for the disk (synchronous_commit off
     * for this transaction only): thousands of terminals must not cost thousands of fsyncs.
     */
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
        if (changed.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        var batch = changed.stream()
                .map(s -> new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                        .addValue("id", s.terminalId())
                        .addValue("vehicle", s.vehicleId())
                        .addValue("online", s.online())
                        .addValue("version", s.protocolVersion())
                        .addValue("connected", timestamp(s.connectedAt()))
                        .addValue("disconnected", timestamp(s.disconnectedAt()))
                        .addValue("fix", timestamp(s.lastFixTime()))
                        .addValue("lat", s.latitude())
                        .addValue("lon", s.longitude())
                        .addValue("speed", s.speedKmh())
                        .addValue("direction", s.direction())
                        .addValue("alarm", s.alarmFlags())
                        .addValue("status", s.statusFlags())
                        .addValue("now", now))
                .toArray(org.springframework.jdbc.core.namedparam.SqlParameterSource[]::new);
        transaction.executeWithoutResult(tx -> {
            jdbc.sql("set local synchronous_commit = off").update();
            batchJdbc.batchUpdate(UPSERT, batch);
        });
    }

    private static final String UPSERT = """
            insert into monitoring_terminal_state as t
                (terminal_id, vehicle_id, online, protocol_version, connected_at, disconnected_at, last_fix_time,
                 latitude, longitude, speed_kmh, direction, alarm_flags, status_flags, updated_at, first_connected_at)
            values (:id, :vehicle, :online, :version, :connected, :disconnected, :fix, :lat, :lon, :speed,
                    :direction, :alarm, :status, :now, :connected)
            on conflict (terminal_id) do update set
                vehicle_id = excluded.vehicle_id, online = excluded.online,
                protocol_version = excluded.protocol_version, connected_at = excluded.connected_at,
                disconnected_at = excluded.disconnected_at, last_fix_time = excluded.last_fix_time,
                latitude = excluded.latitude, longitude = excluded.longitude, speed_kmh = excluded.speed_kmh,
                direction = excluded.direction, alarm_flags = excluded.alarm_flags,
                status_flags = excluded.status_flags, updated_at = excluded.updated_at,
                first_connected_at = coalesce(t.first_connected_at, excluded.connected_at)
            """;

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
