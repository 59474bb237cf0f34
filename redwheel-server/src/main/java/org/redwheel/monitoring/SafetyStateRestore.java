package org.redwheel.monitoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Gives the safety engine back what it knew before a restart: the stored fixes of the last 26 hours
 * (the rolling 24-hour driving time and the continuous-driving clock need no more), fed in fix-time
 * order before the position writer and the gateway start. Their events were recorded when the fixes
 * first came, so they are dropped now; an episode that was still going on continues under the same
 * id, and its next update finds its alarm.
 */
@Component
class SafetyStateRestore implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SafetyStateRestore.class);

    private static final String FIXES = """
            select terminal_id, vehicle_id, fix_time, received_at, latitude, longitude, altitude_m, speed_kmh,
                   direction, alarm_flags, status_flags, mileage_km, blind_area
              from monitoring_position
             where fix_time >= ?
             order by fix_time, terminal_id
            """;

    private final DataSource dataSource;
    private final SafetyMonitor safety;
    private final Clock clock;
    private final Duration window;
    private volatile boolean running;

    SafetyStateRestore(
            DataSource dataSource,
            SafetyMonitor safety,
            Clock clock,
            @Value("${redwheel.alarms.restore-window:PT26H}") Duration window) {
        this.dataSource = dataSource;
        this.safety = safety;
        this.clock = clock;
        this.window = window;
    }

    @Override
    public void start() {
        long started = System.nanoTime();
        Instant from = clock.instant().minus(window);
        try {
            long fixes = replay(safety, from);
            log.info(
                    "Safety engine restored from {} stored fixes since {} in {} ms",
                    fixes,
                    from,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            // The platform still works: the clocks start from the next fixes, as on a first start.
            log.error("Could not restore the safety engine's state from the stored fixes", e);
        }
        running = true;
    }

    /** Feeds every stored fix since {@code from} to {@code target}; returns how many. */
    long replay(SafetyMonitor target, Instant from) throws SQLException {
        long count = 0;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            // a cursor (fetch size) needs a transaction in PostgreSQL's driver
            connection.setAutoCommit(false);
            try (PreparedStatement query = connection.prepareStatement(FIXES)) {
                query.setFetchSize(10_000);
                query.setTimestamp(1, Timestamp.from(from));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        target.replay(row(rows));
                        count++;
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
        return count;
    }

    private static PositionRow row(ResultSet rs) throws SQLException {
        long vehicle = rs.getLong("vehicle_id");
        Long vehicleId = rs.wasNull() ? null : vehicle;
        float mileage = rs.getFloat("mileage_km");
        Float mileageKm = rs.wasNull() ? null : mileage;
        return new PositionRow(
                rs.getLong("terminal_id"),
                vehicleId,
                rs.getTimestamp("fix_time").toInstant(),
                rs.getTimestamp("received_at").toInstant(),
                rs.getDouble("latitude"),
                rs.getDouble("longitude"),
                rs.getInt("altitude_m"),
                rs.getFloat("speed_kmh"),
                rs.getInt("direction"),
                rs.getLong("alarm_flags"),
                rs.getLong("status_flags"),
                mileageKm,
                rs.getBoolean("blind_area"));
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the position writer and the gateway. */
    @Override
    public int getPhase() {
        return Jt808Gateway.PHASE - 20;
    }
}
